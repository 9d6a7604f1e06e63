package io.firedrill.kit.grade.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.firedrill.kit.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads Surefire and Failsafe XML reports ({@code TEST-*.xml}): the only source of test results the grader trusts,
 * never the console. The reports of a candidate's modules are hostile input: no DTD, no external entity.
 */
public final class SurefireReports {

	/** Where Surefire and Failsafe write their reports in a module. */
	public static final List<String> DIRECTORIES = List.of("target/surefire-reports", "target/failsafe-reports");

	/**
	 * The time stamp of Spring's error body ({@code "timestamp":"2026-...Z",}): dropped from messages so that grading
	 * the same submission twice gives the same scorecard.
	 */
	private static final Pattern SPRING_ERROR_TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"[^\"]*\",?");

	/** A report larger than this is not read. */
	static final long REPORT_LIMIT = 16L * 1024 * 1024;

	/** At most this many characters of a message are kept. */
	static final int MESSAGE_LIMIT = 400;

	private SurefireReports() {
	}

	/** The result of reading a module's reports: its tests and the files that could not be read. */
	public record Read(List<ReportedTest> tests, List<String> unreadable) {

		/** No report at all: the suite did not run. */
		public static final Read NONE = new Read(List.of(), List.of());

		public boolean isEmpty() {
			return this.tests.isEmpty() && this.unreadable.isEmpty();
		}

	}

	/** All tests reported under a module directory (both report folders), in a stable order. */
	public static Read readModule(Path module) {
		List<ReportedTest> tests = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (String directory : DIRECTORIES) {
			Read read = readDirectory(module.resolve(directory));
			tests.addAll(read.tests());
			unreadable.addAll(read.unreadable());
		}
		return new Read(tests, unreadable);
	}

	/** All tests of the {@code TEST-*.xml} files of one folder, by file name order; a missing folder has none. */
	public static Read readDirectory(Path directory) {
		List<ReportedTest> tests = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return new Read(tests, unreadable);
		}
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "TEST-*.xml")) {
			stream.forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.sort(null);
		for (Path file : files) {
			try (InputStream in = Files.newInputStream(file)) {
				if (Files.size(file) > REPORT_LIMIT) {
					// no report of the hidden suites comes near this; a candidate's own may be made to
					unreadable.add(file.getFileName() + " (over " + REPORT_LIMIT / (1024 * 1024) + " MB)");
					continue;
				}
				tests.addAll(parse(in));
			}
			catch (IOException | SAXException | RuntimeException ex) {
				unreadable.add(file.getFileName().toString());
			}
		}
		return new Read(tests, unreadable);
	}

	/** The test cases of one report. */
	public static List<ReportedTest> parse(InputStream report) throws IOException, SAXException {
		Document document = Xml.parser().parse(report);
		NodeList cases = document.getElementsByTagName("testcase");
		List<ReportedTest> tests = new ArrayList<>();
		for (int i = 0; i < cases.getLength(); i++) {
			tests.add(testCase((Element) cases.item(i)));
		}
		return tests;
	}

	private static ReportedTest testCase(Element testCase) {
		String className = testCase.getAttribute("classname").strip();
		String name = testCase.getAttribute("name").strip();
		Node parent = testCase.getParentNode();
		String suite = (parent instanceof Element element) ? element.getAttribute("name").strip() : "";
		if (className.isEmpty()) {
			className = suite;
		}
		else if (!className.contains(".") && (suite.endsWith("." + className) || suite.endsWith("$" + className))) {
			// ArchUnit's engine names the class of an @ArchTest field by its simple name only
			className = suite;
		}
		TestOutcome outcome = TestOutcome.PASSED;
		Element problem = null;
		boolean flaky = false;
		for (Element element : Xml.children(testCase, null)) {
			switch (element.getTagName()) {
				case "failure" -> {
					outcome = outcome.worse(TestOutcome.FAILED);
					problem = (problem == null) ? element : problem;
				}
				case "error" -> {
					outcome = outcome.worse(TestOutcome.ERROR);
					problem = (problem == null) ? element : problem;
				}
				case "skipped" -> {
					outcome = outcome.worse(TestOutcome.SKIPPED);
					problem = (problem == null) ? element : problem;
				}
				case "flakyFailure", "flakyError" -> flaky = true;
				default -> {
				}
			}
		}
		String message = (problem != null) ? message(problem, outcome) : "";
		return new ReportedTest(className, name, outcome, message, flaky && outcome == TestOutcome.PASSED);
	}

	/**
	 * The plain-English part of a failure: the {@code message} attribute (or the first line of the trace), the first
	 * line or two, without the stack trace; for an unexpected exception, prefixed with its simple type.
	 */
	static String message(Element problem, TestOutcome outcome) {
		String message = problem.getAttribute("message");
		String type = problem.getAttribute("type").strip();
		if (message.isBlank()) {
			message = firstLinesOfTrace(problem.getTextContent(), type);
		}
		String text = SPRING_ERROR_TIMESTAMP.matcher(firstLines(message, 2)).replaceAll("");
		if (outcome == TestOutcome.ERROR && !type.isEmpty() && !type.endsWith("AssertionError")
				&& !type.endsWith("AssertionFailedError")) {
			String simpleType = type.substring(type.lastIndexOf('.') + 1);
			text = text.isEmpty() ? simpleType : simpleType + ": " + text;
		}
		return abbreviate(text, MESSAGE_LIMIT);
	}

	/** The first lines of a trace before its first {@code at ...} frame, with the exception type removed. */
	private static String firstLinesOfTrace(String trace, String type) {
		if (trace == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (String line : trace.split("\\R")) {
			String stripped = line.strip();
			if (stripped.startsWith("at ") || stripped.startsWith("Caused by:") || stripped.startsWith("...")) {
				break;
			}
			text.append(line).append('\n');
		}
		String head = text.toString().strip();
		if (!type.isEmpty() && head.startsWith(type)) {
			head = head.substring(type.length());
			head = head.startsWith(":") ? head.substring(1) : head;
		}
		return head.strip();
	}

	/** The first {@code count} non-blank lines, joined with a space. */
	static String firstLines(String text, int count) {
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\\R")) {
			if (!line.isBlank()) {
				lines.add(line.strip());
			}
			if (lines.size() == count) {
				break;
			}
		}
		return String.join(" ", lines);
	}

	public static String abbreviate(String text, int limit) {
		return (text.length() <= limit) ? text : text.substring(0, limit - 1).stripTrailing() + "…";
	}

}
