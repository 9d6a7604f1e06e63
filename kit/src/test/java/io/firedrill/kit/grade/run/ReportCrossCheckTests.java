package io.firedrill.kit.grade.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A report rewritten after Maven wrote it no longer says what Maven printed. */
class ReportCrossCheckTests {

	private static final String FLAG_OFF = "io.firedrill.grading.flaggated.FlagOffTests";

	private static final List<BuildLog.ClassResult> PRINTED = BuildLog.of(List.of(
			"[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 20.08 s <<< FAILURE! -- in " + FLAG_OFF))
		.classResults();

	@Test
	void reportsThatSayWhatMavenPrintedAgree() {
		List<ReportedTest> reported = List.of(test("a", TestOutcome.FAILED), test("b", TestOutcome.PASSED));

		assertThat(ReportCrossCheck.disagreements(reported, PRINTED)).isEmpty();
	}

	@Test
	void aFailureStrippedFromTheReportIsFound() {
		List<ReportedTest> reported = List.of(test("a", TestOutcome.PASSED), test("b", TestOutcome.PASSED));

		assertThat(ReportCrossCheck.disagreements(reported, PRINTED))
			.containsExactly("FlagOffTests: the report says 2 run, 0 failed, 0 errors, 0 skipped, Maven said 2 run, 1 failed,"
					+ " 0 errors, 0 skipped");
	}

	@Test
	void aReportOfAClassMavenNeverRanIsFound() {
		List<ReportedTest> reported = List.of(new ReportedTest("io.firedrill.grading.flaggated.FlagGatedBackendTests", "x",
				TestOutcome.PASSED, "", false));

		assertThat(ReportCrossCheck.disagreements(reported, PRINTED))
			.containsExactly("FlagGatedBackendTests has a report but Maven never ran it");
	}

	@Test
	void aLookAlikeLineThatContradictsMavensOwnIsNotBelieved() {
		List<BuildLog.ClassResult> printed = new java.util.ArrayList<>(PRINTED);
		printed.add(new BuildLog.ClassResult(FLAG_OFF, 2, 0, 0, 0));
		List<ReportedTest> reported = List.of(test("a", TestOutcome.PASSED), test("b", TestOutcome.PASSED));

		assertThat(ReportCrossCheck.disagreements(reported, printed)).hasSize(1);
	}

	@Test
	void classesOfTheSameNameInTwoModulesAreSummedOnBothSides() {
		List<BuildLog.ClassResult> printed = List.of(new BuildLog.ClassResult(FLAG_OFF, 1, 1, 0, 0),
				new BuildLog.ClassResult(FLAG_OFF, 1, 0, 0, 0));
		List<ReportedTest> reported = List.of(test("a", TestOutcome.FAILED), test("a", TestOutcome.PASSED));

		assertThat(ReportCrossCheck.disagreements(reported, printed)).isEmpty();
	}

	private static ReportedTest test(String name, TestOutcome outcome) {
		return new ReportedTest(FLAG_OFF, name, outcome, "", false);
	}

}
