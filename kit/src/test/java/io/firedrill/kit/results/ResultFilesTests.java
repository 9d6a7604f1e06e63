package io.firedrill.kit.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardSamples;

class ResultFilesTests {

	@Test
	void theFourFormatsAreWrittenIntoTheScorecardsFolderAndNothingElse(@TempDir Path dir) throws Exception {
		Scorecard card = ScorecardSamples.card("charged $72.00");

		ResultFiles.write(card, dir);

		try (var files = Files.list(dir)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("junit.xml", "results.json", "classroom-results.json", "summary.md");
		}
		assertThat(dir.resolve(ResultFiles.JUNIT)).hasContent(JUnitXml.write(card));
		assertThat(dir.resolve(ResultFiles.GRADESCOPE)).hasContent(GradescopeResults.write(card));
		assertThat(dir.resolve(ResultFiles.CLASSROOM)).hasContent(ClassroomResults.write(card));
		assertThat(dir.resolve(ResultFiles.SUMMARY)).hasContent(JobSummary.write(card));
	}

}
