package io.firedrill.kit.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveStateTests {

	@TempDir
	Path dir;

	@Test
	void theStateFileReadsBackWhatWasWrittenAndOnlyItsOwnerCanReadIt() throws Exception {
		LiveState state = new LiveState(4242, 38123, "c0ffee", "release-2.4.0");

		state.write(this.dir);

		assertThat(LiveState.read(this.dir)).contains(state);
		assertThat(state.dashboard()).isEqualTo("http://127.0.0.1:38123/");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir.resolve(LiveState.FILE))))
			.isEqualTo("rw-------");
	}

	@Test
	void noStateFileMeansNoSession() throws Exception {
		assertThat(LiveState.read(this.dir)).isEmpty();
	}

	@Test
	void aStateFileWithoutTokenOrWithABadPortIsRefusedWithWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> LiveState.parse("pid=1\nport=80\n"))
			.withMessageContaining("token");
		assertThatIllegalArgumentException().isThrownBy(() -> LiveState.parse("pid=1\nport=http\ntoken=x\n"))
			.withMessageContaining("numbers");
		assertThatIllegalArgumentException().isThrownBy(() -> LiveState.parse("pid=1\nport=70000\ntoken=x\n"))
			.withMessageContaining("not a TCP port");
	}

}
