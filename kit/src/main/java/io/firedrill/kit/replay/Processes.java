package io.firedrill.kit.replay;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Every process the replay starts, so that none outlives it: {@link #close()} ends them all, and so does a
 * shutdown hook when the JVM is interrupted (Ctrl-C, {@code kill}). Ending a process ends its whole tree: its
 * descendants first, politely ({@code SIGTERM}), then by force after a grace period.
 */
public final class Processes implements AutoCloseable {

	static final Duration GRACE = Duration.ofSeconds(10);

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
	Process start(List<String> command, Map<String, String> environment, Path directory, Path log) {
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

	/** Ends one process and its descendants: {@code SIGTERM}, then {@code SIGKILL} after {@code grace}. */
	static void end(Process process, Duration grace) {
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
