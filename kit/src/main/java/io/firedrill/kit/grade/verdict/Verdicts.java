package io.firedrill.kit.grade.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.run.ReportedTest;
import io.firedrill.kit.grade.run.TestIds;
import io.firedrill.kit.grade.run.TestOutcome;

/**
 * Turns the reported results of a criterion's hidden tests into its verdict. Counted, not trusted: every test
 * {@code criteria.yaml} lists must have run and passed; a test that did not run is a failure and a finding, never a
 * silent pass.
 */
public final class Verdicts {

	private Verdicts() {
	}

	/** A verdict and what the grader noticed while reaching it. */
	public record Outcome(CriterionResult result, List<Finding> findings) {

		public Outcome {
			findings = List.copyOf(findings);
		}

	}

	/**
	 * The verdict of a criterion whose hidden suite ran.
	 * @param criterion the criterion, with its expected tests
	 * @param reported every test its suite's reports hold
	 */
	public static Outcome grade(Criterion criterion, List<ReportedTest> reported) {
		if (criterion.tests().isEmpty()) {
			return notGraded(criterion, "criteria.yaml lists no hidden test for " + criterion.id(), List.of(),
					List.of(Finding.warning("criterion-without-tests", "criterion " + criterion.id()
							+ " cannot be graded: grading/criteria.yaml lists no hidden test for it")));
		}
		Map<String, List<ReportedTest>> byId = new LinkedHashMap<>();
		Map<String, ReportedTest> classErrors = new LinkedHashMap<>();
		for (ReportedTest test : reported) {
			if (test.isClassLevel()) {
				if (test.outcome() != TestOutcome.PASSED) {
					classErrors.putIfAbsent(test.className(), test);
				}
			}
			else {
				byId.computeIfAbsent(test.id(), (id) -> new ArrayList<>()).add(test);
			}
		}
		List<Evidence> evidence = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		Set<String> failed = new LinkedHashSet<>();
		Set<String> notRun = new LinkedHashSet<>();
		for (String expected : criterion.tests()) {
			List<ReportedTest> instances = byId.get(expected);
			String shortId = TestIds.shortId(expected);
			if (instances == null) {
				ReportedTest classError = classError(classErrors, TestIds.className(expected));
				if (classError != null) {
					failed.add(expected);
					evidence.add(new Evidence(expected, "did not run, its test class failed first: "
							+ nonEmpty(classError.message())));
				}
				else {
					notRun.add(expected);
					evidence.add(new Evidence(expected, "did not run: no report holds it, so it counts as failed"));
					findings.add(Finding.warning("hidden-test-missing", "hidden test " + shortId + " of criterion "
							+ criterion.id() + " did not run (no report holds it); it counts as failed"));
				}
				continue;
			}
			TestOutcome outcome = instances.stream()
				.map(ReportedTest::outcome)
				.reduce(TestOutcome.PASSED, TestOutcome::worse);
			ReportedTest worst = instances.stream().filter((instance) -> instance.outcome() == outcome).findFirst().orElseThrow();
			switch (outcome) {
				case PASSED -> {
					if (instances.stream().anyMatch(ReportedTest::flaky)) {
						findings.add(Finding.info("hidden-test-flaky", "hidden test " + shortId
								+ " failed once and passed on a rerun"));
					}
				}
				case SKIPPED -> {
					notRun.add(expected);
					evidence.add(new Evidence(expected, "was skipped" + (worst.message().isEmpty() ? "" : ": "
							+ worst.message())));
					findings.add(Finding.warning("hidden-test-skipped", "hidden test " + shortId + " of criterion "
							+ criterion.id() + " was skipped; it counts as failed"));
				}
				case FAILED, ERROR -> {
					failed.add(expected);
					String prefix = worst.isInstance() ? worst.name() + ": " : "";
					evidence.add(new Evidence(expected, prefix + nonEmpty(worst.message())));
				}
			}
		}
		Set<String> expected = new LinkedHashSet<>(criterion.tests());
		Set<String> unexpected = new LinkedHashSet<>();
		for (String id : byId.keySet()) {
			if (!expected.contains(id)) {
				unexpected.add(id);
			}
		}
		for (String id : unexpected) {
			findings.add(Finding.warning("hidden-test-unexpected", "the hidden suite of " + criterion.id()
					+ " ran a test that grading/criteria.yaml does not list: " + TestIds.shortId(id)
					+ " (it does not count)"));
		}
		for (ReportedTest classError : classErrors.values()) {
			boolean explains = criterion.tests().stream().anyMatch((id) -> belongsTo(TestIds.className(id), classError.className()));
			if (!explains) {
				findings.add(Finding.warning("hidden-test-unexpected", "the hidden suite of " + criterion.id()
						+ " reported an error for class " + classError.className() + ", which holds no listed test: "
						+ nonEmpty(classError.message())));
			}
		}
		if (failed.isEmpty() && notRun.isEmpty()) {
			return new Outcome(new CriterionResult(criterion.id(), criterion.title(), Status.PASS, null,
					criterion.points(), criterion.points(), true, List.of()), findings);
		}
		Criterion.Partial partial = criterion.partial();
		if (partial != null && notRun.isEmpty() && partial.mayFail().containsAll(failed)) {
			return new Outcome(new CriterionResult(criterion.id(), criterion.title(), Status.PARTIAL, partial.label(),
					partial.points(), criterion.points(), true, evidence), findings);
		}
		return new Outcome(new CriterionResult(criterion.id(), criterion.title(), Status.FAIL, null, 0,
				criterion.points(), true, evidence), findings);
	}

	/**
	 * A criterion whose hidden suite could not run: a fail, with the reason and its details as evidence.
	 * @param reason why, in one sentence ({@code checkout-service did not build})
	 * @param details further lines (the compiler's first errors)
	 */
	public static Outcome notGraded(Criterion criterion, String reason, List<String> details, List<Finding> findings) {
		List<Evidence> evidence = new ArrayList<>();
		evidence.add(new Evidence(null, "not graded: " + reason));
		for (String detail : details) {
			evidence.add(new Evidence(null, detail));
		}
		return new Outcome(new CriterionResult(criterion.id(), criterion.title(), Status.FAIL, null, 0,
				criterion.points(), false, evidence), findings);
	}

	/** A composite criterion: it passes when every part passes. */
	public static CriterionResult composite(Criterion criterion, Map<String, CriterionResult> results) {
		List<Evidence> evidence = new ArrayList<>();
		for (String part : criterion.composite()) {
			CriterionResult result = results.get(part);
			if (result == null) {
				evidence.add(new Evidence(null, part + ": not graded for this incident"));
			}
			else if (result.status() != Status.PASS) {
				evidence.add(new Evidence(null, part + ": " + result.status().label()
						+ ((result.label() != null) ? " (" + result.label() + ")" : "")));
			}
		}
		boolean pass = evidence.isEmpty();
		return new CriterionResult(criterion.id(), criterion.title(), pass ? Status.PASS : Status.FAIL, null,
				pass ? criterion.points() : 0, criterion.points(), true, evidence);
	}

	/** A verdict voided by a critical integrity finding: fail, saying why and what the tests alone gave. */
	public static CriterionResult voided(CriterionResult result, String reason) {
		List<Evidence> evidence = new ArrayList<>();
		evidence.add(new Evidence(null, "voided: " + reason + " (the hidden tests alone gave: "
				+ result.status().label() + ")"));
		evidence.addAll(result.evidence());
		return new CriterionResult(result.id(), result.title(), Status.FAIL, null, 0, result.max(), result.graded(),
				evidence);
	}

	private static ReportedTest classError(Map<String, ReportedTest> classErrors, String className) {
		for (ReportedTest error : classErrors.values()) {
			if (belongsTo(className, error.className())) {
				return error;
			}
		}
		return null;
	}

	/** Whether {@code className} is {@code owner} or nested in it. */
	private static boolean belongsTo(String className, String owner) {
		return className.equals(owner) || className.startsWith(owner + "$");
	}

	private static String nonEmpty(String message) {
		return (message == null || message.isBlank()) ? "(no message)" : message;
	}

}
