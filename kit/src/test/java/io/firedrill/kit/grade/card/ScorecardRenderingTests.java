package io.firedrill.kit.grade.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScorecardRenderingTests {

	static final String HOSTILE = "got HTTP 500 <script>alert('x')</script> | & \"quoted\"\nsecond line";

	@Test
	void theHtmlIsOneFileWithoutAnyExternalResource() {
		String html = ScorecardHtml.write(ScorecardSamples.card("charged $72.00"));

		assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "@media print")
			.doesNotContain("<script", "<link", " src=", "@import", "url(");
	}

	@Test
	void theHtmlEscapesWhatTheCandidatesCodeSaid() {
		String html = ScorecardHtml.write(ScorecardSamples.card(HOSTILE));

		assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	}

	@Test
	void theHtmlShowsEachStatusInItsColourAndTheRubricAsAFormToFill() {
		String html = ScorecardHtml.write(ScorecardSamples.card("charged $72.00"));

		assertThat(html).contains("<span class=\"status partial\">PARTIAL (mitigated, not gated)</span>",
				"<span class=\"status pass\">PASS</span>", "<span class=\"status fail\">FAIL (not graded)</span>",
				"--pass: #1a7f37", "--fail: #cf222e", "<th>Novice</th><th>Intermediate</th><th>Expert</th><th>Notes</th>",
				"<span class=\"box\"></span>", "Uncommitted changes were not graded", "14 / 30 points",
				"FlagOffTests#withTheFlagOffNobodyGetsADiscount");
	}

	@Test
	void theMarkdownHasTheResultTheEvidenceAndTheRubricToFill() {
		String md = ScorecardMarkdown.write(ScorecardSamples.card("charged $72.00"));

		assertThat(md).startsWith("# Scorecard: v2.4.0: error rate 0.1 % to 15 %\n")
			.contains("## Result: 14 / 30 points",
					"| Discount codes are gated on the backend (`flag-gated-backend`) | 🟡 PARTIAL (mitigated, not gated) | 4 / 10 |",
					"- **FlagOffTests#withTheFlagOffNobodyGetsADiscount**: charged $72.00",
					"❌ FAIL (not graded)", "- not graded: order-retry-job did not build",
					"> **Uncommitted changes were not graded** (notes.txt).",
					"73 run, 1 failed, 2 skipped. Visible test classes that did not run: com.acme.shop.ArchitectureTests.",
					"| Triage speed | ☐ Novice ☐ Intermediate ☐ Expert |  |", "### Hints needed (0-4, 0 = none)",
					"### Strengths (3)\n\n1. \n2. \n3. \n", "### Resources to study (2-3)\n\n1. \n2. \n3. \n",
					"Grading took 2m05s (Maven 1m58s, bound 20m00s).");
	}

	@Test
	void theMarkdownKeepsEachEvidenceOnOneLineAndInjectsNoHtml() {
		String md = ScorecardMarkdown.write(ScorecardSamples.card(HOSTILE));

		assertThat(md).contains("**: got HTTP 500 \\<script>alert('x')\\</script> | & \"quoted\" second line\n");
	}

}
