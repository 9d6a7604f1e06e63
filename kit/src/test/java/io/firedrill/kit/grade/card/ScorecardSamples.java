package io.firedrill.kit.grade.card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.Fixtures;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.verdict.Verdicts;

/**
 * Scorecards to render in tests: public for the writers of other formats ({@code io.firedrill.kit.results}), which
 * must give every card the same meaning.
 */
public final class ScorecardSamples {

	private ScorecardSamples() {
	}

	/** Words for the candidate that name no hidden test, so a leak test sees only what the renderers add. */
	static Criterion.Feedback feedback(Criterion.Visibility visibility) {
		return new Criterion.Feedback(visibility, "Checkout words", "It passed: well done.",
				"Some checkouts still go wrong.", "Look again at checkouts without a code.");
	}

	/** Each criterion with one visibility: gated visible, migration after review, call sites hidden. */
	static Map<String, Criterion.Feedback> mixedFeedback() {
		Map<String, Criterion.Feedback> feedback = new LinkedHashMap<>();
		feedback.put("flag-gated-backend", feedback(Criterion.Visibility.VISIBLE));
		feedback.put("compatible-migration", feedback(Criterion.Visibility.AFTER_REVIEW));
		feedback.put("all-charge-call-sites", feedback(Criterion.Visibility.HIDDEN));
		return feedback;
	}

	static Map<String, Criterion.Feedback> allFeedback(Criterion.Visibility visibility) {
		Map<String, Criterion.Feedback> feedback = new LinkedHashMap<>();
		for (String id : List.of("flag-gated-backend", "compatible-migration", "all-charge-call-sites")) {
			feedback.put(id, feedback(visibility));
		}
		return feedback;
	}

	static Timeline timeline() {
		return new Timeline(List.of(
				new Timeline.Entry("1111111111aaaaaaaaaa1111111111aaaaaaaaaa", "2026-11-26T09:05:00+01:00",
						"Reproduce the 500 with a test", List.of("checkout-service/src/test/java/CheckoutTests.java"), 1),
				new Timeline.Entry("2222222222bbbbbbbbbb2222222222bbbbbbbbbb", "2026-11-26T09:40:00+01:00",
						"Gate discounts on the backend", List.of("DECISION.md", "checkout-service/src/main/java/A.java"),
						2)),
				false, true);
	}

	/** One criterion partial, one passed, one not graded (its module did not build); warnings, no critical. */
	public static Scorecard card(String evidenceMessage) {
		return card(evidenceMessage, mixedFeedback(), new Decision(true, "# Decision\n\nFix forward.\n", false));
	}

	static Scorecard card(String evidenceMessage, Map<String, Criterion.Feedback> feedback, Decision decision) {
		Rubric rubric = Rubric.fromMarkdown(Fixtures.bytes("scenarios-fixture.md")).orElseThrow();
		List<CriterionResult> criteria = List.of(
				new CriterionResult("flag-gated-backend", "Discount codes are gated on the backend", Status.PARTIAL,
						"mitigated, not gated", 4, 10, true,
						List.of(new Evidence("io.firedrill.grading.flaggated.FlagOffTests#withTheFlagOffNobodyGetsADiscount",
								evidenceMessage))),
				new CriterionResult("compatible-migration", "The schema stays compatible", Status.PASS, null, 10, 10, true,
						List.of()),
				new CriterionResult("all-charge-call-sites", "Every charge() call site", Status.FAIL, null, 0, 10, false,
						List.of(new Evidence(null, "not graded: order-retry-job did not build"),
								new Evidence(null, "order-retry-job/src/main/java/A.java:[3,14] cannot find symbol"))));
		return new Scorecard("release-2.4.0", "v2.4.0: error rate 0.1 % to 15 %",
				new Scorecard.Candidate("/home/alice/shop", "HEAD", "0123456789abcdef0123456789abcdef01234567", true,
						List.of("notes.txt")),
				"2026-11-26T10:00:00Z", "1.0.0", "abcdef0123",
				criteria, new Scorecard.OwnTests(true, 73, 1, 0, 2, List.of("com.acme.shop.ArchitectureTests"),
						List.of("MixedTests#isDisabled", "MixedTests#isAborted")),
				new Scorecard.Build(false, List.of(new Scorecard.Module(".", "built"),
						new Scorecard.Module("order-retry-job", "failed")),
						List.of("order-retry-job/src/main/java/A.java:[3,14] cannot find symbol")),
				List.of(Finding.warning("uncommitted-changes", "uncommitted changes were not graded (1 path: notes.txt)"),
						Finding.info("build-plugin", "pom.xml adds plugin org.codehaus.mojo:exec-maven-plugin")),
				new Scorecard.Durations(125, 118, 1200, false), rubric, feedback, decision, timeline());
	}


	/** Every criterion passed, nothing found. */
	public static Scorecard passing() {
		Scorecard card = card("unused");
		return with(card, card.criteria().stream()
			.map((r) -> new CriterionResult(r.id(), r.title(), Status.PASS, null, r.max(), r.max(), true, List.of()))
			.toList(), List.of());
	}

	/** Every criterion graded and failed, each with its hidden test's message. */
	public static Scorecard failing(String evidenceMessage) {
		Scorecard card = card(evidenceMessage);
		return with(card, card.criteria().stream()
			.map((r) -> new CriterionResult(r.id(), r.title(), Status.FAIL, null, 0, r.max(), true,
					List.of(new Evidence("io.firedrill.grading.Hidden#" + r.id().replace('-', '_'), evidenceMessage))))
			.toList(), card.integrity());
	}

	/** Nothing graded: the candidate's build failed before any hidden suite could run. */
	public static Scorecard notGraded() {
		Scorecard card = card("unused");
		return with(card, card.criteria().stream()
			.map((r) -> new CriterionResult(r.id(), r.title(), Status.FAIL, null, 0, r.max(), false,
					List.of(new Evidence(null, "not graded: the build failed"))))
			.toList(), card.integrity());
	}

	/** The mixed card voided by a critical integrity finding, as the grading session voids it. */
	public static Scorecard voided() {
		Scorecard card = card("charged $72.00");
		Finding critical = Finding.critical("shadows-test-library",
				"src/test/java/org/junit/Assert.java shadows org.junit.Assert, which belongs to JUnit");
		List<Finding> integrity = new java.util.ArrayList<>(card.integrity());
		integrity.add(0, critical);
		return with(card, card.criteria().stream().map((r) -> Verdicts.voided(r, critical.message())).toList(),
				integrity);
	}

	private static Scorecard with(Scorecard card, List<CriterionResult> criteria, List<Finding> integrity) {
		return new Scorecard(card.incident(), card.incidentTitle(), card.candidate(), card.gradedAt(), card.kitVersion(),
				card.kitCommit(), criteria, card.ownTests(), card.build(), integrity, card.durations(), card.rubric(),
				card.feedback(), card.decision(), card.timeline());
	}

}
