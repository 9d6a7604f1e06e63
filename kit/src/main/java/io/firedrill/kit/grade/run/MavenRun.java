package io.firedrill.kit.grade.run;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.firedrill.kit.Cleanup;
import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.maven.LocalRepository;

/**
 * One Maven run with a wall-clock bound, its output in a log file. When the bound is exceeded the whole process
 * tree is killed. Where the machine allows it, the run is sealed: a network namespace of its own with only the
 * loopback interface, so that the candidate's code can reach neither the internet nor this machine's other services
 * (and cannot send the hidden suites anywhere) while its tests still talk to their own servers on loopback; and a
 * process namespace of its own, so that no process it starts outlives it (a double fork or {@code setsid} included).
 * Elsewhere the descendants seen while it ran are killed after it, which a quick double fork can escape.
 */
public final class MavenRun {

	/** Environment variable naming the Maven executable to use instead of the kit's wrapper. */
	public static final String MAVEN_ENV = "FIREDRILL_MAVEN";

	/**
	 * Runs the command after it sealed: in a network namespace of its own with only the loopback interface up, and
	 * in a process namespace of its own whose first process is the command, so that every process it starts,
	 * detached or not, is killed by the kernel when the command ends or when the grader kills it.
	 */
	static final List<String> WITHOUT_NETWORK = List.of("unshare", "--net", "--pid", "--fork", "--kill-child",
			"--mount-proc", "--", "sh", "-c", """
					ip link set lo up || exit 125
					"$@"
					code=$?
					for process in /proc/[0-9]*; do
					    [ "${process#/proc/}" = 1 ] || exit %d
					done
					exit $code""".formatted(Result.SURVIVORS), "firedrill-sealed");

	private static volatile Boolean networkIsolation;

	private MavenRun() {
	}

	/**
	 * What happened.
	 * @param exitCode Maven's exit code, or -1 when it was killed
	 * @param timedOut whether the bound was exceeded
	 * @param elapsed how long it ran
	 * @param withoutNetwork whether it ran in a network namespace of its own
	 */
	public record Result(int exitCode, boolean timedOut, Duration elapsed, boolean withoutNetwork) {

		/**
		 * The exit code of a sealed run whose command ended while processes it had started were still running (the
		 * kernel killed them with the namespace): the command's own exit code is then not known.
		 */
		static final int SURVIVORS = 97;

		/** No run at all (nothing to build). */
		public static final Result NOTHING = new Result(0, false, Duration.ZERO, true);

		/** Whether processes it started outlived the command (and were killed with the run). */
		public boolean hadSurvivors() {
			return this.withoutNetwork && this.exitCode == SURVIVORS;
		}

		/** This run followed by another, as one: the later exit code, the time of both, timed out or open if either. */
		public Result then(Result next) {
			int exitCode = hadSurvivors() && !next.hadSurvivors() ? SURVIVORS : next.exitCode;
			return new Result(exitCode, this.timedOut || next.timedOut, this.elapsed.plus(next.elapsed),
					this.withoutNetwork && next.withoutNetwork);
		}

	}

	/**
	 * Whether this machine can run a command sealed ({@code unshare --net --pid} and {@code ip}, and the right to use
	 * them): tried once, then remembered.
	 */
	public static boolean canRunWithoutNetwork() {
		Boolean known = networkIsolation;
		if (known == null) {
			boolean works;
			try {
				List<String> probe = new ArrayList<>(WITHOUT_NETWORK);
				probe.add("true");
				Process process = new ProcessBuilder(probe).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				works = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
				process.destroyForcibly();
			}
			catch (IOException ex) {
				works = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				works = false;
			}
			networkIsolation = works;
			known = works;
		}
		return known;
	}

	/**
	 * The Maven to run: {@value #MAVEN_ENV} if set, else the kit clone's {@code mvnw}, else {@code mvn} on the
	 * PATH; with the user's local repository and settings files.
	 * @throws FiredrillException (grading) when there is none
	 */
	public static List<String> locate(Path kitRoot) {
		List<String> command = new ArrayList<>(executable(kitRoot));
		// the grading runs start without MAVEN_ARGS and from a folder of their own: say where the user's Maven keeps
		// its repository and settings, so that they use the same ones
		command.add("-D" + "maven.repo.local=" + LocalRepository.locate(kitRoot));
		command.addAll(LocalRepository.settingsOptions());
		return List.copyOf(command);
	}

	private static List<String> executable(Path kitRoot) {
		String configured = System.getenv(MAVEN_ENV);
		if (configured != null && !configured.isBlank()) {
			return List.of(configured);
		}
		Path wrapper = kitRoot.resolve("mvnw");
		if (Files.isRegularFile(wrapper)) {
			return Files.isExecutable(wrapper) ? List.of(wrapper.toString()) : List.of("sh", wrapper.toString());
		}
		Optional<Path> onPath = onPath("mvn");
		if (onPath.isPresent()) {
			return List.of(onPath.get().toString());
		}
		throw new FiredrillException(ExitCode.GRADING, "Maven not found: no mvnw in " + kitRoot
				+ " and no mvn on the PATH (or set " + MAVEN_ENV + ")");
	}

	private static Optional<Path> onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Runs the command in {@code dir}, stdout and stderr to {@code log}, without network if the machine allows it.
	 * @throws FiredrillException (grading) if the command cannot be started
	 */
	public static Result run(List<String> command, Path dir, Path log, Duration timeout) {
		return run(command, dir, log, timeout, canRunWithoutNetwork());
	}

	/**
	 * Runs the command with this machine's network: only for trusted steps in which nothing of the candidate's
	 * executes (resolving dependencies before the sealed run).
	 */
	public static Result runWithNetwork(List<String> command, Path dir, Path log, Duration timeout) {
		return run(command, dir, log, timeout, false);
	}

	private static Result run(List<String> command, Path dir, Path log, Duration timeout, boolean withoutNetwork) {
		List<String> actual = new ArrayList<>(withoutNetwork ? WITHOUT_NETWORK : List.of());
		actual.addAll(command);
		// through a pipe, not into the file: what the candidate's code prints is bounded on its way to the log
		ProcessBuilder builder = new ProcessBuilder(actual).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.PIPE)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().remove("MAVEN_ARGS");
		Instant start = Instant.now();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new FiredrillException(ExitCode.GRADING, "cannot start Maven (" + command.get(0) + "): " + ex.getMessage(), ex);
		}
		Thread copier = copyOutput(process, log);
		Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
		boolean finished = false;
		// stopped with the kit: in a sealed run, killing unshare kills everything in its namespace
		Cleanup.Action stop = Cleanup.onStop(() -> {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		});
		try {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!finished) {
				remember(process.toHandle(), seen);
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				finished = process.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			stop.close();
			if (!finished) {
				remember(process.toHandle(), seen);
				process.toHandle().destroyForcibly();
			}
			killSurvivors(seen);
			try {
				process.waitFor(30, TimeUnit.SECONDS);
				copier.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (copier.isAlive()) {
				// a process outside the run's reach still holds the pipe: the log ends here
				closeQuietly(process.getInputStream());
			}
		}
		Duration elapsed = Duration.between(start, Instant.now());
		return new Result(finished ? process.exitValue() : -1, !finished, elapsed, withoutNetwork);
	}

	/** Copies the run's output into its log, bounded, on a thread of its own that ends with the output. */
	private static Thread copyOutput(Process process, Path log) {
		Thread copier = new Thread(() -> {
			try (InputStream in = process.getInputStream();
					OutputStream out = new BufferedOutputStream(Files.newOutputStream(log))) {
				BoundedLog.copy(in, out);
			}
			catch (IOException ex) {
				// the run goes on; its log ends where writing it failed
			}
		}, "firedrill-maven-output");
		copier.setDaemon(true);
		copier.start();
		return copier;
	}

	private static void closeQuietly(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	/** Notes every descendant of the run, so that one that outlives its parent can still be found. */
	private static void remember(ProcessHandle root, Map<Long, ProcessHandle> seen) {
		root.descendants().forEach((handle) -> seen.putIfAbsent(handle.pid(), handle));
	}

	/** Kills the processes the run started that are still alive (the same process: same pid and start time). */
	private static void killSurvivors(Map<Long, ProcessHandle> seen) {
		List<ProcessHandle> alive = new ArrayList<>();
		for (ProcessHandle handle : seen.values()) {
			if (handle.isAlive()) {
				alive.add(handle);
			}
		}
		// children before parents would let parents respawn; kill all, then wait
		alive.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle handle : alive) {
			try {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// it is gone or will be
			}
		}
	}

}
