package io.firedrill.kit.guardrails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the shop's own commands (Maven, {@code deploy/run.sh}) as a black box, bounded in time. */
public final class Processes {

	private Processes() {
	}

	/**
	 * What one command did.
	 * @param exitCode its exit code, or {@code -1} when it was killed on timeout
	 * @param timedOut whether it ran out of time (its whole process tree was killed)
	 * @param output stdout and stderr, interleaved as written
	 * @param duration how long it ran
	 */
	public record Result(int exitCode, boolean timedOut, String output, Duration duration) {

		public boolean succeeded() {
			return !this.timedOut && this.exitCode == 0;
		}

		public List<String> lines() {
			return this.output.lines().toList();
		}

		/** The last lines of the output, for an error message. */
		public String tail(int lines) {
			List<String> all = lines();
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}

	}

	/**
	 * Runs {@code command} in {@code dir} with {@code environment} added to this process's environment. Its output
	 * goes to {@code log} (kept for the user) and is returned; standard input is closed.
	 */
	public static Result run(List<String> command, Path dir, Map<String, String> environment, Duration timeout,
			Path log) {
		long start = System.nanoTime();
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!finished) {
				killTree(process.toHandle());
				process.waitFor(10, TimeUnit.SECONDS);
			}
			String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
			return new Result(finished ? process.exitValue() : -1, !finished, output,
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command.get(0), ex);
		}
	}

	/** Kills a process and everything it started, children first. */
	public static void killTree(ProcessHandle process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
	}

}
