package io.firedrill.kit.shop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The one way the kit runs the shop's own commands (Maven, {@code java -jar}, {@code deploy/run.sh}) as black
 * boxes: every process started here is registered, so that none outlives its owner: {@link #close()} ends them
 * all, and so does a shutdown hook when the JVM is interrupted (Ctrl-C, {@code kill}). Ending a process ends its
 * whole tree: its descendants first, politely ({@code SIGTERM}), then by force after a grace period.
 * <p>
 * Grading's sealed runs are not started here: they need namespaces, a bounded output and a verdict on what
 * outlived the run ({@code grade.run.MavenRun}).
 */
public final class Processes implements AutoCloseable {

	static final Duration GRACE = Duration.ofSeconds(10);

	/**
	 * What one bounded command did.
	 * @param exitCode its exit code, or {@code -1} when it was ended on timeout
	 * @param timedOut whether it ran out of time (its whole process tree was ended)
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

	private final List<Process> started = new CopyOnWriteArrayList<>();

	private final Thread hook;

	private volatile boolean closed;

	public Processes() {
		this.hook = new Thread(this::endAll, "firedrill-replay-cleanup");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/**
	 * Starts a process with its output (stdout and stderr together) going to {@code log}.
	 * @param environment variables added to this JVM's environment
	 */
	public Process start(List<String> command, Map<String, String> environment, Path directory, Path log) {
		if (this.closed) {
			throw new IllegalStateException("processes already closed");
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			this.started.add(process);
			if (this.closed) { // closed while starting
				end(process, Duration.ZERO);
			}
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + String.join(" ", command), ex);
		}
	}

	/**
	 * Runs {@code command} in {@code directory} to its end or until {@code timeout}, when its whole tree is
	 * ended. Its output replaces {@code log} (kept for the user) and is returned.
	 * @param environment variables added to this JVM's environment
	 */
	public Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
			Path log) {
		long start = System.nanoTime();
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Files.write(log, new byte[0]);
			Process process = start(command, environment, directory, log);
			boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!finished) {
				end(process, Duration.ofSeconds(5));
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

	/** {@link #run} with processes of its own, for a caller that starts nothing else. */
	public static Result runBounded(List<String> command, Path directory, Map<String, String> environment,
			Duration timeout, Path log) {
		try (Processes processes = new Processes()) {
			return processes.run(command, directory, environment, timeout, log);
		}
	}

	/** Ends one process and its descendants: {@code SIGTERM}, then {@code SIGKILL} after {@code grace}. */
	public static void end(Process process, Duration grace) {
		List<ProcessHandle> tree = new ArrayList<>();
		process.descendants().forEach(tree::add);
		tree.add(process.toHandle());
		for (ProcessHandle handle : tree) {
			handle.destroy();
		}
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle handle : tree) {
			long left = deadline - System.nanoTime();
			try {
				if (left > 0) {
					handle.onExit().get(left, TimeUnit.NANOSECONDS);
				}
			}
			catch (Exception ex) {
				// forced below
			}
			if (handle.isAlive()) {
				handle.destroyForcibly();
			}
		}
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Processes started and still running. */
	List<Process> alive() {
		return this.started.stream().filter(Process::isAlive).toList();
	}

	private void endAll() {
		this.closed = true;
		List<Process> running = alive();
		// in parallel: a service shutting down gracefully must not delay the others
		List<Thread> enders = new ArrayList<>();
		for (Process process : running) {
			Thread ender = new Thread(() -> end(process, GRACE), "firedrill-end-" + process.pid());
			ender.start();
			enders.add(ender);
		}
		for (Thread ender : enders) {
			try {
				ender.join(GRACE.plusSeconds(6).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
	}

	@Override
	public void close() {
		endAll();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook is running or has run
		}
	}

}
