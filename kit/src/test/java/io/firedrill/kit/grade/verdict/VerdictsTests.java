package io.firedrill.kit.grade.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.run.ReportedTest;
import io.firedrill.kit.grade.run.TestIds;
import io.firedrill.kit.grade.run.TestOutcome;

import org.junit.jupiter.api.Test;

public class VerdictsTests {

	static final String SUITE = "io.firedrill.grading.flaggated.FlagGatedBackendTests";

	static final String OFF = "io.firedrill.grading.flaggated.FlagOffTests";

	public static final String NEVER_FAIL = SUITE + "#checkoutsOfCustomersOutsideTheRolloutNeverFail";

	public static final String NO_DISCOUNT = SUITE + "#aCustomerOutsideTheRolloutWhoSendsACodeAnywayGetsNoDiscount";

	public static final String FLAG_OFF = OFF + "#withTheFlagOffNobodyGetsADiscount";

	public static final Criterion GATED = new Criterion("flag-gated-backend", "Discount codes are gated", 10,
			"flag-gated-backend", List.of("checkout-service"), null, List.of(NEVER_FAIL, NO_DISCOUNT, FLAG_OFF),
			new Criterion.Partial("mitigated, not gated", 4, List.of(NO_DISCOUNT, FLAG_OFF)), List.of());

	@Test
	void everyExpectedTestPassingIsAPassWithAllPoints() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL), passed(NO_DISCOUNT), passed(FLAG_OFF)));

		assertThat(outcome.result().status()).isEqualTo(Status.PASS);
		assertThat(outcome.result().points()).isEqualTo(10);
		assertThat(outcome.result().evidence()).isEmpty();
		assertThat(outcome.findings()).isEmpty();
	}

	@Test
	void onlyTestsThePartialRuleAllowsFailingIsPartialWithItsLabelAndPoints() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL),
				failed(NO_DISCOUNT, "a customer outside the 10 % rollout who sent code SAVE10 was given the discount"),
				passed(FLAG_OFF)));

		assertThat(outcome.result().status()).isEqualTo(Status.PARTIAL);
		assertThat(outcome.result().label()).isEqualTo("mitigated, not gated");
		assertThat(outcome.result().points()).isEqualTo(4);
		assertThat(outcome.result().evidence()).containsExactly(new Evidence(NO_DISCOUNT,
				"a customer outside the 10 % rollout who sent code SAVE10 was given the discount"));
	}

	@Test
	void aFailureOutsideThePartialRuleIsAFail() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(failed(NEVER_FAIL, "HTTP 500"), failed(NO_DISCOUNT, "discount"),
				passed(FLAG_OFF)));

		assertThat(outcome.result().status()).isEqualTo(Status.FAIL);
		assertThat(outcome.result().points()).isZero();
		assertThat(outcome.result().evidence()).extracting(Evidence::test).containsExactly(NEVER_FAIL, NO_DISCOUNT);
	}

	@Test
	void aMissingTestIsAFailAndAnIntegrityFindingNeverASilentPass() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL), passed(NO_DISCOUNT)));

		assertThat(outcome.result().status()).isEqualTo(Status.FAIL);
		assertThat(outcome.result().evidence()).singleElement()
			.isEqualTo(new Evidence(FLAG_OFF, "did not run: no report holds it, so it counts as failed"));
		assertThat(outcome.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("hidden-test-missing");
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.message()).contains("FlagOffTests#withTheFlagOffNobodyGetsADiscount");
		});
	}

	@Test
	void aMissingTestIsNeverPartialEvenWhenThePartialRuleAllowsItToFail() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL), failed(NO_DISCOUNT, "discount")));

		assertThat(outcome.result().status()).isEqualTo(Status.FAIL);
	}

	@Test
	void aSkippedTestCountsAsFailedAndIsAFinding() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL), passed(NO_DISCOUNT),
				new ReportedTest(OFF, "withTheFlagOffNobodyGetsADiscount", TestOutcome.SKIPPED, "not today", false)));

		assertThat(outcome.result().status()).isEqualTo(Status.FAIL);
		assertThat(outcome.result().evidence()).containsExactly(new Evidence(FLAG_OFF, "was skipped: not today"));
		assertThat(outcome.findings()).extracting(Finding::code).containsExactly("hidden-test-skipped");
	}

	@Test
	void aClassThatFailedBeforeItsTestsExplainsThemWithItsError() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(
				new ReportedTest(SUITE, "", TestOutcome.ERROR, "IllegalStateException: the shop did not start", false),
				passed(FLAG_OFF)));

		assertThat(outcome.result().status()).isEqualTo(Status.FAIL);
		assertThat(outcome.result().evidence()).extracting(Evidence::message)
			.containsOnly("did not run, its test class failed first: IllegalStateException: the shop did not start");
		assertThat(outcome.findings()).isEmpty();
	}

	@Test
	void everyInstanceOfAParameterizedTestMustPass() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(
				new ReportedTest(SUITE, "checkoutsOfCustomersOutsideTheRolloutNeverFail(String)[1]", TestOutcome.PASSED, "", false),
				new ReportedTest(SUITE, "checkoutsOfCustomersOutsideTheRolloutNeverFail(String)[2]", TestOutcome.FAILED,
						"customer 2002 got HTTP 500", false),
				passed(NO_DISCOUNT), passed(FLAG_OFF)));

		assertThat(outcome.result().status()).isEqualTo(Status.FAIL);
		assertThat(outcome.result().evidence()).containsExactly(new Evidence(NEVER_FAIL,
				"checkoutsOfCustomersOutsideTheRolloutNeverFail(String)[2]: customer 2002 got HTTP 500"));
	}

	@Test
	void aTestTheContractDoesNotListDoesNotCountButIsAFinding() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL), passed(NO_DISCOUNT), passed(FLAG_OFF),
				passed(SUITE + "#somethingNew")));

		assertThat(outcome.result().status()).isEqualTo(Status.PASS);
		assertThat(outcome.findings()).extracting(Finding::code).containsExactly("hidden-test-unexpected");
	}

	@Test
	void aTestThatPassedOnlyOnARerunPassesWithAnInfo() {
		Verdicts.Outcome outcome = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL), passed(NO_DISCOUNT),
				new ReportedTest(OFF, "withTheFlagOffNobodyGetsADiscount", TestOutcome.PASSED, "", true)));

		assertThat(outcome.result().status()).isEqualTo(Status.PASS);
		assertThat(outcome.findings()).extracting(Finding::severity).containsExactly(Severity.INFO);
	}

	@Test
	void aCriterionWithoutTestsInTheContractCannotBeGraded() {
		Criterion empty = new Criterion("all-charge-call-sites", "Every call site", 10, "all-charge-call-sites",
				List.of(), "4.0.0", List.of(), null, List.of());

		Verdicts.Outcome outcome = Verdicts.grade(empty, List.of(passed(NEVER_FAIL)));

		assertThat(outcome.result().status()).isEqualTo(Status.FAIL);
		assertThat(outcome.result().graded()).isFalse();
		assertThat(outcome.findings()).extracting(Finding::code).containsExactly("criterion-without-tests");
	}

	@Test
	void aCriterionNotGradedSaysWhyAndShowsTheDetails() {
		Verdicts.Outcome outcome = Verdicts.notGraded(GATED, "checkout-service did not build",
				List.of("checkout-service/src/main/java/A.java:[3,14] cannot find symbol"), List.of());

		assertThat(outcome.result().status()).isEqualTo(Status.FAIL);
		assertThat(outcome.result().graded()).isFalse();
		assertThat(outcome.result().evidence()).extracting(Evidence::message).containsExactly(
				"not graded: checkout-service did not build",
				"checkout-service/src/main/java/A.java:[3,14] cannot find symbol");
	}

	@Test
	void aCompositePassesWhenEveryPartPasses() {
		Criterion release = new Criterion("release-2.4.0", "v2.4.1", 5, null, List.of(), null, List.of(), null,
				List.of("flag-gated-backend", "compatible-migration"));
		CriterionResult gated = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL), passed(NO_DISCOUNT), passed(FLAG_OFF))).result();
		CriterionResult migration = new CriterionResult("compatible-migration", "m", Status.PASS, null, 10, 10, true, List.of());

		CriterionResult result = Verdicts.composite(release, Map.of("flag-gated-backend", gated, "compatible-migration", migration));

		assertThat(result.status()).isEqualTo(Status.PASS);
		assertThat(result.points()).isEqualTo(5);
	}

	@Test
	void aCompositeFailsWhenAPartIsPartialOrMissing() {
		Criterion release = new Criterion("release-2.4.0", "v2.4.1", 5, null, List.of(), null, List.of(), null,
				List.of("flag-gated-backend", "compatible-migration"));
		CriterionResult partial = new CriterionResult("flag-gated-backend", "g", Status.PARTIAL, "mitigated, not gated", 4,
				10, true, List.of());

		CriterionResult result = Verdicts.composite(release, Map.of("flag-gated-backend", partial));

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.points()).isZero();
		assertThat(result.evidence()).extracting(Evidence::message).containsExactly(
				"flag-gated-backend: partial (mitigated, not gated)", "compatible-migration: not graded for this incident");
	}

	@Test
	void aVoidedVerdictFailsSayingWhyAndWhatTheTestsAloneGave() {
		CriterionResult pass = Verdicts.grade(GATED, List.of(passed(NEVER_FAIL), passed(NO_DISCOUNT), passed(FLAG_OFF))).result();

		CriterionResult voided = Verdicts.voided(pass, "src/main/java/org/junit/Assert.java shadows JUnit");

		assertThat(voided.status()).isEqualTo(Status.FAIL);
		assertThat(voided.points()).isZero();
		assertThat(voided.evidence()).extracting(Evidence::message).containsExactly(
				"voided: src/main/java/org/junit/Assert.java shadows JUnit (the hidden tests alone gave: pass)");
	}

	@Test
	void testIdsDropParametersAndInstances() {
		assertThat(TestIds.method("method(String, int)[3]")).isEqualTo("method");
		assertThat(TestIds.method("repeated()[2]")).isEqualTo("repeated");
		assertThat(TestIds.method("plain")).isEqualTo("plain");
		assertThat(TestIds.shortId(NEVER_FAIL)).isEqualTo("FlagGatedBackendTests#checkoutsOfCustomersOutsideTheRolloutNeverFail");
		assertThat(TestIds.topLevel("a.B$C")).isEqualTo("a.B");
	}

	public static ReportedTest passed(String id) {
		return new ReportedTest(TestIds.className(id), id.substring(id.indexOf('#') + 1), TestOutcome.PASSED, "", false);
	}

	private static ReportedTest failed(String id, String message) {
		return new ReportedTest(TestIds.className(id), id.substring(id.indexOf('#') + 1), TestOutcome.FAILED, message,
				false);
	}

}
