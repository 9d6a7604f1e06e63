package io.firedrill.kit.grade.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.support.ReadOnlyFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a scorecard may be written, and what --force may replace. */
class ScorecardFilesTests {

	@TempDir
	Path dir;

	@Test
	void forceReplacesAFolderAnEarlierScorecardWrote() throws Exception {
		Path out = this.dir.resolve("card");
		write(out, false, ScorecardSamples.card("charged the first card 7f3"));

		ScorecardFiles.checkDestination(out, true);
		write(out, true, ScorecardSamples.card("charged the second card 9c1"));

		assertThat(out.resolve(ScorecardFiles.JSON)).content().contains("second card 9c1").doesNotContain("first card 7f3");
	}

	@Test
	void aFailedWriteLeavesNoStagedFolderAndNothingAtTheDestination() {
		Path out = this.dir.resolve("card");

		assertThatThrownBy(() -> ScorecardFiles.writeStaged(out, false, (staging) -> {
			ScorecardFiles.write(ScorecardSamples.card("x"), staging);
			throw new IllegalStateException("the grading failed");
		})).hasMessage("the grading failed");

		assertThat(this.dir).isEmptyDirectory();
	}

	@Test
	void aDestinationInAFolderThatCannotBeWrittenIsBadInput() {
		// grade and demo check their --out with this before any work
		Path readOnly = ReadOnlyFolder.in(this.dir);
		Path out = readOnly.resolve("firedrill-card");

		assertThatThrownBy(() -> ScorecardFiles.checkDestination(out, false)).isInstanceOf(FiredrillException.class)
			.hasMessageStartingWith("cannot write " + out + ": " + readOnly + " is not writable (")
			.satisfies((ex) -> assertThat(((FiredrillException) ex).exitCode()).isEqualTo(ExitCode.INPUT));
		assertThat(out).doesNotExist();
	}

	@Test
	void aDestinationUnderAFileIsBadInput() throws Exception {
		Path file = Files.writeString(this.dir.resolve("notes.txt"), "mine");

		assertThatThrownBy(() -> ScorecardFiles.checkDestination(file.resolve("card"), false))
			.isInstanceOf(FiredrillException.class)
			.hasMessage("cannot write " + file.resolve("card") + ": " + file + " is not a directory");
		assertThat(file).hasContent("mine");
	}

	@Test
	void forceNeverReplacesAFolderNoScorecardWrote() throws Exception {
		Path repository = this.dir.resolve("submission");
		Files.createDirectories(repository.resolve(".git"));
		Files.writeString(repository.resolve("Uncommitted.java"), "class Uncommitted {}");

		assertThatThrownBy(() -> ScorecardFiles.checkDestination(repository, true))
			.isInstanceOf(FiredrillException.class)
			.hasMessageContaining("--force replaces only a folder that firedrill grade wrote");
		Path staged = ScorecardFiles.stage(repository);
		ScorecardFiles.write(ScorecardSamples.card("x"), staged);
		assertThatThrownBy(() -> ScorecardFiles.publish(staged, repository, true))
			.isInstanceOf(FiredrillException.class);
		assertThat(repository.resolve("Uncommitted.java")).exists();
		assertThat(repository.resolve(".git")).isDirectory();
	}

	@Test
	void aMarkerThatIsASymbolicLinkDoesNotCount() throws Exception {
		Path out = this.dir.resolve("linked");
		Files.createDirectories(out);
		Files.writeString(out.resolve("precious.txt"), "keep me");
		Path elsewhere = Files.writeString(this.dir.resolve("marker"), "");
		Files.createSymbolicLink(out.resolve(ScorecardFiles.MARKER), elsewhere);

		assertThatThrownBy(() -> ScorecardFiles.checkDestination(out, true)).isInstanceOf(FiredrillException.class);
		assertThat(out.resolve("precious.txt")).exists();
	}

	private static void write(Path out, boolean replace, Scorecard card) {
		ScorecardFiles.writeStaged(out, replace, (staging) -> {
			ScorecardFiles.write(card, staging);
			return card;
		});
	}

}
