package io.firedrill.kit.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTests {

	@TempDir
	Path dir;

	@Test
	void closingEndsEveryProcessTreeItStarted() throws Exception {
		Process shell;
		List<ProcessHandle> tree;
		try (Processes processes = new Processes()) {
			// a shell with a child of its own, like mvnw starting Maven
			shell = processes.start(List.of("sh", "-c", "sleep 300 & sleep 300 & wait"), Map.of(), this.dir,
					this.dir.resolve("out.log"));
			tree = awaitDescendants(shell, 2);
			assertThat(processes.alive()).containsExactly(shell);
		}
		assertThat(shell.isAlive()).isFalse();
		for (ProcessHandle child : tree) {
			child.onExit().get(10, TimeUnit.SECONDS);
			assertThat(child.isAlive()).isFalse();
		}
	}

	@Test
	void aProcessThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
		try (Processes processes = new Processes()) {
			Process stubborn = processes.start(List.of("sh", "-c", "trap '' TERM; sleep 300 & wait; sleep 300"),
					Map.of(), this.dir, this.dir.resolve("out.log"));
			awaitDescendants(stubborn, 1);
			long start = System.nanoTime();
			Processes.end(stubborn, Duration.ofMillis(500));
			assertThat(stubborn.isAlive()).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
		}
	}

	@Test
	void theShutdownHookEndsTheProcessesWhenTheJvmIsStopped() throws Exception {
		Path pidFile = this.dir.resolve("child.pid");
		String classpath = System.getProperty("java.class.path");
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, ProcessesHookMain.class.getName(),
				this.dir.toString(), pidFile.toString())
			.redirectErrorStream(true)
			.start();
		try {
			long childPid = awaitPid(jvm, pidFile);
			ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
			assertThat(child.isAlive()).isTrue();

			jvm.destroy(); // SIGTERM, as kill or a CI timeout would send
			assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

			child.onExit().get(15, TimeUnit.SECONDS);
			assertThat(child.isAlive()).isFalse();
		}
		finally {
			jvm.destroyForcibly();
		}
	}

	@Test
	void aBoundedRunReplacesItsLogAndReturnsTheOutputAndExitCode(@TempDir Path dir) throws IOException {
		Path log = dir.resolve("logs/run.log");
		Files.createDirectories(log.getParent());
		Files.writeString(log, "an earlier run's output\n");

		Processes.Result result = Processes.runBounded(List.of("sh", "-c", "echo built; echo failed >&2; exit 3"), dir,
				Map.of(), Duration.ofSeconds(30), log);

		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.timedOut()).isFalse();
		assertThat(result.lines()).containsExactly("built", "failed");
		assertThat(Files.readString(log)).isEqualTo("built\nfailed\n");
	}

	@Test
	void aBoundedRunOutOfTimeEndsItsWholeTree(@TempDir Path dir) throws Exception {
		Path pid = dir.resolve("child.pid");

		Processes.Result result = Processes.runBounded(List.of("sh", "-c", "sleep 300 & echo $! > child.pid; wait"), dir,
				Map.of(), Duration.ofSeconds(2), dir.resolve("run.log"));

		assertThat(result.timedOut()).isTrue();
		assertThat(result.succeeded()).isFalse();
		Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
		assertThat(child.map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	private static List<ProcessHandle> awaitDescendants(Process process, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			List<ProcessHandle> descendants = process.descendants().toList();
			if (descendants.size() >= count) {
				return descendants;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no " + count + " children of " + process.pid());
	}

	private static long awaitPid(Process jvm, Path pidFile) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			if (Files.exists(pidFile)) {
				Optional<String> pid = Files.readAllLines(pidFile).stream().findFirst();
				if (pid.isPresent() && !pid.get().isBlank()) {
					return Long.parseLong(pid.get().trim());
				}
			}
			if (!jvm.isAlive()) {
				try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
					throw new AssertionError("helper JVM exited: " + String.join("\n", out.lines().toList()));
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("helper JVM wrote no pid");
	}

}
