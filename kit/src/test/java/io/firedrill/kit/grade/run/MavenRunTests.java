package io.firedrill.kit.grade.run;

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
	void aProcessTheRunDetachesDiesWithTheRun() throws Exception {
		assumeTrue(MavenRun.canRunWithoutNetwork(), "this machine cannot make a process namespace");
		Path log = this.dir.resolve("run.log");
		Path marker = this.dir.resolve("still-alive");

		MavenRun.Result result = MavenRun.run(List.of("sh", "-c", "setsid sh -c 'sleep 3; touch " + marker
				+ "' > /dev/null 2>&1 < /dev/null & exit 0"), this.dir, log, Duration.ofSeconds(30));
		Thread.sleep(5000);

		assertThat(result.hadSurvivors()).isTrue();
		assertThat(marker).doesNotExist();
	}

	@Test
	void aRunWhoseProcessesAllEndedKeepsItsExitCode() {
		assumeTrue(MavenRun.canRunWithoutNetwork(), "this machine cannot make a process namespace");

		MavenRun.Result result = MavenRun.run(List.of("sh", "-c", "sleep 0.2 & wait; exit 3"), this.dir,
				this.dir.resolve("run.log"), Duration.ofSeconds(30));

		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.hadSurvivors()).isFalse();
	}

	@Test
	void aRunOverItsBoundIsKilledWithWhatItStarted() throws Exception {
		Path log = this.dir.resolve("run.log");
		Path marker = this.dir.resolve("child-finished");

		MavenRun.Result result = MavenRun.run(List.of("sh", "-c", "(sleep 4; touch " + marker + ") & wait"), this.dir,
				log, Duration.ofSeconds(2));
		Thread.sleep(4000);

		assertThat(result.timedOut()).isTrue();
		assertThat(result.exitCode()).isEqualTo(-1);
		assertThat(marker).doesNotExist();
	}

}
