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
		ReplayOutput.claim(this.dir.resolve("new"));
		assertThat(this.dir.resolve("new/" + ReplayOutput.MARKER)).exists();

		Files.createDirectories(this.dir.resolve("empty"));
		ReplayOutput.claim(this.dir.resolve("empty"));

		Files.writeString(this.dir.resolve("new/report.html"), "old");
		ReplayOutput.claim(this.dir.resolve("new"));
	}

	@Test
	void aFolderWithOtherContentIsRefused() throws Exception {
		Files.writeString(this.dir.resolve("notes.txt"), "mine");

		assertThatThrownBy(() -> ReplayOutput.claim(this.dir)).isInstanceOf(FiredrillException.class)
			.hasMessageContaining("not empty");
		assertThat(this.dir.resolve(ReplayOutput.MARKER)).doesNotExist();
	}

	@Test
	void aFolderThatCannotBeWrittenIsBadInput() {
		Path readOnly = ReadOnlyFolder.in(this.dir);
		Path out = readOnly.resolve("firedrill-replay");

		assertThatThrownBy(() -> ReplayOutput.claim(out)).isInstanceOf(FiredrillException.class)
			.hasMessageStartingWith("cannot write " + out + ": " + readOnly + " is not writable (");
		assertThat(out).doesNotExist();
	}

}
