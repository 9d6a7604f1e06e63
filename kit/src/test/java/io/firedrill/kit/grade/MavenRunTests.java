package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded run itself, with small shell commands instead of Maven. */
class MavenRunTests {

	@TempDir
	Path dir;

	@Test
	void aRunSeesOnlyTheLoopbackInterfaceAndItIsUp() throws Exception {
		assumeTrue(MavenRun.canRunWithoutNetwork(), "this machine cannot make a network namespace");
		Path log = this.dir.resolve("run.log");

		MavenRun.Result result = MavenRun.run(List.of("ip", "-o", "link", "show"), this.dir, log,
				Duration.ofSeconds(30));

		assertThat(result.exitCode()).isZero();
		assertThat(result.withoutNetwork()).isTrue();
		assertThat(Files.readAllLines(log)).singleElement().asString().contains(": lo: <LOOPBACK,UP");
	}

	@Test
	void aRunOverItsBoundIsKilledWithWhatItStarted() throws Exception {
		Path log = this.dir.resolve("run.log");
		Path pidFile = this.dir.resolve("child.pid");

		MavenRun.Result result = MavenRun.run(
				List.of("sh", "-c", "sleep 600 & echo $! > " + pidFile + "; wait"), this.dir, log, Duration.ofSeconds(2));

		assertThat(result.timedOut()).isTrue();
		assertThat(result.exitCode()).isEqualTo(-1);
		long child = Long.parseLong(Files.readString(pidFile).strip());
		assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
	}

}
