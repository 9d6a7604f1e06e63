package io.firedrill.kit.grade.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DecisionAndTimelineRenderingTests {

	static final String HOSTILE = "# Decision\n\n<script>alert('x')</script>\n</pre><img src=x onerror=alert(1)>\n"
			+ "A run: ```` and a ``` fence\n```\nclosed?\n\u001b[2Jcleared";

	@Test
	void theDecisionIsReadAsTextWithItsLinesAndWithoutTerminalControls() {
		Decision decision = Decision.of(HOSTILE.getBytes(StandardCharsets.UTF_8));

		assertThat(decision.present()).isTrue();
		assertThat(decision.truncated()).isFalse();
		assertThat(decision.text()).startsWith("# Decision\n\n<script>").contains("\\u001b[2Jcleared")
			.doesNotContain("\u001b");
	}

	@Test
	void aLongDecisionIsCutAtItsLimitAndSaysSo() {
		Decision decision = Decision.of("é".repeat(Decision.LIMIT + 500).getBytes(StandardCharsets.UTF_8));

		assertThat(decision.truncated()).isTrue();
		assertThat(decision.text()).hasSize(Decision.LIMIT);
		Scorecard card = card(decision);
		assertThat(ScorecardMarkdown.write(card)).contains("_Cut at 20000 characters");
		assertThat(ScorecardHtml.write(card)).contains("Cut at 20000 characters");
		assertThat(ScorecardJson.tree(card).get("decision")).isEqualTo(
				Map.of("present", true, "text", decision.text(), "truncated", true));
	}

	@Test
	void theHtmlShowsTheDecisionAsEscapedPreformattedText() {
		String html = ScorecardHtml.write(card(Decision.of(HOSTILE.getBytes(StandardCharsets.UTF_8))));

		assertThat(html).contains("<h2>Candidate's DECISION.md</h2>\n<pre class=\"decision\"># Decision\n\n"
				+ "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\n&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain("<script>", "<img");
	}

	@Test
	void theMarkdownFencesTheDecisionWithMoreBackticksThanItHolds() {
		String md = ScorecardMarkdown.write(card(Decision.of(HOSTILE.getBytes(StandardCharsets.UTF_8))));

		int start = md.indexOf("## Candidate's DECISION.md\n\n`````text\n");
		assertThat(start).isNotNegative();
		String block = md.substring(start);
		assertThat(block.substring(block.indexOf("\n`````\n") + 1)).doesNotContain("alert");
		assertThat(block).contains("\n```\nclosed?\n").doesNotContain("``````");
	}

	@Test
	void aCardWithoutDecisionSaysSoInEveryRendering() {
		Scorecard card = card(Decision.absent());

		assertThat(ScorecardMarkdown.write(card)).contains("## Candidate's DECISION.md\n\nNo DECISION.md in the graded commit.");
		assertThat(ScorecardHtml.write(card)).contains("<p>No DECISION.md in the graded commit.</p>");
		assertThat(ScorecardJson.write(card)).contains("\"present\" : false");
	}

	@Test
	void theTimelineIsATableOfTimeCommitMessageAndFiles() {
		Scorecard card = ScorecardSamples.card("x");

		assertThat(ScorecardMarkdown.write(card)).contains("## Commits after the brief\n\n| Time | Commit | Message | Files |",
				"| 2026-11-26T09:40:00+01:00 | `2222222222` | Gate discounts on the backend | 2: DECISION.md, "
						+ "checkout-service/src/main/java/A.java |");
		assertThat(ScorecardHtml.write(card)).contains("<tr><td>2026-11-26T09:05:00+01:00</td><td><code>1111111111</code>"
				+ "</td><td>Reproduce the 500 with a test</td><td>1: <code>checkout-service/src/test/java/CheckoutTests.java"
				+ "</code></td></tr>");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> timeline = (List<Map<String, Object>>) ScorecardJson.tree(card).get("timeline");
		assertThat(timeline).hasSize(2);
		assertThat(timeline.get(0)).containsEntry("commit", "1111111111aaaaaaaaaa1111111111aaaaaaaaaa")
			.containsEntry("time", "2026-11-26T09:05:00+01:00").containsEntry("filesChanged", 1);
		assertThat(ScorecardJson.tree(card)).containsEntry("timelineTruncated", false)
			.containsEntry("timelineFromIncident", true);
	}

	@Test
	void aRewrittenHistoryIsSaidAboveTheTimeline() {
		Scorecard sample = ScorecardSamples.card("x");
		Scorecard card = withTimeline(sample, new Timeline(List.of(new Timeline.Entry("3333333333", "2026-11-26T10:00:00Z",
				"a | b <i>", List.of("x"), 1)), false, false));

		assertThat(ScorecardMarkdown.write(card)).contains("> The incident's commit is not in the graded commit's history",
				"| a \\| b \\<i> |");
		assertThat(ScorecardHtml.write(card)).contains("<p class=\"banner\">The incident&#39;s commit is not",
				"a | b &lt;i&gt;");
	}

	private static Scorecard card(Decision decision) {
		return ScorecardSamples.card("x", ScorecardSamples.mixedFeedback(), decision);
	}

	private static Scorecard withTimeline(Scorecard card, Timeline timeline) {
		return new Scorecard(card.incident(), card.incidentTitle(), card.candidate(), card.gradedAt(), card.kitVersion(),
				card.kitCommit(), card.criteria(), card.ownTests(), card.build(), card.integrity(), card.durations(),
				card.rubric(), card.feedback(), card.decision(), timeline);
	}

}
