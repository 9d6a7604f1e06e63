package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.shop.Processes;

/**
 * A shop host on this machine: it runs checkout-service and the jobs of a release the way the hosts do
 * ({@code java -Dloader.path=<the SDK of deploy/runtime.properties> -jar <module>-exec.jar}, embedded defaults),
 * all on one H2 database ({@code ACME_DATA_DIR}), services on a loopback port checked free just before.
 */
public final class ShopHost {

	static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * JVM options of the one-shot job runs: a short-lived batch process gains nothing from the optimising JIT,
	 * and these halve its start on two cores. They change no behaviour of the job.
	 */
	static final List<String> JOB_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	/**
	 * JVM option of checkout-service, before any of the caller's (a later one wins): the client compiler only. A
	 * replayed or live service lives a few minutes; the optimising compiler would spend them taking the two cores
	 * from the traffic being measured, and a cold JIT would need 1600 warm-up sessions instead of 400. A checkout's
	 * latency is the gateway's and the SDK's, not the JIT's: the same per-minute p50 and p99 before and after the
	 * deploy with either compiler (kit/bench/README.md, issue #16). It changes no behaviour of the service.
	 */
	static final List<String> SERVICE_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

	/**
	 * Keeps the embedded H2's auto-server (which lets the jobs open the database checkout-service holds) on the
	 * loopback interface; its port is still the free one the system picks. Without it H2 listens on every
	 * interface and advertises the address the host name resolves to.
	 */
	static final String H2_ON_LOOPBACK = "-Dh2.bindAddress=127.0.0.1";

	private final Processes processes;

	private final Path dataDir;

	private final Path logDir;

	private final Duration gatewayLatency;

	private final List<String> serviceJvmOptions;

	private final List<Long> decliningCustomers;

	private final boolean niceJobs;

	/**
	 * @param gatewayLatency how long the payment sandbox of every process takes per gateway request
	 * @param decliningCustomers customers whose cards the payment sandbox of every process declines, like the hosted
	 * sandbox's test cards: the customers of the story's declined orders ({@link ShopDatabase#seedDeclinedOrders});
	 * outside the traffic's customer ids, so they change nothing of the checkouts' error rate
	 */
	public ShopHost(Processes processes, Path dataDir, Path logDir, Duration gatewayLatency,
			List<Long> decliningCustomers, List<String> serviceJvmOptions) {
		this.processes = processes;
		this.dataDir = dataDir;
		this.logDir = logDir;
		this.gatewayLatency = gatewayLatency;
		List<String> service = new ArrayList<>(SERVICE_JVM_OPTIONS);
		service.addAll(serviceJvmOptions);
		this.serviceJvmOptions = List.copyOf(service);
		this.decliningCustomers = List.copyOf(decliningCustomers);
		this.niceJobs = Files.isExecutable(Path.of("/usr/bin/nice")) || Files.isExecutable(Path.of("/bin/nice"));
	}

	Path dataDir() {
		return this.dataDir;
	}

	/** A running checkout-service. */
	public record Service(String version, Process process, int port, Path log, Duration startTime,
			ClassDataArchive classData) {

		public URI base() {
			return URI.create("http://127.0.0.1:" + this.port + "/");
		}

	}

	/** Starts checkout-service of a build and waits until it is ready to take traffic. */
	public Service startCheckout(ShopBuilds.Build build, String version) {
		int port = Ports.freeLoopbackPort();
		Path log = this.logDir.resolve("checkout-service-" + fileSafe(version) + ".log");
		List<String> command = new ArrayList<>();
		command.add(javaCommand());
		command.add(H2_ON_LOOPBACK);
		command.addAll(this.serviceJvmOptions);
		ClassDataArchive classData = ClassDataArchive.of(build.directory(), "checkout-service",
				withH2OnLoopback(this.serviceJvmOptions));
		if (classData != null) {
			command.addAll(classData.jvmOptions());
		}
		command.add("-Dloader.path=" + build.sdk());
		command.addAll(List.of("-jar", build.jar("checkout-service").toString(), "--server.port=" + port,
				"--server.address=127.0.0.1"));
		long start = System.nanoTime();
		Process process = this.processes.start(command, environment(), this.dataDir, log);
		waitReady(process, port, log, version);
		return new Service(version, process, port, log, Duration.ofNanos(System.nanoTime() - start), classData);
	}

	/** Stops a service the way a deploy does: {@code SIGTERM}, a graceful shutdown, {@code SIGKILL} if stuck. */
	public void stop(Service service) {
		// writing a class-data archive at exit takes a few seconds more than the graceful shutdown itself
		Processes.end(service.process(), Duration.ofSeconds(service.classData() != null
				&& service.classData().records() ? 60 : 20));
		if (service.classData() != null) {
			service.classData().settle(service.process().isAlive() ? -1 : service.process().exitValue());
		}
	}

	private static List<String> withH2OnLoopback(List<String> options) {
		List<String> all = new ArrayList<>();
		all.add(H2_ON_LOOPBACK);
		all.addAll(options);
		return all;
	}

	/**
	 * What one {@code --run-once} of a job did.
	 * @param job the job's module
	 * @param version the release it ran
	 * @param at simulated time, {@code HH:mm} (with the day when it is not the deploy day)
	 * @param exitCode the process exit code ({@code -1}: killed after {@link #JOB_TIMEOUT})
	 * @param wall how long it ran
	 * @param log its output
	 * @param started when it started, on this machine's clock
	 */
	public record JobRun(String job, String version, String at, int exitCode, Duration wall, Path log, Instant started) {

		public boolean failed() {
			return this.exitCode != 0;
		}

	}

	/**
	 * Starts one run of a job ({@code --run-once}).
	 * @param besideTraffic run it at the lowest CPU priority, so that it does not slow the service being measured
	 */
	public CompletableFuture<JobRun> runJob(ShopBuilds.Build build, String version, String job, String at,
			boolean besideTraffic) {
		Path log = this.logDir.resolve("jobs").resolve(job + "-" + fileSafe(at) + "-" + fileSafe(version) + ".log");
		try {
			Files.createDirectories(log.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>();
		if (this.niceJobs && besideTraffic) {
			command.addAll(List.of("nice", "-n", "19"));
		}
		command.add(javaCommand());
		command.add(H2_ON_LOOPBACK);
		command.addAll(JOB_JVM_OPTIONS);
		ClassDataArchive classData = ClassDataArchive.of(build.directory(), job, withH2OnLoopback(JOB_JVM_OPTIONS));
		command.addAll(classData.jvmOptions());
		command.add("-Dloader.path=" + build.sdk());
		command.addAll(List.of("-jar", build.jar(job).toString(), "--run-once"));
		Instant started = Instant.now();
		long start = System.nanoTime();
		Process process = this.processes.start(command, environment(), this.dataDir, log);
		return CompletableFuture.supplyAsync(() -> {
			int exit;
			try {
				if (process.waitFor(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
					exit = process.exitValue();
				}
				else {
					Processes.end(process, Duration.ofSeconds(5));
					exit = -1;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				Processes.end(process, Duration.ofSeconds(5));
				exit = -1;
			}
			classData.settle(exit);
			return new JobRun(job, version, at, exit, Duration.ofNanos(System.nanoTime() - start), log, started);
		});
	}

	/** The host's settings, as its environment: every process of the shop reads them the same way. */
	private Map<String, String> environment() {
		return Map.of("ACME_DATA_DIR", this.dataDir.toString(), "ACME_PAYMENTS_SANDBOX_PROCESSINGTIME",
				this.gatewayLatency.toMillis() + "ms", "ACME_PAYMENTS_SANDBOX_DECLININGCUSTOMERS",
				this.decliningCustomers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
	}

	private static void waitReady(Process process, int port, Path log, String version) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new FiredrillException(ExitCode.SHOP, "checkout-service " + version + " exited with code "
						+ process.exitValue() + " while starting" + whyStartFailed(log) + " (log: " + log + ")");
			}
			try {
				HttpResponse<Void> response = client.send(readiness, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FiredrillException(ExitCode.SHOP, "interrupted while checkout-service " + version + " was starting");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FiredrillException(ExitCode.SHOP, "interrupted while checkout-service " + version + " was starting");
			}
		}
		throw new FiredrillException(ExitCode.SHOP, "checkout-service " + version + " was not ready after "
				+ START_TIMEOUT.toSeconds() + " s (log: " + log + ")");
	}

	/** {@code ": <the cause>"} read from the log of a process that died while starting, or nothing. */
	static String whyStartFailed(Path log) {
		try {
			return LogExcerpts.whyStartFailed(LogExcerpts.lines(log))
				.map((cause) -> ": " + ((cause.length() > 300) ? cause.substring(0, 300) + "..." : cause))
				.orElse("");
		}
		catch (UncheckedIOException ex) {
			return ""; // an unreadable log: the message still names it
		}
	}

	static String javaCommand() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return Files.isExecutable(java) ? java.toString() : "java";
	}

	static String fileSafe(String text) {
		return text.replaceAll("[^A-Za-z0-9._-]+", "-");
	}

}
