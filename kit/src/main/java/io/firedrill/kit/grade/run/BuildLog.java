package io.firedrill.kit.grade.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Maven's output says about the build itself: which projects built, the compiler's errors, goals that failed,
 * POMs Maven could not read, test JVMs that died. Test results never come from here, only from the reports.
 * <p>
 * The candidate's code writes into the same output (its tests, its processes), so a line is believed only where
 * Maven alone writes it: POM errors before the run's first plugin execution, compiler errors inside a compiler
 * execution, failed goals and the reactor summary after the run's last {@code BUILD} line. A look-alike printed
 * anywhere else is just text.
 */
public final class BuildLog {

	/** Starts each later run's output in a log that holds several Maven runs. */
	public static final String RUN_SEPARATOR = "[firedrill] ---- ";

	private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

	private static final Pattern COMPILER_ERROR = Pattern
		.compile("^\\[ERROR\\] (/.+?\\.(?:java|kt|groovy|scala)):\\[(\\d+),(\\d+)\\] (.+)$");

	private static final Pattern COMPILER_DETAIL = Pattern.compile("^(?:\\[ERROR\\])?\\s+(symbol|location):\\s+(.+)$");

	private static final Pattern REACTOR_LINE = Pattern.compile("^\\[INFO\\] (.+?) \\.+ ?(SUCCESS|FAILURE|SKIPPED)\\b.*$");

	private static final Pattern GOAL_FAILURE = Pattern
		.compile("^\\[ERROR\\] Failed to execute goal (?:(\\S+) (?:\\(([^)]*)\\) )?)?on project ([^:\\s]+): (.*)$");

	private static final Pattern PROJECT_WITH_ERRORS = Pattern
		.compile("^\\[ERROR\\]\\s+The project (\\S+) \\((.+)\\) has \\d+ errors?$");

	private static final Pattern PROJECT_ERROR_DETAIL = Pattern.compile("^\\[ERROR\\]\\s{4,}(\\S.*)$");

	/** The header of a plugin execution: {@code [INFO] --- compiler:3.14.1:compile (default-compile) @ shop ---}. */
	private static final Pattern EXECUTION = Pattern.compile("^\\[INFO\\] --- (\\S+) (?:\\([^)]*\\) )?@ \\S+ ---$");

	/** The header of the next project: {@code [INFO] ------< com.acme.shop:checkout-service >------}. */
	private static final Pattern PROJECT_HEADER = Pattern.compile("^\\[INFO\\] -+< \\S+ >-+$");

	/** Maven's closing verdict of a run; what follows it is Maven's own report. */
	private static final Pattern BUILD_RESULT = Pattern.compile("^\\[INFO\\] BUILD (?:SUCCESS|FAILURE)$");

	/** A line is cut to this many characters: a longer one is not Maven's, and must not cost memory. */
	static final int LINE_LIMIT = 4000;

	private final List<String> lines;

	private BuildLog(List<String> lines) {
		this.lines = lines;
	}

	/** The log's lines, without colour codes. */
	public List<String> lines() {
		return this.lines;
	}

	public static BuildLog of(List<String> lines) {
		return new BuildLog(lines.stream()
			.map((line) -> ANSI.matcher((line.length() > LINE_LIMIT) ? line.substring(0, LINE_LIMIT) : line)
				.replaceAll(""))
			.toList());
	}

	/** The runs of the log, each as its lines (without the separator). */
	private List<List<String>> runs() {
		List<List<String>> runs = new ArrayList<>();
		int from = 0;
		for (int i = 0; i <= this.lines.size(); i++) {
			if (i == this.lines.size() || this.lines.get(i).startsWith(RUN_SEPARATOR)) {
				runs.add(this.lines.subList(from, i));
				from = i + 1;
			}
		}
		return runs;
	}

	/** Each run's lines before its first plugin execution: Maven reads the POMs there, before any code of theirs. */
	private List<String> beforeExecutions() {
		List<String> lines = new ArrayList<>();
		for (List<String> run : runs()) {
			for (String line : run) {
				if (EXECUTION.matcher(line).matches()) {
					break;
				}
				lines.add(line);
			}
		}
		return lines;
	}

	/** Each run's lines from its last {@code BUILD} line on: Maven's report, written after every test ended. */
	private List<String> afterBuildResults() {
		List<String> lines = new ArrayList<>();
		for (List<String> run : runs()) {
			for (int i = run.size() - 1; i >= 0; i--) {
				if (BUILD_RESULT.matcher(run.get(i)).matches()) {
					lines.addAll(run.subList(i, run.size()));
					break;
				}
			}
		}
		return lines;
	}

	/** The lines written while the compiler ran (its executions only; tests never run there). */
	private List<String> insideCompilerExecutions() {
		List<String> lines = new ArrayList<>();
		boolean compiler = false;
		for (String line : this.lines) {
			Matcher execution = EXECUTION.matcher(line);
			if (execution.matches()) {
				String goal = execution.group(1);
				compiler = goal.startsWith("compiler:") || goal.startsWith("maven-compiler-plugin:");
			}
			else if (line.startsWith(RUN_SEPARATOR) || BUILD_RESULT.matcher(line).matches()
					|| line.startsWith("[INFO] ------------------------------------------------------------------------")
					|| PROJECT_HEADER.matcher(line).matches()) {
				compiler = false;
			}
			else if (compiler) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** An error of the compiler: the file as logged (absolute), line, column and message. */
	public record CompilerError(String path, int line, int column, String message) {

		/** {@code path:[line,column] message} with the path relative to {@code base} when it lies in it. */
		public String describe(String base) {
			String shown = (base != null && this.path.startsWith(base + "/")) ? this.path.substring(base.length() + 1)
					: this.path;
			return shown + ":[" + this.line + "," + this.column + "] " + this.message;
		}

	}

	/** A project line of the reactor summary: the project's display name and SUCCESS, FAILURE or SKIPPED. */
	public record ReactorEntry(String name, String status) {
	}

	/** A goal that failed: the plugin goal (empty for dependency resolution), the project's artifactId, why. */
	public record GoalFailure(String goal, String project, String message) {
	}

	/** A POM Maven could not read: the project, its file, and the errors. */
	public record ProjectError(String project, String pom, List<String> errors) {
	}

	/** The compiler's errors, each once, in the order logged; a {@code symbol:} line is appended to its error. */
	public List<CompilerError> compilerErrors() {
		List<String> lines = insideCompilerExecutions();
		Set<CompilerError> errors = new LinkedHashSet<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher matcher = COMPILER_ERROR.matcher(lines.get(i));
			if (!matcher.matches()) {
				continue;
			}
			String message = SurefireReports.abbreviate(matcher.group(4).strip(), SurefireReports.MESSAGE_LIMIT);
			if (i + 1 < lines.size()) {
				Matcher detail = COMPILER_DETAIL.matcher(lines.get(i + 1));
				if (detail.matches() && detail.group(1).equals("symbol")) {
					message = message + " (symbol: " + detail.group(2).strip() + ")";
				}
			}
			errors.add(new CompilerError(matcher.group(1), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)), message));
		}
		return List.copyOf(errors);
	}

	/**
	 * The reactor summary's project lines, the last summary of each run the log holds (runs are separated by a
	 * {@value #RUN_SEPARATOR} line); empty when Maven stopped before building anything. Only the last summary of a
	 * run counts: an earlier one was printed by something else (a test's output).
	 */
	public List<ReactorEntry> reactorSummary() {
		List<ReactorEntry> entries = new ArrayList<>();
		List<ReactorEntry> run = new ArrayList<>();
		boolean inSummary = false;
		for (String line : this.lines) {
			if (line.startsWith(RUN_SEPARATOR)) {
				entries.addAll(run);
				run.clear();
				inSummary = false;
				continue;
			}
			if (line.startsWith("[INFO] Reactor Summary")) {
				inSummary = true;
				run.clear();
				continue;
			}
			if (!inSummary) {
				continue;
			}
			Matcher matcher = REACTOR_LINE.matcher(line);
			if (matcher.matches()) {
				run.add(new ReactorEntry(matcher.group(1).strip(), matcher.group(2)));
			}
			else if (line.startsWith("[INFO] BUILD ") || line.startsWith("[INFO] ---")) {
				if (!run.isEmpty()) {
					inSummary = false;
				}
			}
		}
		entries.addAll(run);
		return entries;
	}

	/** The goals that failed, each once, as Maven reported them after a run's last {@code BUILD} line. */
	public List<GoalFailure> goalFailures() {
		Set<GoalFailure> failures = new LinkedHashSet<>();
		for (String line : afterBuildResults()) {
			Matcher matcher = GOAL_FAILURE.matcher(line);
			if (matcher.matches()) {
				String goal = (matcher.group(1) != null) ? matcher.group(1) : "";
				failures.add(new GoalFailure(goal, matcher.group(3), SurefireReports.abbreviate(matcher.group(4).strip(),
						SurefireReports.MESSAGE_LIMIT)));
			}
		}
		return List.copyOf(failures);
	}

	/** Whether Maven stopped because it could not read the projects' POMs. */
	public boolean couldNotReadProjects() {
		return beforeExecutions().stream().anyMatch((line) -> line.contains("The build could not read"));
	}

	/** The POMs Maven could not read, with their errors. */
	public List<ProjectError> projectErrors() {
		List<String> lines = beforeExecutions();
		List<ProjectError> projects = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher matcher = PROJECT_WITH_ERRORS.matcher(lines.get(i));
			if (!matcher.matches()) {
				continue;
			}
			List<String> errors = new ArrayList<>();
			for (int j = i + 1; j < lines.size(); j++) {
				Matcher detail = PROJECT_ERROR_DETAIL.matcher(lines.get(j));
				if (!detail.matches() || PROJECT_WITH_ERRORS.matcher(lines.get(j)).matches()) {
					break;
				}
				errors.add(SurefireReports.abbreviate(detail.group(1).replaceAll("\\s*@\\s*$", "").strip(),
						SurefireReports.MESSAGE_LIMIT));
			}
			projects.add(new ProjectError(matcher.group(1), matcher.group(2), errors));
		}
		return projects;
	}

	/**
	 * Lines that look like Maven's report of an unreadable POM, a failed goal or a compiler error, printed where
	 * Maven does not print them (a test's output): something imitated Maven, and was not believed.
	 */
	public List<String> imitations() {
		Set<String> trusted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		trusted.addAll(beforeExecutions());
		trusted.addAll(afterBuildResults());
		trusted.addAll(insideCompilerExecutions());
		List<String> imitations = new ArrayList<>();
		for (String line : this.lines) {
			boolean looksLikeMaven = PROJECT_WITH_ERRORS.matcher(line).matches() || GOAL_FAILURE.matcher(line).matches()
					|| COMPILER_ERROR.matcher(line).matches();
			if (looksLikeMaven && !trusted.contains(line)) {
				imitations.add(SurefireReports.abbreviate(line, 200));
			}
		}
		return imitations;
	}

	/** Surefire's line for a finished test class: {@code Tests run: 6, Failures: 3, ... -- in com.acme.XTests}. */
	private static final Pattern CLASS_RESULT = Pattern.compile("^\\[(?:INFO|WARNING|ERROR)\\] Tests run: (\\d+), "
			+ "Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)(?:, Flakes: \\d+)?, Time elapsed: .*? -- in (\\S+)$");

	/** What Surefire or Failsafe said about one test class when it finished. */
	public record ClassResult(String className, int run, int failures, int errors, int skipped) {
	}

	/**
	 * Every line Surefire and Failsafe printed for a finished test class, in order (a class may appear more than
	 * once, if something printed a look-alike).
	 */
	public List<ClassResult> classResults() {
		List<ClassResult> results = new ArrayList<>();
		for (String line : this.lines) {
			Matcher matcher = CLASS_RESULT.matcher(line);
			if (matcher.matches()) {
				results.add(new ClassResult(matcher.group(5), Integer.parseInt(matcher.group(1)),
						Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
						Integer.parseInt(matcher.group(4))));
			}
		}
		return results;
	}

	/** Whether a test JVM was killed for exceeding its time bound. */
	public boolean forkTimedOut() {
		return this.lines.stream().anyMatch((line) -> line.contains("There was a timeout in the fork")
				|| line.contains("There was a timeout or other error in the fork")
				|| line.contains("forkedProcessTimeoutInSeconds"));
	}

	/** Whether a test JVM died before reporting (System.exit, a crash). */
	public boolean forkCrashed() {
		return this.lines.stream().anyMatch((line) -> line.contains("The forked VM terminated without properly saying goodbye")
				|| line.contains("ExecutionException The forked VM terminated"));
	}

	/**
	 * The first lines Maven logged as errors where only Maven writes (reading the POMs, its closing report), for when
	 * nothing more specific explains a failure.
	 */
	public List<String> firstErrors(int count) {
		List<String> trusted = new ArrayList<>(beforeExecutions());
		trusted.addAll(afterBuildResults());
		List<String> errors = new ArrayList<>();
		for (String line : trusted) {
			if (line.startsWith("[ERROR] ") && !line.strip().equals("[ERROR]") && errors.size() < count) {
				String text = line.substring("[ERROR] ".length()).strip();
				if (!text.isEmpty() && !text.startsWith("->") && !text.startsWith("To see the full")
						&& !text.startsWith("Re-run Maven") && !text.startsWith("For more information")
						&& !text.startsWith("[Help")) {
					errors.add(SurefireReports.abbreviate(text, SurefireReports.MESSAGE_LIMIT));
				}
			}
		}
		return errors;
	}

}
