package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.catalog.ReplayFacts;
import io.firedrill.kit.catalog.ReplayFacts.JobAt;
import io.firedrill.kit.replay.Scrape.EndpointWindow;
import io.firedrill.kit.replay.ShopHost.JobRun;
import io.firedrill.kit.replay.ShopHost.Service;
import io.firedrill.kit.shop.Processes;

/**
 * Replays a deploy: the shop's running release takes customer traffic for a while, the new release is deployed on
 * the same database (old process stopped, new one started, its Liquibase changesets run), and traffic goes on.
 * The jobs run on their schedule as one-shot processes. What on-call would have seen is measured from the
 * service's own metrics: {@code /actuator/prometheus} is scraped at every simulated minute boundary and the
 * counters and histogram buckets of {@code http_server_requests_seconds} are diffed.
 */
public final class Replay {

	public static final String CHECKOUT = "/api/checkout";

	static final String ORDERS = "/api/orders/{id}";

	static final String PAYMENTS = "/api/payments";

	/**
	 * How to replay: the incident's story (from the catalog) and the kit's runtime knobs, which change how fast and
	 * how faithfully the story is played on this machine, never what it tells.
	 * @param facts the story: deploy time, window, traffic, seeded rows, the jobs' schedule
	 * @param minuteLength wall time of a simulated minute
	 * @param maxInFlight customer sessions in flight at most
	 * @param warmupSessions unmeasured customer sessions given to each freshly started release, as fast as the
	 * in-flight limit lets them run, so that both releases are measured with a warm JIT
	 * @param serviceJvmOptions JVM options of checkout-service, after the host's own ({@link ShopHost})
	 */
	public record Options(ReplayFacts facts, Duration minuteLength, int maxInFlight, int warmupSessions,
			List<String> serviceJvmOptions) {

		/**
		 * Wall time of a simulated minute by default: 80 checkouts a minute are then some 130 requests a second on
		 * two cores, which leave the per-minute figures as they were at a second a minute (kit/bench/README.md).
		 */
		public static final Duration MINUTE_LENGTH = Duration.ofMillis(600);

		public static final int MAX_IN_FLIGHT = 32;

		/** Enough for the client compiler the service runs with ({@link ShopHost}): the first minute's p50 is flat. */
		public static final int WARMUP_SESSIONS = 400;

		public Options {
			serviceJvmOptions = List.copyOf(serviceJvmOptions);
		}

		/** The story played with the kit's default knobs. */
		public static Options of(ReplayFacts facts) {
			return new Options(facts, MINUTE_LENGTH, MAX_IN_FLIGHT, WARMUP_SESSIONS, List.of());
		}

		public long seed() {
			return this.facts.traffic().seed();
		}

		public int minutesBefore() {
			return this.facts.minutesBefore();
		}

		public int minutesAfter() {
			return this.facts.minutesAfter();
		}

		public int checkoutsPerMinute() {
			return this.facts.traffic().checkoutsPerMinute();
		}

		public int subscriptionsDue() {
			return this.facts.seeded().subscriptionsDue();
		}

		public Duration gatewayLatency() {
			return this.facts.traffic().gatewayLatency();
		}

	}

	/**
	 * One simulated minute as the service's metrics tell it.
	 * @param at start of the minute, simulated
	 * @param version the release serving it
	 * @param checkout {@code POST /api/checkout} in the minute
	 * @param orders {@code GET /api/orders/{id}} in the minute
	 * @param payments {@code GET /api/payments} in the minute
	 * @param client what the customers saw (cross-check)
	 */
	public record Minute(LocalDateTime at, String version, EndpointWindow checkout, EndpointWindow orders,
			EndpointWindow payments, LoadDriver.MinuteOutcome client, Map<String, Double> service) {
	}

	/** What the service's own counters say about a minute besides its requests. */
	static Map<String, Double> serviceCounters(Scrape scrape, Scrape previous) {
		Map<String, Double> counters = new LinkedHashMap<>();
		counters.put("cpuSeconds", scrape.increase(previous, "process_cpu_time_ns_total") / 1e9);
		counters.put("gcPauseSeconds", scrape.increase(previous, "jvm_gc_pause_seconds_sum"));
		counters.put("gcPauses", scrape.increase(previous, "jvm_gc_pause_seconds_count"));
		counters.put("errorLogEvents", scrape.increase(previous, "logback_events_total{level=error}"));
		return counters;
	}

	/**
	 * Everything the replay found.
	 * @param target what was replayed
	 * @param options how
	 * @param minutes every measured minute, in order
	 * @param deployAt simulated time of the deploy
	 * @param jobs every job run, in simulated order
	 * @param database what the payments left behind at the end
	 * @param checkoutLogs checkout-service's log of each release
	 * @param clock the compressed clock, to show log times in simulated time
	 * @param timings wall times: builds, starts, total
	 */
	public record Result(ReplayTarget target, Options options, List<Minute> minutes, LocalDateTime deployAt,
			List<JobRun> jobs, LeftBehind database, Map<String, Path> checkoutLogs,
			SimClock clock, Map<String, Duration> timings, Map<String, SimClock.Anchor> jobAnchors) {

		public List<Minute> before() {
			return this.minutes.stream().filter((minute) -> minute.at().isBefore(this.deployAt)).toList();
		}

		public List<Minute> after() {
			return this.minutes.stream().filter((minute) -> !minute.at().isBefore(this.deployAt)).toList();
		}

	}

	/**
	 * What the payments left behind in the shop's database at the end: figures by table and status, and when each
	 * order charged more than once got its second approved payment (on this machine's clock), which the report splits
	 * at the deploy.
	 */
	public record LeftBehind(Map<String, Map<String, Long>> tables, List<Instant> secondCharges) {
	}

	private final Options options;

	private final Path cache;

	private final Path workDir;

	private final Consumer<String> progress;

	/**
	 * @param cache where built releases are kept
	 * @param workDir where the database and the logs go
	 * @param progress receives one line per step and per simulated minute
	 */
	public Replay(Options options, Path cache, Path workDir, Consumer<String> progress) {
		this.options = options;
		this.cache = cache;
		this.workDir = workDir;
		this.progress = progress;
	}

	public static Path defaultCache() {
		return ShopBuilds.defaultCache();
	}

	/** Runs the replay; every process it starts is ended when it returns or throws, or when the JVM is stopped. */
	public Result run(ReplayTarget target) {
		ReplayOutput.claim(this.workDir);
		long start = System.nanoTime();
		Map<String, Duration> timings = new LinkedHashMap<>();
		try (Processes processes = new Processes()) {
			ShopBuilds builds = new ShopBuilds(this.cache);
			ShopBuilds.Build before = builds.get(target.repository(), target.before(), target.beforeLabel(),
					this.progress);
			ShopBuilds.Build after = target.after().equals(target.before()) ? before
					: builds.get(target.repository(), target.after(), target.afterLabel(), this.progress);
			timings.put("build." + target.beforeLabel(), before.cached() ? Duration.ZERO : before.buildTime());
			timings.put("build." + target.afterLabel(), after.cached() ? Duration.ZERO : after.buildTime());
			this.progress.accept("releases: " + target.beforeLabel() + " (payment SDK " + before.sdkVersion() + ", "
					+ (before.cached() ? "cached" : "built") + "), " + target.afterLabel() + " (payment SDK "
					+ after.sdkVersion() + ", " + (after.cached() ? "cached" : "built") + ")");
			long replayStart = System.nanoTime();
			Result result = replay(target, processes, before, after, timings);
			timings.put("replay", Duration.ofNanos(System.nanoTime() - replayStart));
			timings.put("total", Duration.ofNanos(System.nanoTime() - start));
			return result;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw FiredrillException.environment("replay interrupted");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Result replay(ReplayTarget target, Processes processes, ShopBuilds.Build beforeBuild,
			ShopBuilds.Build afterBuild, Map<String, Duration> timings) throws IOException, InterruptedException {
		Path dataDir = this.workDir.resolve("data");
		Path logDir = this.workDir.resolve("logs");
		Folders.deleteQuietly(dataDir);
		Folders.deleteQuietly(logDir);
		Files.createDirectories(dataDir);
		Files.createDirectories(logDir);
		ReplayFacts facts = this.options.facts();
		ShopHost host = new ShopHost(processes, dataDir, logDir, this.options.gatewayLatency(),
				facts.seeded().decliningCustomers(), this.options.serviceJvmOptions());
		TrafficModel model = TrafficModel.standard(this.options.seed(), this.options.checkoutsPerMinute(),
				facts.traffic().shareRoundingUp());
		LocalDateTime first = facts.start();
		LocalDateTime deployAt = facts.deployAt();
		LocalDateTime end = facts.end();
		List<JobAt> schedule = facts.schedule();
		for (JobAt job : schedule) {
			boolean before = job.at().isBefore(deployAt);
			requireJob(before ? beforeBuild : afterBuild, before ? target.beforeLabel() : target.afterLabel(), job.job());
		}
		SimClock clock = new SimClock();
		List<Minute> minutes = new ArrayList<>();
		List<CompletableFuture<JobRun>> jobs = new ArrayList<>();
		Map<String, SimClock.Anchor> anchors = new LinkedHashMap<>();
		Map<String, Path> checkoutLogs = new LinkedHashMap<>();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		this.progress.accept("starting checkout-service " + target.beforeLabel() + " (H2 in " + dataDir + ")");
		Service service = startCheckout(host, beforeBuild, target.beforeLabel(), checkoutLogs, timings);
		ShopDatabase database = new ShopDatabase(dataDir);
		seed(database, today);
		ShopBuilds.Build build = beforeBuild;
		String version = target.beforeLabel();
		LoadDriver driver = new LoadDriver(service.base(), this.options.maxInFlight());
		try {
			timings.put("warmup." + version, warmUp(driver, model, -1000, version));
			Scrape previous = driver.scrape();
			Duration traffic = Duration.ZERO;
			LocalDateTime at = first;
			int index = 0;
			while (at.isBefore(end)) {
				if (at.equals(deployAt)) {
					long waitStart = System.nanoTime();
					awaitJobs(jobs);
					timings.put("jobs.before-deploy", Duration.ofNanos(System.nanoTime() - waitStart));
					this.progress.accept(String.format("%s deploy %s: stopping checkout-service %s, starting %s",
							hhmm(at), target.afterLabel(), version, target.afterLabel()));
					driver.close();
					long stopStart = System.nanoTime();
					host.stop(service);
					timings.put("stop." + version, Duration.ofNanos(System.nanoTime() - stopStart));
					service = startCheckout(host, afterBuild, target.afterLabel(), checkoutLogs, timings);
					build = afterBuild;
					version = target.afterLabel();
					driver = new LoadDriver(service.base(), this.options.maxInFlight());
					timings.put("warmup." + version, warmUp(driver, model, 1000, version));
					previous = driver.scrape();
				}
				for (JobAt job : schedule) {
					if (job.at().equals(at)) {
						jobs.add(startJob(host, build, version, job, anchors, true));
					}
				}
				Instant wallStart = Instant.now();
				LoadDriver.MinuteOutcome outcome = driver.drive(model.minute(index), this.options.minuteLength());
				Scrape scrape = driver.scrape();
				Instant wallEnd = Instant.now();
				clock.record(at, wallStart, wallEnd);
				traffic = traffic.plus(Duration.between(wallStart, wallEnd));
				Minute minute = new Minute(at, version, scrape.since(previous, "POST", CHECKOUT),
						scrape.since(previous, "GET", ORDERS), scrape.since(previous, "GET", PAYMENTS), outcome,
						serviceCounters(scrape, previous));
				minutes.add(minute);
				this.progress.accept(progressLine(minute));
				previous = scrape;
				at = at.plusMinutes(1);
				index++;
			}
			for (JobAt job : schedule) {
				if (!job.at().isBefore(end)) {
					jobs.add(startJob(host, build, version, job, anchors, false));
				}
			}
			timings.put("traffic", traffic);
			long waitStart = System.nanoTime();
			List<JobRun> runs = awaitJobs(jobs);
			timings.put("jobs.after-traffic", Duration.ofNanos(System.nanoTime() - waitStart));
			LeftBehind state = leftBehind(database, today);
			host.stop(service);
			return new Result(target, this.options, minutes, deployAt, runs, state, checkoutLogs, clock, timings,
					anchors);
		}
		finally {
			driver.close();
		}
	}

	/** Starts checkout-service of a release, keeps where it logs and how long it took to be ready, and says so. */
	private Service startCheckout(ShopHost host, ShopBuilds.Build build, String label, Map<String, Path> checkoutLogs,
			Map<String, Duration> timings) {
		Service service = host.startCheckout(build, label);
		checkoutLogs.put(label, service.log());
		timings.put("start." + label, service.startTime());
		this.progress.accept(String.format("checkout-service %s ready on 127.0.0.1:%d in %.1f s", label,
				service.port(), seconds(service.startTime())));
		return service;
	}

	/** What no API of the shop creates: the story's due subscriptions, declined orders and interrupted checkouts. */
	private void seed(ShopDatabase database, LocalDate today) {
		ReplayFacts facts = this.options.facts();
		try {
			database.seedDueSubscriptions(this.options.subscriptionsDue(), today, this.options.seed());
			database.seedDeclinedOrders(facts.seeded().decliningCustomers(), this.options.seed());
			database.seedInterruptedCheckouts(facts.seeded().interruptedCheckouts(), this.options.seed());
		}
		catch (SQLException ex) {
			throw FiredrillException.environment("cannot seed the shop's database: " + ex.getMessage());
		}
	}

	/** What the payments left behind; a database that cannot be read says why in place of its figures. */
	private static LeftBehind leftBehind(ShopDatabase database, LocalDate today) {
		try {
			return database.state(today);
		}
		catch (SQLException ex) {
			return new LeftBehind(Map.of("error", Map.of(ex.getMessage(), 0L)), List.of());
		}
	}

	/**
	 * The story may schedule only jobs the release has: a missing one would run as a failed process and read as
	 * the release's failure.
	 * @throws FiredrillException (input) naming the job and the release
	 */
	static void requireJob(ShopBuilds.Build build, String label, String job) {
		if (!build.hasJob(job)) {
			throw FiredrillException.input("the replay story schedules " + job + ", but " + label
					+ " has no such job (no runnable module " + job + " that handles --run-once)");
		}
	}

	private CompletableFuture<JobRun> startJob(ShopHost host, ShopBuilds.Build build, String version,
			JobAt job, Map<String, SimClock.Anchor> anchors, boolean besideTraffic) {
		String at = this.options.facts().label(job.at());
		this.progress.accept(String.format("%s %s %s --run-once (started)", at, job.job(), version));
		CompletableFuture<JobRun> run = host.runJob(build, version, job.job(), at, besideTraffic);
		anchors.put(job.job() + "@" + at, new SimClock.Anchor(job.at(), Instant.now()));
		return run.whenComplete((done, ex) -> {
			if (done != null) {
				this.progress.accept(String.format("%s %s %s --run-once exited %d (%.1f s)", at, done.job(),
						done.version(), done.exitCode(), seconds(done.wall())));
			}
		});
	}

	private static List<JobRun> awaitJobs(List<CompletableFuture<JobRun>> jobs) {
		List<JobRun> runs = new ArrayList<>();
		for (CompletableFuture<JobRun> job : jobs) {
			runs.add(job.join());
		}
		return runs;
	}

	private Duration warmUp(LoadDriver driver, TrafficModel model, int firstIndex, String version)
			throws InterruptedException {
		if (this.options.warmupSessions() <= 0) {
			return Duration.ZERO;
		}
		long start = System.nanoTime();
		int sessions = 0;
		for (int i = 0; sessions < this.options.warmupSessions(); i++) {
			List<TrafficModel.Session> minute = model.minute(firstIndex + i);
			minute = minute.subList(0, Math.min(minute.size(), this.options.warmupSessions() - sessions));
			driver.drive(minute, Duration.ZERO);
			sessions += minute.size();
		}
		this.progress.accept(String.format("warmed up %s with %d customer sessions in %.1f s (not measured)", version,
				sessions, (System.nanoTime() - start) / 1e9));
		return Duration.ofNanos(System.nanoTime() - start);
	}

	static String progressLine(Minute minute) {
		EndpointWindow checkout = minute.checkout();
		Histogram latency = checkout.latency();
		String line = String.format("%s %-8s checkouts %4d  errors %5.1f %%  p50 %6.1f ms  p99 %6.1f ms  (%.2f s)",
				hhmm(minute.at()), minute.version(), checkout.requests(), 100 * nanToZero(checkout.errorRate()),
				1000 * latency.quantile(0.5), 1000 * latency.quantile(0.99), seconds(minute.client().wall()));
		if (minute.client().late() > 0) {
			line += "  [" + minute.client().late() + " sessions started late: driver saturated]";
		}
		return line;
	}

	static String hhmm(LocalDateTime at) {
		return String.format("%02d:%02d", at.getHour(), at.getMinute());
	}

	public static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static double nanToZero(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

}
