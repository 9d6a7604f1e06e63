package io.firedrill.kit.grade.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.firedrill.kit.grade.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads real Surefire 3.5 reports: JUnit Jupiter, parameterized and repeated tests, ArchUnit, class-level errors. */
class SurefireReportsTests {

	@TempDir
	Path module;

	@Test
	void readsPassedFailedErrorAndSkippedTests() {
		Map<String, ReportedTest> tests = byName(SurefireReports.readDirectory(Fixtures.path("reports/synthetic")).tests());

		assertThat(tests.get("passes").outcome()).isEqualTo(TestOutcome.PASSED);
		assertThat(tests.get("failsWithAPlainEnglishMessage").outcome()).isEqualTo(TestOutcome.FAILED);
		assertThat(tests.get("throwsAnError").outcome()).isEqualTo(TestOutcome.ERROR);
		assertThat(tests.get("isDisabled").outcome()).isEqualTo(TestOutcome.SKIPPED);
		assertThat(tests.get("isAborted").outcome()).isEqualTo(TestOutcome.SKIPPED);
		assertThat(tests.get("innerPasses").className()).isEqualTo("demo.MixedTests$WhenNested");
	}

	@Test
	void keepsThePlainEnglishMessageWithoutTheStackTrace() {
		Map<String, ReportedTest> tests = byName(SurefireReports.readDirectory(Fixtures.path("reports/synthetic")).tests());

		assertThat(tests.get("failsWithAPlainEnglishMessage").message()).isEqualTo(
				"a customer outside the 10 % rollout who sent code SAVE10 was given the discount: charged $72.00");
		assertThat(tests.get("failsWithAMultiLineMessage").message()).isEqualTo("expected: \"b\" but was: \"a\"");
		assertThat(tests.get("isAborted").message()).isEqualTo("Assumption failed: embedded postgres is not available");
		assertThat(tests.values()).allSatisfy((test) -> assertThat(test.message()).doesNotContain("\tat ", "MixedTests.java:"));
	}

	@Test
	void namesTheTypeOfAnUnexpectedException() {
		Map<String, ReportedTest> tests = byName(SurefireReports.readDirectory(Fixtures.path("reports/synthetic")).tests());

		assertThat(tests.get("throwsAnError").message())
			.isEqualTo("NullPointerException: Cannot invoke \"String.trim()\" because \"code\" is null");
	}

	@Test
	void parameterizedAndRepeatedInstancesShareTheMethodsId() {
		List<ReportedTest> tests = SurefireReports.readDirectory(Fixtures.path("reports/synthetic")).tests();

		assertThat(tests).filteredOn((test) -> test.name().startsWith("parameterized"))
			.extracting(ReportedTest::name, ReportedTest::id, ReportedTest::isInstance)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("parameterized(String)[1]", "demo.MixedTests#parameterized", true),
					org.assertj.core.groups.Tuple.tuple("parameterized(String)[2]", "demo.MixedTests#parameterized", true));
		assertThat(tests).filteredOn((test) -> test.name().startsWith("repeated"))
			.extracting(ReportedTest::id)
			.containsOnly("demo.MixedTests#repeated");
	}

	@Test
	void aFailingBeforeAllIsOneEntryForTheWholeClass() {
		List<ReportedTest> tests = SurefireReports.readDirectory(Fixtures.path("reports/synthetic")).tests();

		assertThat(tests).filteredOn((test) -> test.className().equals("demo.BrokenSetupTests")).singleElement()
			.satisfies((test) -> {
				assertThat(test.isClassLevel()).isTrue();
				assertThat(test.outcome()).isEqualTo(TestOutcome.ERROR);
				assertThat(test.message()).isEqualTo("IllegalStateException: the application class"
						+ " com.acme.shop.CheckoutApplication did not start: port in use");
			});
	}

	@Test
	void archUnitsSimpleClassNamesAreResolvedWithTheSuitesName() {
		List<ReportedTest> tests = SurefireReports.readDirectory(Fixtures.path("reports/candidate")).tests();

		assertThat(tests).filteredOn((test) -> test.name().equals("feature_packages_are_free_of_cycles")).singleElement()
			.extracting(ReportedTest::id)
			.isEqualTo("com.acme.shop.ArchitectureTests#feature_packages_are_free_of_cycles");
	}

	@Test
	void readsTheHiddenSuitesReportsWithoutSpringsTimeStamps() {
		Map<String, ReportedTest> tests = byName(SurefireReports.readDirectory(Fixtures.path("reports/grading")).tests());

		assertThat(tests).hasSize(10);
		assertThat(tests.get("checkoutsOfCustomersOutsideTheRolloutNeverFail").message()).isEqualTo(
				"a customer outside the rollout checking out a $80.00 cart without a discount code: expected the order"
						+ " to be placed (HTTP 201), got HTTP 500 {\"status\":500,\"error\":\"Internal Server Error\","
						+ "\"path\":\"/api/checkout\"}");
		assertThat(tests.get("checkoutCodeDoesNotCatchNullPointerExceptions").outcome()).isEqualTo(TestOutcome.PASSED);
	}

	@Test
	void readsSurefireAndFailsafeFoldersOfAModule() throws IOException {
		copy("reports/synthetic/TEST-demo.MixedTests.xml", "target/surefire-reports/TEST-demo.MixedTests.xml");
		copy("reports/candidate/TEST-com.acme.shop.checkout.CheckoutIntegrationTests.xml",
				"target/failsafe-reports/TEST-com.acme.shop.checkout.CheckoutIntegrationTests.xml");
		Files.writeString(this.module.resolve("target/failsafe-reports/failsafe-summary.xml"), "<failsafe-summary/>");

		SurefireReports.Read read = SurefireReports.readModule(this.module);

		assertThat(read.unreadable()).isEmpty();
		assertThat(read.tests()).extracting(ReportedTest::className)
			.contains("demo.MixedTests", "com.acme.shop.checkout.CheckoutIntegrationTests");
	}

	@Test
	void aModuleWithoutReportsHasNoTests() {
		assertThat(SurefireReports.readModule(this.module).isEmpty()).isTrue();
	}

	@Test
	void aReportWithADoctypeIsNotReadNorExpanded() throws IOException {
		Path reports = Files.createDirectories(this.module.resolve("target/surefire-reports"));
		Files.writeString(reports.resolve("TEST-evil.xml"), """
				<?xml version="1.0"?>
				<!DOCTYPE testsuite [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<testsuite name="evil"><testcase name="t" classname="evil"><failure message="&secret;"/></testcase></testsuite>
				""", StandardCharsets.UTF_8);
		copy("reports/synthetic/TEST-demo.BrokenSetupTests.xml", "target/surefire-reports/TEST-demo.BrokenSetupTests.xml");

		SurefireReports.Read read = SurefireReports.readModule(this.module);

		assertThat(read.unreadable()).containsExactly("TEST-evil.xml");
		assertThat(read.tests()).extracting(ReportedTest::className).containsExactly("demo.BrokenSetupTests");
	}

	@Test
	void aLongMessageIsCutAtFourHundredCharacters() {
		String message = SurefireReports.abbreviate("x".repeat(1000), SurefireReports.MESSAGE_LIMIT);

		assertThat(message).hasSize(400).endsWith("…");
	}

	private void copy(String fixture, String target) throws IOException {
		Path file = this.module.resolve(target);
		Files.createDirectories(file.getParent());
		Files.write(file, Fixtures.bytes(fixture));
	}

	private static Map<String, ReportedTest> byName(List<ReportedTest> tests) {
		return tests.stream().collect(Collectors.toMap(ReportedTest::name, Function.identity(), (a, b) -> a));
	}

}
