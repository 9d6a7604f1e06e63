package io.firedrill.kit.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardSamples;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;

class JobSummaryTests {

	@Test
	void itOpensWithTheTotalThenATableOfTheCriteria() {
		String md = JobSummary.write(ScorecardSamples.card("charged $72.00"));
		assertThat(md).contains("**14 / 30 points** for `0123456789`")
			.contains("| Discount codes are gated on the backend (`flag-gated-backend`) | 🟡 PARTIAL (MITIGATED, NOT GATED) | 4 / 10 |")
			.contains("| ⚪ FAIL (NOT GRADED) | 0 / 10 |")
			.contains("- **warning** `uncommitted-changes`: uncommitted changes were not graded")
			.contains("charged $72.00");
	}

	@Test
	void aVoidedCardSaysSoAndScoresZero() {
		String md = JobSummary.write(ScorecardSamples.voided());
		assertThat(md).contains("**0 / 30 points**").contains("voided by a critical integrity finding")
			.contains("- **critical** `shadows-test-library`");
	}

	@Test
	void hostileEvidenceStaysOnOneLineOfTheTableAndCannotOpenHtml() {
		String md = JobSummary.write(ScorecardSamples.failing(Schemas.HOSTILE));
		assertThat(md).doesNotContainPattern("(?<!\\\\)<").contains("\\<x y=").doesNotContain("\u0000", "\u001b")
			.contains("\uFFFD\uFFFD\uFFFD[31m");
		assertThat(md.lines().filter((line) -> line.startsWith("- **io.firedrill.grading.Hidden#"))).hasSize(3);
	}

	@Test
	void hugeEvidenceIsCutAndTheSummaryStaysUnderOneMebibyte() {
		List<Evidence> evidence = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			evidence.add(new Evidence("Hidden#test" + i, "é".repeat(5000)));
		}
		Scorecard sample = ScorecardSamples.passing();
		List<CriterionResult> criteria = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			criteria.add(new CriterionResult("criterion-" + i, "Criterion " + i, Status.FAIL, null, 0, 10, true, evidence));
		}
		Scorecard card = new Scorecard(sample.incident(), sample.incidentTitle(), sample.candidate(), sample.gradedAt(),
				sample.kitVersion(), sample.kitCommit(), criteria, sample.ownTests(), sample.build(), sample.integrity(),
				sample.durations(), sample.rubric());

		String md = JobSummary.write(card);

		assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(JobSummary.LIMIT);
		assertThat(md).contains("[cut: 3000 more characters in scorecard.md]")
			.containsPattern("> \\d+ evidence entries are left out to keep this summary under 1 MiB: see scorecard.md.")
			.contains("| Criterion 4 (`criterion-4`) | ❌ FAIL | 0 / 10 |");
	}

}
