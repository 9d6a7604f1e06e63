package io.firedrill.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import org.junit.jupiter.api.Test;

class CriteriaTests {

	@Test
	void readsTheKitsContract() {
		Criteria criteria = Criteria.parse(repositoryCriteria());

		assertThat(criteria.support()).isEqualTo("support");
		Criterion gated = criteria.all().get(0);
		assertThat(gated.id()).isEqualTo("flag-gated-backend");
		assertThat(gated.module()).isEqualTo("flag-gated-backend");
		assertThat(gated.needs()).containsExactly("checkout-service");
		assertThat(gated.tests()).hasSizeGreaterThanOrEqualTo(5)
			.allMatch((test) -> test.startsWith("io.firedrill.grading.flaggated.") && test.contains("#"));
		assertThat(gated.partial().points()).isLessThan(gated.points());
		assertThat(gated.tests()).containsAll(gated.partial().mayFail());
		assertThat(criteria.all()).filteredOn(Criterion::isComposite).extracting(Criterion::id).containsExactly("release-2.4.0");
		assertThat(criteria.all()).filteredOn((criterion) -> criterion.id().equals("all-charge-call-sites"))
			.extracting(Criterion::sdk).containsExactly("4.0.0");
	}

	@Test
	void aSuiteIsBuiltWithTheSupportModuleAndWhatItUsesBeforeItself() {
		Criteria criteria = Criteria.parse(repositoryCriteria());

		Criterion gated = criteria.all().get(0);
		assertThat(gated.uses()).containsExactly("flag-paths");
		assertThat(criteria.suiteModules(gated)).containsExactly("support", "flag-paths", "flag-gated-backend");
		Criterion migration = criteria.all()
			.stream()
			.filter((criterion) -> criterion.id().equals("compatible-migration"))
			.findFirst()
			.orElseThrow();
		assertThat(criteria.suiteModules(migration)).containsExactly("support", "compatible-migration");
	}

	@Test
	void aSuiteUsesOnlyOtherFoldersOfGrading() {
		assertInvalid("""
				criteria:
				  - id: a
				    module: a
				    uses: [../kit]
				    tests: [x.A#one]
				""", "uses '../kit', which is not a folder name");
		assertInvalid("""
				criteria:
				  - id: a
				    module: a
				    uses: [a]
				    tests: [x.A#one]
				""", "uses its own module a");
	}

	@Test
	void givesAnIncidentsCriteriaInItsOrder() {
		Criteria criteria = Criteria.parse(repositoryCriteria());
		Incident incident = incident(List.of("compatible-migration", "flag-gated-backend"));

		assertThat(criteria.of(incident)).extracting(Criterion::id).containsExactly("compatible-migration", "flag-gated-backend");
	}

	@Test
	void anIncidentNamingAnUnknownCriterionIsAnInputError() {
		Criteria criteria = Criteria.parse(repositoryCriteria());

		assertThatExceptionOfType(FiredrillException.class).isThrownBy(() -> criteria.of(incident(List.of("nope"))))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
			.withMessageContaining("'nope'");
	}

	@Test
	void aMayFailTestMustBeOneOfTheCriterionsTests() {
		assertInvalid("""
				criteria:
				  - id: a
				    module: a
				    tests: [x.A#one]
				    partial: {points: 1, mayFail: [x.A#two]}
				""", "partial.mayFail names x.A#two");
	}

	@Test
	void aTestIdMustBeClassHashMethod() {
		assertInvalid("""
				criteria:
				  - id: a
				    module: a
				    tests: [A.one]
				""", "is not fully.qualified.Class#method");
	}

	@Test
	void aCompositeMayOnlyNameCriteriaWithSuites() {
		assertInvalid("""
				criteria:
				  - id: a
				    composite: [b]
				""", "composite a names b");
	}

	@Test
	void partialPointsCannotExceedThePoints() {
		assertInvalid("""
				criteria:
				  - id: a
				    module: a
				    points: 2
				    tests: [x.A#one]
				    partial: {points: 3, mayFail: [x.A#one]}
				""", "partial.points must be within 0..2");
	}

	@Test
	void everyCriterionOfTheKitTellsTheCandidateSomethingInPlainWordsWithoutNamingAHiddenTest() {
		Criteria criteria = Criteria.parse(repositoryCriteria());

		for (Criterion criterion : criteria.all()) {
			Criterion.Feedback feedback = criterion.feedback();
			assertThat(feedback.title()).as(criterion.id()).isNotBlank();
			assertThat(feedback.pass()).as(criterion.id()).isNotBlank();
			assertThat(feedback.fail()).as(criterion.id()).isNotBlank();
			String words = feedback.title() + feedback.pass() + feedback.partial() + feedback.fail();
			assertThat(words).as(criterion.id()).doesNotContain("grading/", "Tests", "#");
			for (String test : criterion.tests()) {
				String method = test.substring(test.indexOf('#') + 1);
				assertThat(words).as(criterion.id()).doesNotContainIgnoringCase(method)
					.doesNotContain(test.substring(test.lastIndexOf('.', test.indexOf('#')) + 1, test.indexOf('#')));
			}
		}
		assertThat(criteria.all()).filteredOn((criterion) -> criterion.partial() != null)
			.allSatisfy((criterion) -> assertThat(criterion.feedback().partial()).isNotBlank());
	}

	@Test
	void aCriterionIsSharedWithTheCandidateOnlyAfterTheReviewUnlessTheFileSaysOtherwise() {
		Criteria criteria = Criteria.parse("""
				criteria:
				  - id: plain
				    module: plain
				    tests: [x.A#one]
				  - id: shown
				    module: shown
				    tests: [x.B#one]
				    feedback:
				      visibility: visible
				      title: "Checkout"
				      pass: "Checkouts work."
				      fail: >-
				        Some checkouts
				        still fail.
				  - id: secret
				    module: secret
				    tests: [x.C#one]
				    feedback: {visibility: hidden}
				""".getBytes(StandardCharsets.UTF_8));

		assertThat(criteria.all()).extracting((criterion) -> criterion.feedback().visibility())
			.containsExactly(Criterion.Visibility.AFTER_REVIEW, Criterion.Visibility.VISIBLE, Criterion.Visibility.HIDDEN);
		Criterion.Feedback shown = criteria.all().get(1).feedback();
		assertThat(shown.text(Status.PASS)).isEqualTo("Checkouts work.");
		assertThat(shown.text(Status.FAIL)).isEqualTo("Some checkouts still fail.");
		assertThat(shown.text(Status.PARTIAL)).as("no partial text: the failure's").isEqualTo("Some checkouts still fail.");
	}

	@Test
	void anUnknownVisibilityIsRejectedInOneLine() {
		assertThatExceptionOfType(FiredrillException.class).isThrownBy(() -> Criteria.parse("""
				criteria:
				  - id: a
				    module: a
				    tests: [x.A#one]
				    feedback: {visibility: public}
				""".getBytes(StandardCharsets.UTF_8)))
			.withMessage("grading/criteria.yaml: criterion a: feedback.visibility 'public' is not visible, hidden or"
					+ " after-review");
	}

	private static void assertInvalid(String yaml, String message) {
		assertThatExceptionOfType(FiredrillException.class)
			.isThrownBy(() -> Criteria.parse(yaml.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
			.withMessageContaining(message);
	}

	static Incident incident(List<String> criteria) {
		return new Incident("ungated-discount", "Checkout errors", "incident/ungated-discount", "v2.3.0", "2.4.0", false,
				"60m", criteria, List.of(), "incidents/ungated-discount/brief.md", new byte[0], List.of());
	}

	/** The criteria file of the firedrill repository this kit is built from (the kit module's parent folder). */
	private static byte[] repositoryCriteria() {
		try {
			return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..").resolve(Criteria.FILE));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
