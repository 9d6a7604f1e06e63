package io.firedrill.kit.grade.verdict;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.firedrill.kit.grade.workspace.SourceTree;

/**
 * Looks at the candidate's tree at the graded commit, before anything runs, for what could fool the grader or hide
 * a problem: classes in the packages of the test libraries or of the grader, hooks into the test engine, code that
 * exits the JVM, build changes that skip or ignore tests, Maven configuration the grader ignores.
 * <p>
 * The candidate's main code and resources end up on the hidden suites' classpath, so there a shadowed library class
 * or an engine hook voids every criterion; in the candidate's test sources it only touches its own tests.
 */
public final class IntegrityScan {

	/** Packages of the test libraries the hidden suites use, and of the grader, with their owners. */
	static final Map<String, String> RESERVED_PACKAGES = Map.of("org.junit", "JUnit", "org.assertj", "AssertJ",
			"org.mockito", "Mockito", "com.tngtech.archunit", "ArchUnit", "org.opentest4j", "OpenTest4J",
			"org.apiguardian", "API Guardian", "io.firedrill", "the grader", "org.apache.maven.surefire",
			"Surefire");

	/** Service interfaces whose registration would run code inside the test engine. */
	private static final List<String> ENGINE_SERVICES = List.of("org.junit.", "org.apache.maven.surefire.",
			"com.tngtech.archunit.");

	/** A Liquibase change set step written in Java ({@code <customChange class=...>}, {@code customChange:}). */
	private static final Pattern LIQUIBASE_CUSTOM_CHANGE = Pattern.compile("<customChange\\b|^\\s*-?\\s*customChange\\s*:",
			Pattern.MULTILINE);

	/** A manifest's attributes that make a jar a Java agent. */
	private static final Pattern JAVA_AGENT = Pattern.compile("(?mi)^(?:Premain-Class|Agent-Class|Launcher-Agent-Class)\\s*:");

	/** Configuration files the test engine or ArchUnit read from the classpath. */
	private static final List<String> ENGINE_CONFIGURATION = List.of("junit-platform.properties",
			"archunit.properties");

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_][\\w.]*)\\s*;?");

	private static final Pattern JVM_EXIT = Pattern.compile(
			"System\\s*\\.\\s*exit\\s*\\(|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(?:halt|exit)\\s*\\(|\\.\\s*halt\\s*\\(");

	private static final List<String> SOURCE_SUFFIXES = List.of(".java", ".kt", ".groovy", ".scala");

	/** Maven configuration files under {@code .mvn/} that the grader ignores. */
	private static final List<String> MAVEN_CONFIGURATION = List.of(".mvn/extensions.xml", ".mvn/maven.config",
			".mvn/jvm.config");

	private IntegrityScan() {
	}

	/**
	 * Scans the candidate's tree.
	 * @param candidate the graded commit
	 * @param baseline the incident's tag, as the kit makes it: POMs are compared with it
	 * @return the findings, in the order of the tree
	 */
	public static List<Finding> scan(SourceTree candidate, SourceTree baseline) {
		List<Finding> findings = new ArrayList<>();
		for (String path : candidate.paths()) {
			reservedPackages(candidate, path, findings);
			engineHooks(candidate, path, findings);
			jvmExit(candidate, baseline, path, findings);
		}
		for (String path : MAVEN_CONFIGURATION) {
			if (candidate.read(path).isPresent()) {
				findings.add(Finding.info("maven-config-ignored", path + " is ignored: the grader runs Maven with its"
						+ " own settings from its own workspace"));
			}
		}
		findings.addAll(pomChanges(candidate, baseline));
		findings.addAll(visibleTestChanges(candidate, baseline));
		return findings;
	}

	private static final Pattern TEST_METHOD = Pattern
		.compile("@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");

	private static final Pattern DISABLED = Pattern.compile("@Disabled\\w*\\b");

	private static final Pattern ASSERTION = Pattern
		.compile("\\b(?:assert\\w*|verify\\w*|fail|then)\\s*\\(|\\.(?:is|has|contains|does|satisfies|matches)\\w*\\s*\\(");

	/**
	 * The incident's own tests, as the candidate left them: deleted, disabled, or with fewer test methods or
	 * assertions than at the tag. The hidden suites do not depend on them, but a green build bought that way is
	 * what the interviewer should look at.
	 */
	static List<Finding> visibleTestChanges(SourceTree candidate, SourceTree baseline) {
		List<Finding> findings = new ArrayList<>();
		for (String path : baseline.paths()) {
			if (!isTestPath(path) || SOURCE_SUFFIXES.stream().noneMatch(path::endsWith)) {
				continue;
			}
			if (candidate.read(path).isEmpty()) {
				findings.add(Finding.warning("visible-test-weakened",
						path + " was deleted: the tests it held at the incident's tag no longer run"));
				continue;
			}
			String before = withoutComments(text(baseline, path));
			String after = withoutComments(text(candidate, path));
			int disabled = count(DISABLED, after) - count(DISABLED, before);
			int testsBefore = count(TEST_METHOD, before);
			int testsAfter = count(TEST_METHOD, after);
			int assertionsBefore = count(ASSERTION, before);
			int assertionsAfter = count(ASSERTION, after);
			if (disabled > 0) {
				findings.add(Finding.warning("visible-test-weakened", path + " adds " + disabled
						+ " @Disabled: tests that ran at the incident's tag are skipped"));
			}
			if (testsAfter < testsBefore) {
				findings.add(Finding.warning("visible-test-weakened", path + " has fewer test methods than at the"
						+ " incident's tag (" + testsBefore + " -> " + testsAfter + ")"));
			}
			else if (assertionsAfter < assertionsBefore) {
				findings.add(Finding.warning("visible-test-weakened", path + " has fewer assertions than at the"
						+ " incident's tag (" + assertionsBefore + " -> " + assertionsAfter + ")"));
			}
		}
		return findings;
	}

	/** The lines that exit the JVM, without their indentation, in order. */
	private static List<String> exitLines(String code) {
		return code.lines().filter((line) -> JVM_EXIT.matcher(line).find()).map(String::strip).toList();
	}

	private static int count(Pattern pattern, String text) {
		return (int) pattern.matcher(text).results().count();
	}

	/** Whether a path is part of test code or test resources (only the candidate's own tests see it). */
	static boolean isTestPath(String path) {
		return path.startsWith("src/test/") || path.contains("/src/test/") || path.startsWith("src/it/")
				|| path.contains("/src/it/");
	}

	private static void reservedPackages(SourceTree tree, String path, List<Finding> findings) {
		Optional<String> packageName = Optional.empty();
		String what = null;
		if (SOURCE_SUFFIXES.stream().anyMatch(path::endsWith)) {
			packageName = packageOf(text(tree, path)).flatMap(IntegrityScan::reservedOwner);
			what = "declares a class in package " + packageOf(text(tree, path)).orElse("");
		}
		else if (path.endsWith(".class")) {
			packageName = reservedPathPackage(path);
			what = "is a compiled class in package " + packageName.orElse("");
		}
		else if (path.endsWith(".jar")) {
			packageName = tree.read(path).flatMap(IntegrityScan::reservedPackageInJar);
			what = "is a jar with classes in package " + packageName.orElse("");
		}
		if (packageName.isEmpty()) {
			return;
		}
		String reserved = packageName.get();
		String owner = RESERVED_PACKAGES.get(reserved);
		if (isTestPath(path)) {
			findings.add(Finding.warning("shadows-test-library", path + " " + what + ", which belongs to " + owner
					+ ": it can only change the candidate's own tests, which are not graded"));
		}
		else {
			findings.add(Finding.critical("shadows-test-library", path + " " + what + ", which belongs to " + owner
					+ ": on the hidden suites' classpath it could replace " + owner + "'s own classes"));
		}
	}

	private static void engineHooks(SourceTree tree, String path, List<Finding> findings) {
		if (isTestPath(path)) {
			return;
		}
		String name = path.substring(path.lastIndexOf('/') + 1);
		boolean service = path.contains("META-INF/services/") && ENGINE_SERVICES.stream().anyMatch(name::startsWith);
		boolean configuration = ENGINE_CONFIGURATION.contains(name) && path.contains("/resources/");
		if (path.contains("META-INF/services/liquibase.")) {
			findings.add(Finding.warning("hooks-liquibase", path + " registers " + name + ": Liquibase would run it"
					+ " wherever the candidate's changelog is applied, the hidden suites included"));
		}
		else if (path.contains("/resources/") && LIQUIBASE_CUSTOM_CHANGE.matcher(text(tree, path)).find()) {
			findings.add(Finding.info("liquibase-custom-change", path + " has a customChange: Java code of the"
					+ " candidate's runs as a migration step, inside the hidden suites that apply the changelog"));
		}
		boolean agent = name.equals("MANIFEST.MF") && path.contains("/resources/")
				&& JAVA_AGENT.matcher(text(tree, path)).find();
		if (service) {
			findings.add(Finding.critical("hooks-test-engine", path + " registers " + name
					+ ": it would run inside the hidden suites' test engine"));
		}
		else if (agent) {
			findings.add(Finding.critical("hooks-test-engine", path + " declares a Java agent: started with a"
					+ " JVM, it could rewrite the hidden suites' classes as they load"));
		}
		else if (configuration) {
			findings.add(Finding.critical("hooks-test-engine", path + " would configure "
					+ (name.startsWith("junit") ? "JUnit" : "ArchUnit") + " inside the hidden suites"));
		}
	}

	/**
	 * A call that exits the JVM in main code, unless the incident's tag has the very same statements in that file
	 * (a run-once main's {@code System.exit(runOnce(args))}).
	 */
	private static void jvmExit(SourceTree tree, SourceTree baseline, String path, List<Finding> findings) {
		if (isTestPath(path) || SOURCE_SUFFIXES.stream().noneMatch(path::endsWith)) {
			return;
		}
		String code = withoutComments(text(tree, path));
		String before = withoutComments(text(baseline, path));
		if (count(JVM_EXIT, code) == count(JVM_EXIT, before) && exitLines(code).equals(exitLines(before))) {
			return;
		}
		Matcher matcher = JVM_EXIT.matcher(code);
		if (matcher.find()) {
			String call = matcher.group().replaceAll("\\s+", "");
			call = call.substring(0, call.length() - 1) + "()";
			findings.add(Finding.warning("exits-jvm", path + " calls " + call + ": a grading JVM that runs this code "
					+ "dies, and the hidden tests it had not run yet count as failed"));
		}
	}

	/** New test settings, extensions and plugins in the candidate's POMs, compared with the incident's tag. */
	static List<Finding> pomChanges(SourceTree candidate, SourceTree baseline) {
		List<Finding> findings = new ArrayList<>();
		for (String path : candidate.paths()) {
			if (!path.equals("pom.xml") && !path.endsWith("/pom.xml")) {
				continue;
			}
			Set<PomFacts.Fact> now;
			try {
				now = PomFacts.of(candidate.read(path).orElseThrow());
			}
			catch (IllegalArgumentException ex) {
				findings.add(Finding.warning("pom-unreadable", path + " is not well-formed XML; Maven cannot build it"));
				continue;
			}
			Set<PomFacts.Fact> before = new LinkedHashSet<>();
			Optional<byte[]> old = baseline.read(path);
			if (old.isPresent()) {
				try {
					before = PomFacts.of(old.get());
				}
				catch (IllegalArgumentException ex) {
					// the kit's own POM: compare with nothing
				}
			}
			for (PomFacts.Fact fact : now) {
				if (before.contains(fact)) {
					continue;
				}
				String change = (old.isPresent() ? "" : "(new POM) ") + fact.text();
				switch (fact.kind()) {
					case TEST_SETTING -> findings.add(Finding.warning("build-test-setting", path + " adds or changes "
							+ change + ": it can skip, narrow or ignore the candidate's own tests (the hidden suites"
							+ " run in the grader's modules and are not affected)"));
					case EXTENSION -> findings.add(Finding.warning("build-extension", path + " adds " + change
							+ ": extensions run inside Maven and could change how every module is built, the"
							+ " hidden suites included"));
					case PLUGIN -> findings.add(Finding.info("build-plugin", path + " adds " + change));
				}
			}
		}
		return findings;
	}

	static Optional<String> packageOf(String source) {
		Matcher matcher = PACKAGE.matcher(withoutComments(source));
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** The reserved package a package is, or lies in. */
	static Optional<String> reservedOwner(String packageName) {
		for (String reserved : RESERVED_PACKAGES.keySet()) {
			if (packageName.equals(reserved) || packageName.startsWith(reserved + ".")) {
				return Optional.of(reserved);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> reservedPathPackage(String path) {
		String slashed = "/" + path;
		for (String reserved : RESERVED_PACKAGES.keySet()) {
			if (slashed.contains("/" + reserved.replace('.', '/') + "/")) {
				return Optional.of(reserved);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> reservedPackageInJar(byte[] jar) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().endsWith(".class")) {
					Optional<String> reserved = reservedPathPackage(entry.getName());
					if (reserved.isPresent()) {
						return reserved;
					}
				}
			}
		}
		catch (IOException ex) {
			// not a zip: nothing Maven would put on a classpath either
		}
		return Optional.empty();
	}

	private static String text(SourceTree tree, String path) {
		return tree.read(path).map((bytes) -> new String(bytes, StandardCharsets.UTF_8)).orElse("");
	}

	/** Source without its comments, so that a mention in a comment is not a call. */
	static String withoutComments(String source) {
		return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
	}

}
