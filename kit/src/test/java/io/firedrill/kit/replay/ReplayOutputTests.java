package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.support.ReadOnlyFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayOutputTests {

	@TempDir
	Path dir;

	@Test
	void aNewOrEmptyFolderOrAnEarlierReplayCanBeTheOutput() throws Exception {
		Replay.claimOutput(this.dir.resolve("new"));
		assertThat(this.dir.resolve("new/" + Replay.MARKER)).exists();

		Files.createDirectories(this.dir.resolve("empty"));
		Replay.claimOutput(this.dir.resolve("empty"));

		Files.writeString(this.dir.resolve("new/report.html"), "old");
		Replay.claimOutput(this.dir.resolve("new"));
	}

	@Test
	void aFolderWithOtherContentIsRefused() throws Exception {
		Files.writeString(this.dir.resolve("notes.txt"), "mine");

		assertThatThrownBy(() -> Replay.claimOutput(this.dir)).isInstanceOf(FiredrillException.class)
			.hasMessageContaining("not empty");
		assertThat(this.dir.resolve(Replay.MARKER)).doesNotExist();
	}

	@Test
	void aFolderThatCannotBeWrittenIsBadInput() {
		Path readOnly = ReadOnlyFolder.in(this.dir);
		Path out = readOnly.resolve("firedrill-replay");

		assertThatThrownBy(() -> Replay.claimOutput(out)).isInstanceOf(FiredrillException.class)
			.hasMessageStartingWith("cannot write " + out + ": " + readOnly + " is not writable (");
		assertThat(out).doesNotExist();
	}

}
