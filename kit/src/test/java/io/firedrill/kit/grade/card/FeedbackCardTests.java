package io.firedrill.kit.grade.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.HtmlText;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.grade.Fixtures;
import io.firedrill.kit.grade.run.TestIds;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeedbackCardTests {

	static final String EVIDENCE = "expected no discount for customer 42 but got 8.00";

	@Test
	void aVisibleCriterionShowsItsStatusPointsAndPlainWords() {
		Scorecard card = ScorecardSamples.card(EVIDENCE);

		assertThat(FeedbackCard.markdown(card)).startsWith("# Your feedback: v2.4.0: error rate 0.1 % to 15 %\n")
			.contains("### 1. Checkout words\n\n**PARTIAL**, 4 / 10 points\n\nSome checkouts still go wrong.\n",
					"- Graded commit: `0123456789`", "**Not every module built.**",
					"- `order-retry-job/src/main/java/A.java:[3,14] cannot find symbol`", "73 run, 1 failed, 2 skipped.");
		assertThat(FeedbackCard.html(card)).contains(
				"<h3>1. Checkout words <span class=\"status partial\">PARTIAL</span> 4 / 10 points</h3>",
				"<p>Some checkouts still go wrong.</p>");
	}

	@Test
	void aCriterionSharedAfterTheReviewHasNoStatusAndAHiddenOneIsNotListed() {
		Scorecard card = ScorecardSamples.card(EVIDENCE);

		String md = FeedbackCard.markdown(card);
		assertThat(md).contains("### 2. Shared after your review.\n").doesNotContain("### 3.", "PASS", "10 / 10",
				"NOT GRADED", "0 / 10");
		assertThat(FeedbackCard.html(card)).contains("<h3>2. Shared after your review.</h3>")
			.doesNotContain("<h3>3.", "PASS", "NOT GRADED");
	}

	@Test
	void aCriterionThatCouldNotRunSaysSoWithoutTheHiddenReason() {
		Scorecard card = ScorecardSamples.card(EVIDENCE, ScorecardSamples.allFeedback(Criterion.Visibility.VISIBLE),
				Decision.absent());

		assertThat(FeedbackCard.markdown(card)).contains("### 3. Checkout words\n\n**NOT GRADED**, 0 / 10 points\n\n"
				+ "It could not be checked against your submission (see your build, and the note below if there is"
				+ " one). Look again at checkouts without a code.")
			.contains("### 2. Checkout words\n\n**PASS**, 10 / 10 points\n\nIt passed: well done.");
	}

	@Test
	void whenEveryCriterionIsHiddenTheCardDoesNotSayHowManyThereAre() {
		Scorecard card = ScorecardSamples.card(EVIDENCE, ScorecardSamples.allFeedback(Criterion.Visibility.HIDDEN),
				Decision.absent());

		assertThat(FeedbackCard.markdown(card)).contains(FeedbackCard.NONE_LISTED).doesNotContain("### 1.");
		assertThat(FeedbackCard.html(card)).contains(FeedbackCard.NONE_LISTED).doesNotContain("<h3>");
	}

	@Test
	void aWarningOfTheGraderBecomesOneNeutralLine() {
		String md = FeedbackCard.markdown(ScorecardSamples.card(EVIDENCE));

		assertThat(md).contains("## A note\n\n" + FeedbackCard.INTEGRITY_NOTE)
			.doesNotContain("uncommitted-changes", "build-plugin", "exec-maven-plugin");
	}

	@Test
	void theHtmlCardIsOneFileWithoutExternalResourcesAndEscapesTheCandidatesText() {
		Scorecard card = ScorecardSamples.card(EVIDENCE);
		Scorecard hostile = new Scorecard(card.incident(), card.incidentTitle(),
				new Scorecard.Candidate("/x", "HEAD", card.candidate().commit(), true, List.of("<img src=x onerror=y>")),
				card.gradedAt(), card.kitVersion(), card.kitCommit(), card.criteria(), card.ownTests(),
				new Scorecard.Build(false, List.of(), List.of("A.java:[1,1] <script>alert(1)</script>")),
				List.of(), card.durations(), card.rubric(), card.feedback(), card.decision(), card.timeline());

		String html = FeedbackCard.html(hostile);
		assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "<img", "<link", "@import", "url(")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=y&gt;");
		assertThat(FeedbackCard.markdown(hostile)).contains("(\\<img src=x onerror=y>)").doesNotContain("## A note");
	}

	@Test
	void theInterviewersCardSaysWhatTheCandidatesCardShowsOfEachCriterion() {
		Scorecard card = ScorecardSamples.card(EVIDENCE);

		String line = "The candidate's feedback card shows: flag-gated-backend with its verdict, compatible-migration as"
				+ " shared after the review, all-charge-call-sites nothing (hidden).";
		assertThat(ScorecardMarkdown.write(card)).contains(line);
		assertThat(ScorecardHtml.write(card)).contains(HtmlText.escape(line));
	}

	@ParameterizedTest
	@EnumSource(Criterion.Visibility.class)
	void noHiddenTestItsClassItsEvidenceOrTheInterviewersWordsReachTheCandidate(Criterion.Visibility visibility) {
		Scorecard card = ScorecardSamples.card(EVIDENCE, ScorecardSamples.allFeedback(visibility),
				new Decision(true, "DECISION-TEXT", false));
		List<String> secrets = new ArrayList<>(List.of("grading/", "grading.", "mitigated, not gated", "Novice",
				"Triage speed", "DECISION-TEXT", "Reproduce the 500", "Discount codes are gated on the backend",
				"The schema stays compatible", "Every charge() call site", "uncommitted-changes", "build-plugin",
				"exec-maven-plugin"));
		for (CriterionResult result : card.criteria()) {
			for (Evidence evidence : result.evidence()) {
				if (evidence.test() != null) {
					secrets.add(evidence.test());
					secrets.add(TestIds.shortId(evidence.test()));
				}
				// a compiler error is the candidate's own code, shown in the build section on purpose
				if (!card.build().errors().contains(evidence.message())) {
					secrets.add(evidence.message());
				}
			}
		}
		for (Criterion criterion : Criteria.parse(Fixtures.repositoryFile(Criteria.FILE)).all()) {
			for (String test : criterion.tests()) {
				String className = test.substring(0, test.indexOf('#'));
				secrets.add(className.substring(className.lastIndexOf('.') + 1));
				secrets.add(test.substring(test.indexOf('#') + 1));
			}
		}

		for (String rendering : List.of(FeedbackCard.markdown(card), FeedbackCard.html(card))) {
			for (String secret : secrets) {
				assertThat(rendering).as(secret).doesNotContain(secret);
			}
		}
	}

}
