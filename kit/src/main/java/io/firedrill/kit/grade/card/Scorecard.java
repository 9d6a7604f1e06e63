package io.firedrill.kit.grade.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Finding;

/**
 * The result of grading one submission: what {@code scorecard.json}, {@code scorecard.md} and
 * {@code scorecard.html} show, and the candidate's {@code feedback.md} and {@code feedback.html}
 * ({@link FeedbackCard}). {@link ScorecardJson} is the contract that names its fields.
 *
 * @param feedback each criterion's candidate-facing words and visibility, by criterion id (a criterion not in it
 * is shared after the review)
 * @param decision the candidate's {@code DECISION.md} in the graded commit
 * @param timeline the candidate's commits after the brief
 */
public record Scorecard(String incident, String incidentTitle, Candidate candidate, String gradedAt, String kitVersion,
		String kitCommit, List<CriterionResult> criteria, OwnTests ownTests, Build build, List<Finding> integrity,
		Durations durations, Rubric rubric, Map<String, Criterion.Feedback> feedback, Decision decision,
		Timeline timeline) {

	/** Version of the JSON contract; raised when a field changes meaning or disappears. */
	public static final int SCHEMA_VERSION = 1;

	public Scorecard {
		criteria = List.copyOf(criteria);
		integrity = List.copyOf(integrity);
		feedback = Collections.unmodifiableMap(new LinkedHashMap<>(feedback));
		decision = (decision != null) ? decision : Decision.absent();
		timeline = (timeline != null) ? timeline : Timeline.none();
	}

	/** A card without feedback words, decision or timeline (each criterion shared after the review). */
	public Scorecard(String incident, String incidentTitle, Candidate candidate, String gradedAt, String kitVersion,
			String kitCommit, List<CriterionResult> criteria, OwnTests ownTests, Build build, List<Finding> integrity,
			Durations durations, Rubric rubric) {
		this(incident, incidentTitle, candidate, gradedAt, kitVersion, kitCommit, criteria, ownTests, build, integrity,
				durations, rubric, Map.of(), Decision.absent(), Timeline.none());
	}

	/** What the candidate's card may say about a criterion. */
	public Criterion.Feedback feedbackOf(String criterion) {
		return this.feedback.getOrDefault(criterion, Criterion.Feedback.AFTER_REVIEW);
	}

	/**
	 * What was graded.
	 * @param source the repository folder or bundle file given
	 * @param ref the ref graded ({@code HEAD}, a branch, a tag)
	 * @param commit the graded commit's full id
	 * @param uncommittedChanges whether the repository had changes that were not committed (not graded)
	 * @param uncommittedPaths the first of those paths
	 */
	public record Candidate(String source, String ref, String commit, boolean uncommittedChanges,
			List<String> uncommittedPaths) {

		public Candidate {
			// the ref and the paths are the candidate's text, copied into every rendering of the card
			ref = (ref != null) ? SurefireReports.abbreviate(ref, 200) : null;
			uncommittedPaths = uncommittedPaths.stream().map((path) -> SurefireReports.abbreviate(path, 300)).toList();
		}

		public String shortCommit() {
			return this.commit.substring(0, Math.min(10, this.commit.length()));
		}

	}

	/**
	 * The candidate's own tests: counts from its modules' reports, and the visible test classes of the incident
	 * that did not run.
	 * @param ran whether they were run at all (a proof of a fix skips them)
	 * @param failed failures and errors together
	 */
	public record OwnTests(boolean ran, int run, int failed, int errors, int skipped, List<String> missingClasses,
			List<String> skippedTests) {

		public OwnTests {
			missingClasses = List.copyOf(missingClasses);
			skippedTests = skippedTests.stream().limit(50).toList();
		}

		public static OwnTests notRun() {
			return new OwnTests(false, 0, 0, 0, 0, List.of(), List.of());
		}

		/** Whether every visible test that ran passed and every visible test class ran. */
		public boolean allPassed() {
			return this.ran && this.failed == 0 && this.missingClasses.isEmpty();
		}

	}

	/**
	 * The candidate's build.
	 * @param ok whether every module of the candidate built
	 * @param modules each module and what happened to it
	 * @param errors the compiler's first errors (paths relative to the candidate), or why Maven stopped
	 */
	public record Build(boolean ok, List<Module> modules, List<String> errors) {

		public Build {
			modules = List.copyOf(modules);
			errors = List.copyOf(errors);
		}

	}

	/**
	 * A module of the candidate's build.
	 * @param module its folder relative to the candidate's root ({@code .} for the root)
	 * @param status {@code built}, {@code failed}, {@code skipped} or {@code not-run}
	 */
	public record Module(String module, String status) {

		public Module {
			module = SurefireReports.abbreviate(module, 300);
		}

	}

	/** How long grading took and its bound. */
	public record Durations(long totalSeconds, long mavenSeconds, long timeoutSeconds, boolean timedOut) {
	}

	public int totalPoints() {
		return this.criteria.stream().mapToInt(CriterionResult::points).sum();
	}

	public int maxPoints() {
		return this.criteria.stream().mapToInt(CriterionResult::max).sum();
	}

}
