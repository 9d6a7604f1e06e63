package io.firedrill.kit.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.card.ScorecardFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkipRuleTests {

	@TempDir
	Path dir;

	private Path graded() throws Exception {
		return CohortSamples.graded(this.dir, "alice", CohortSamples.card(CohortSamples.INCIDENT, CohortSamples.COMMIT,
				"abcdef0123", Status.PASS, true, Status.PASS, 10, false, List.of()));
	}

	@Test
	void aScorecardOfTheSameIncidentCommitAndKitIsSkipped() throws Exception {
		assertThat(CohortRun.alreadyGraded(graded(), CohortSamples.INCIDENT, CohortSamples.COMMIT, "1.0.0", "abcdef0123"))
			.isTrue();
	}

	@Test
	void anotherCommitIncidentKitVersionOrKitCommitIsGradedAgain() throws Exception {
		Path folder = graded();
		String other = "f".repeat(40);

		assertThat(CohortRun.alreadyGraded(folder, CohortSamples.INCIDENT, other, "1.0.0", "abcdef0123")).isFalse();
		assertThat(CohortRun.alreadyGraded(folder, "ungated-discount", CohortSamples.COMMIT, "1.0.0", "abcdef0123"))
			.isFalse();
		assertThat(CohortRun.alreadyGraded(folder, CohortSamples.INCIDENT, CohortSamples.COMMIT, "1.1.0", "abcdef0123"))
			.isFalse();
		assertThat(CohortRun.alreadyGraded(folder, CohortSamples.INCIDENT, CohortSamples.COMMIT, "1.0.0", "0000000000"))
			.isFalse();
	}

	@Test
	void anErrorAMissingOrAnUnreadableScorecardIsGradedAgain() throws Exception {
		Path error = CohortSamples.error(this.dir, "bob", "not a repository");
		Path corrupt = Files.createDirectories(this.dir.resolve("carol"));
		Files.writeString(corrupt.resolve(ScorecardFiles.JSON), "{ not json");

		assertThat(CohortRun.alreadyGraded(error, CohortSamples.INCIDENT, CohortSamples.COMMIT, "1.0.0", "abcdef0123"))
			.isFalse();
		assertThat(CohortRun.alreadyGraded(corrupt, CohortSamples.INCIDENT, CohortSamples.COMMIT, "1.0.0", "abcdef0123"))
			.isFalse();
		assertThat(CohortRun.alreadyGraded(this.dir.resolve("dave"), CohortSamples.INCIDENT, CohortSamples.COMMIT,
				"1.0.0", "abcdef0123")).isFalse();
	}

}
