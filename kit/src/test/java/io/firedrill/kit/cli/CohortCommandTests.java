package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrillIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code firedrill cohort} refuses before grading anything: one line on stderr, its exit code, nothing written. */
class CohortCommandTests {

	@TempDir
	static Path shared;

	static FakeClone fixture;

	@TempDir
	Path cwd;

	@BeforeAll
	static void fakeClone() {
		fixture = FakeClone.create(shared.resolve("fixture"));
	}

	private Run cohort(String... args) {
		return firedrillIn(fixture.root(), this.cwd, args);
	}

	@Test
	void aBadRosterExitsThreeNamingTheFileAndTheRowAndWritesNothing() throws IOException {
		Path roster = Files.writeString(this.cwd.resolve("roster.csv"), "candidate,repository\nalice,a\nalice,b\n");

		Run run = cohort("cohort", FakeClone.UNGATED, "--roster", "roster.csv", "--out", "cohort");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).containsExactly("firedrill: roster " + roster
				+ " row 3: candidate 'alice' is already on row 2 (ids name folders, so they must differ, case aside)");
		assertThat(run.out()).isEmpty();
		assertThat(this.cwd.resolve("cohort")).doesNotExist();
	}

	@Test
	void anUnknownIncidentExitsThree() throws IOException {
		Files.writeString(this.cwd.resolve("roster.csv"), "candidate,repository\nalice,a\n");

		Run run = cohort("cohort", "no-such-incident", "--roster", "roster.csv", "--out", "cohort");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: ").contains("no-such-incident");
		assertThat(this.cwd.resolve("cohort")).doesNotExist();
	}

	@Test
	void aChunkThatIsNotIndexOverCountIsAUsageError() {
		Run run = cohort("cohort", FakeClone.UNGATED, "--roster", "r.csv", "--out", "c", "--chunk", "4/4");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString().contains("'4/4' is not a chunk INDEX/COUNT");
	}

	@Test
	void withoutRosterOrOutItIsAUsageError() {
		Run run = cohort("cohort", FakeClone.UNGATED);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString().contains("--roster FILE and --out DIR");
	}

	@Test
	void aChunkWithNoRowGradesNothing() throws IOException {
		Files.writeString(this.cwd.resolve("roster.csv"), "candidate,repository\nalice,a\n");

		Run run = cohort("cohort", FakeClone.UNGATED, "--roster", "roster.csv", "--out", "cohort", "--chunk", "3/4");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.outLines()).containsExactly(
				"cohort ungated-discount: 0 of 1 submissions (chunk 3/4), 1 at a time, into " + this.cwd.resolve("cohort"),
				"nothing to grade in this chunk");
	}

	@Test
	void theHelpDocumentsTheChunkContract() {
		Run run = cohort("cohort", "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out().replaceAll("\\s+", " ")).contains("index % COUNT == INDEX")
			.contains("$JOB_COMPLETION_INDEX/<size>").contains("GitHub Actions matrix");
	}

	@Test
	void theReportOverFoldersWithoutCandidatesExitsThreeAndWritesNothing() throws IOException {
		Files.createDirectories(this.cwd.resolve("empty"));

		Run run = cohort("cohort", "report", "empty", "--out", "report");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: no candidate folder");
		assertThat(this.cwd.resolve("report")).doesNotExist();
	}

	@Test
	void theReportNeedsAFolderAndOut() {
		assertThat(cohort("cohort", "report", "--out", "x").exitCode()).isEqualTo(2);
		assertThat(cohort("cohort", "report", "dir").exitCode()).isEqualTo(2);
		assertThat(List.of(this.cwd.toFile().list())).isEmpty();
	}

}
