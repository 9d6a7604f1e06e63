package io.firedrill.kit.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import io.firedrill.kit.grade.card.ScorecardMarkdown;
import io.firedrill.kit.grade.run.BoundedLog;
import io.firedrill.kit.grade.run.BuildLog;
import io.firedrill.kit.grade.run.MavenRun;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.workspace.Submission;

/**
 * The findings of a grading that are about the submission and its runs rather than a criterion: what it left
 * uncommitted or committed as links, and how its code behaved while it ran (imitating Maven, outliving its run, its
 * time bounds, its test JVMs dying). Built from values, so that each reads the same in every grading.
 */
final class RunFindings {

	private RunFindings() {
	}

	/** Says which uncommitted paths were left out of the grading. */
	static Optional<Finding> uncommitted(Submission submission) {
		if (submission.uncommitted().isEmpty()) {
			return Optional.empty();
		}
		List<String> shown = submission.uncommitted().stream().limit(Submission.UNCOMMITTED_SHOWN).toList();
		return Optional.of(Finding.warning("uncommitted-changes", "uncommitted changes were not graded ("
				+ submission.uncommitted().size() + (submission.uncommitted().size() == 1 ? " path: " : " paths: ")
				+ String.join(", ", shown) + (submission.uncommitted().size() > shown.size() ? ", …" : "") + ")"));
	}

	/** Says that a shallow clone was graded on its commit's tree alone: what came before it is not there. */
	static Optional<Finding> shallow(Submission submission) {
		if (!submission.shallow()) {
			return Optional.empty();
		}
		return Optional.of(Finding.info("shallow-clone", "the submission is a shallow clone (git clone --depth):"
				+ " the graded commit's tree was graded as it is, but the history before the clone's first commit is"
				+ " not there, so the commits that led to it could not be looked at"));
	}

	/** Says which committed symbolic links were built as plain files. */
	static Optional<Finding> symbolicLinks(Map<String, String> links) {
		if (links.isEmpty()) {
			return Optional.empty();
		}
		List<String> shown = links.entrySet().stream().limit(10)
			.map((link) -> link.getKey() + " -> " + SurefireReports.abbreviate(link.getValue(), 120)).toList();
		return Optional.of(Finding.warning("symbolic-link", links.size() + " symbolic "
				+ (links.size() == 1 ? "link was" : "links were") + " committed and built as plain files holding"
				+ " their targets, since the grader never follows a link out of the submission: "
				+ String.join(", ", shown) + (links.size() > shown.size() ? ", …" : "")));
	}

	/**
	 * How the candidate's code behaved in the runs, in the order the scorecard lists them.
	 * @param relative makes a line's workspace paths relative
	 */
	static List<Finding> ofRuns(MavenRun.Result run, BuildLog log, GradingSession.Settings settings,
			UnaryOperator<String> relative) {
		List<Finding> findings = new ArrayList<>();
		List<String> imitations = log.imitations();
		if (!imitations.isEmpty()) {
			findings.add(Finding.warning("imitates-maven-output", imitations.size() + " line"
					+ (imitations.size() == 1 ? "" : "s") + " of the candidate's output imitated Maven's report of a"
					+ " broken POM, a failed goal or a compiler error, and were not believed: "
					+ list(imitations.stream().map(relative).toList())));
		}
		if (!run.withoutNetwork()) {
			findings.add(Finding.info("network-not-isolated", "the candidate's code ran with this machine's network,"
					+ " and a process it detached could outlive its run: this machine cannot give the grading runs"
					+ " namespaces of their own (unshare --net --pid, ip)"));
		}
		if (run.hadSurvivors()) {
			findings.add(Finding.warning("process-outlived-run", "a process the candidate's code started was still"
					+ " running when its build or a hidden suite's run ended (a detached helper, or a server a test did"
					+ " not stop): it was killed with the run, before any report was read"));
		}
		if (run.timedOut()) {
			findings.add(Finding.warning("timeout", "the grading run exceeded its bound of "
					+ ScorecardMarkdown.duration(settings.timeout().toSeconds())
					+ " and was stopped; hidden tests that had not run count as failed"));
		}
		if (log.forkTimedOut()) {
			findings.add(Finding.warning("test-timeout", "a test JVM exceeded its bound of "
					+ settings.forkTimeoutSeconds() + " s and was killed; its unfinished tests count as failed"));
		}
		if (log.forkCrashed()) {
			findings.add(Finding.warning("test-jvm-died", "a test JVM died before it reported (System.exit or a crash);"
					+ " its unreported tests count as failed"));
		}
		return findings;
	}

	/** Says that the build printed more than the log keeps. */
	/**
	 * The candidate's build wrote among the grader's own files of the workspace: a hidden suite planted where the
	 * kit's is copied next, or a Maven configuration the suites' runs would read. Both are put back before any suite
	 * runs, but a build that tries is not graded.
	 */
	static Optional<Finding> graderFilesWritten(List<String> paths) {
		if (paths.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Finding.critical("grader-files-written", "the candidate's build wrote into the grader's"
				+ " own folders of the workspace (" + list(paths.stream()
					.map((path) -> SurefireReports.abbreviate(path, 160))
					.toList()) + "): they were put back before the hidden suites ran, but its results cannot be"
				+ " trusted"));
	}

	static Optional<Finding> outputCut(BuildLog candidateLog) {
		if (candidateLog.lines().stream().noneMatch((line) -> line.startsWith(BoundedLog.CUT))) {
			return Optional.empty();
		}
		return Optional.of(Finding.warning("output-cut", "the candidate's build printed more than "
				+ (BoundedLog.HEAD_LIMIT + BoundedLog.TAIL_LIMIT) / (1024 * 1024) + " MB: build.log keeps its first "
				+ BoundedLog.HEAD_LIMIT / (1024 * 1024) + " MB and its last " + BoundedLog.TAIL_LIMIT / (1024 * 1024)
				+ " MB"));
	}

	/** The paths whose fingerprints differ, or that appeared, between two fingerprints of the workspace. */
	static String changed(Map<String, String> before, Map<String, String> after) {
		Set<String> paths = new TreeSet<>();
		for (String path : before.keySet()) {
			if (!before.get(path).equals(after.get(path))) {
				paths.add(path);
			}
		}
		for (String path : after.keySet()) {
			if (!before.containsKey(path)) {
				paths.add(path);
			}
		}
		return list(new ArrayList<>(paths));
	}

	/** The first ten values, then an ellipsis. */
	static String list(List<String> values) {
		int shown = Math.min(10, values.size());
		return String.join(", ", values.subList(0, shown)) + ((values.size() > shown) ? ", …" : "");
	}

}
