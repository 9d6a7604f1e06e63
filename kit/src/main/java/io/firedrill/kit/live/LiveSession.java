package io.firedrill.kit.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;
import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.ReplayFacts;
import io.firedrill.kit.live.LiveReleases.Release;
import io.firedrill.kit.replay.LoadDriver;
import io.firedrill.kit.replay.Replay;
import io.firedrill.kit.replay.ReplayTarget;
import io.firedrill.kit.replay.Scrape;
import io.firedrill.kit.replay.ShopBuilds;
import io.firedrill.kit.replay.ShopDatabase;
import io.firedrill.kit.replay.ShopHost;
import io.firedrill.kit.replay.ShopHost.JobRun;
import io.firedrill.kit.replay.TrafficModel;
import io.firedrill.kit.shop.Processes;

/**
 * A live session: the shop of one release on this machine under continuous customer traffic, on a compressed clock
 * that runs until stopped, with the jobs on their schedule, a dashboard, and deploys or rollbacks on the same
 * database. Everything it starts is ended by {@link #close()}, and by the replay's shutdown hook on Ctrl-C.
 */
public final class LiveSession implements AutoCloseable {

	/**
	 * How to run.
	 * @param facts the incident's story, its traffic (seed, checkouts per minute, the payment sandbox's latency)
	 * with what the command's options overrode
	 * @param minuteLength wall time of a simulated minute
	 * @param maxInFlight customer sessions in flight at most
	 * @param port loopback port of the dashboard, 0 for a free one
	 */
	public record Options(ReplayFacts facts, Duration minuteLength, int maxInFlight, int port) {

		/** Wall time of a simulated minute by default. */
		public static final Duration MINUTE_LENGTH = Duration.ofSeconds(3);

		/** The story played with the kit's default knobs, on a free port. */
		public static Options of(ReplayFacts facts) {
			return new Options(facts, MINUTE_LENGTH, Replay.Options.MAX_IN_FLIGHT, 0);
		}

	}

	/** A deploy or a rollback, or the start: what the dashboard marks on its charts. */
	record Event(String kind, int minute, String at, String release, String note) {
	}

	/** Simulated start: a few minutes before the deploy of the incident's release (the story's live.startsMinutesBefore). */
	private final LocalDateTime start;

	/** Minutes kept for the dashboard: 10 hours of simulated time. */
	static final int KEPT_MINUTES = 600;

	private final Options options;

	private final ReplayFacts facts;

	private final Path out;

	private final KitClone clone;

	private final ReplayTarget target;

	private final Consumer<String> progress;

	private final Processes processes = new Processes();

	private final ShopBuilds builds;

	private final ShopHost host;

	private final TrafficModel model;

	/** Held while a minute is driven, and by a deploy while it swaps the processes. */
	private final ReentrantLock swap = new ReentrantLock();

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

	private final List<MinuteStats> minutes = new CopyOnWriteArrayList<>();

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final List<JobRun> jobRuns = new CopyOnWriteArrayList<>();

	private final List<CompletableFuture<JobRun>> runningJobs = new CopyOnWriteArrayList<>();

	private final java.util.concurrent.atomic.AtomicInteger skippedJobs = new java.util.concurrent.atomic.AtomicInteger();

	/** Asked of every control request: a page of another origin cannot send the header, nor read the state file. */
	private final String token = newToken();

	private volatile ShopHost.Service service;

	private volatile ShopBuilds.Build build;

	private volatile Release installed;

	private volatile LoadDriver driver;

	private volatile String activity = "starting";

	private volatile int index;

	/** Counts installs: a new process's counters start again, so the traffic thread scrapes it afresh. */
	private volatile int generation;

	private HttpServer server;

	private Thread traffic;

	private static String newToken() {
		// nextBytes, not generateSeed: a seed is read from the entropy source and can block on an idle machine
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * @param options the incident's story (when it starts, its traffic, the seeded rows, the jobs' live schedule)
	 * and how it is played
	 */
	public LiveSession(Options options, Path out, Path cache, KitClone clone, ReplayTarget target,
			Consumer<String> progress) {
		ReplayFacts facts = options.facts();
		this.options = options;
		this.facts = facts;
		this.start = facts.deployAt().minusMinutes(facts.live().startsMinutesBefore());
		this.out = out;
		this.clone = clone;
		this.target = target;
		this.progress = progress;
		this.builds = new ShopBuilds(cache);
		this.host = new ShopHost(this.processes, out.resolve("data"), out.resolve("logs"),
				facts.traffic().gatewayLatency(), facts.seeded().decliningCustomers(), List.of());
		this.model = TrafficModel.standard(facts.traffic().seed(), facts.traffic().checkoutsPerMinute(),
				facts.traffic().shareRoundingUp());
	}

	/**
	 * Takes the output folder and starts the session as the incident began: the running release
	 * ({@code v2.3.0}) on a fresh database, seeded with what no API creates, under traffic for
	 * {@code minutesBefore} simulated minutes, then the deploy of the incident's release (or of a candidate's
	 * repository) on that database.
	 * @param repo a candidate's repository whose HEAD is deployed first, or {@code null} for the incident's release
	 */
	public LiveState start(Path repo, int minutesBefore) throws IOException, InterruptedException {
		claim();
		// the seeding writes v2.3.0's rows: v2.4.0's schema refuses them, as it refuses v2.3.0's code
		Release base = new Release(this.target.beforeLabel(), this.target.beforeLabel(), this.target.repository(),
				this.target.before(), false);
		this.build = this.builds.get(base.repository(), base.commit(), base.label(), this.progress);
		this.progress.accept("starting checkout-service " + base.label() + " (H2 in " + this.out.resolve("data") + ")");
		this.service = this.host.startCheckout(this.build, base.label());
		this.installed = base;
		try {
			ShopDatabase database = new ShopDatabase(this.out.resolve("data"));
			database.seedDueSubscriptions(this.facts.seeded().subscriptionsDue(), LocalDate.now(ZoneOffset.UTC),
					this.facts.traffic().seed());
			database.seedDeclinedOrders(this.facts.seeded().decliningCustomers(), this.facts.traffic().seed());
			database.seedInterruptedCheckouts(this.facts.seeded().interruptedCheckouts(), this.facts.traffic().seed());
		}
		catch (SQLException ex) {
			throw FiredrillException.environment("cannot seed the shop's database: " + ex.getMessage());
		}
		this.driver = new LoadDriver(this.service.base(), this.options.maxInFlight());
		this.events.add(new Event("start", 0, hhmm(this.start), base.label(), "session started"));
		this.server = new LiveEndpoints(this, this.token, this.progress).serve(this.options.port());
		LiveState state = new LiveState(ProcessHandle.current().pid(), this.server.getAddress().getPort(), this.token,
				this.target.name());
		state.write(this.out);
		this.progress.accept("dashboard: " + state.dashboard() + "  (firedrill live deploy, rollback, status, stop --out "
				+ this.out + "; Ctrl-C ends the session)");
		this.traffic = new Thread(this::drive, "firedrill-live-traffic");
		this.traffic.setDaemon(true);
		this.traffic.start();
		this.activity = "running";
		if (repo != null || !this.target.isControl()) {
			while (this.index < minutesBefore && this.stopped.getCount() > 0) {
				Thread.sleep(100); // the deploy goes in at the minute boundary, as in the replay
			}
			this.progress.accept(install("deploy", (repo != null) ? null : this.target.afterLabel(), repo)
					+ " installed");
		}
		return state;
	}

	/** Waits until {@code live stop} or the end of the JVM. */
	public void awaitStop() throws InterruptedException {
		this.stopped.await();
	}

	private void claim() throws IOException {
		Folders.checkWritable(this.out);
		Files.createDirectories(this.out);
		try {
			java.util.Optional<LiveState> earlier = LiveState.read(this.out);
			if (earlier.isPresent() && ProcessHandle.of(earlier.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
				throw FiredrillException.input("a live session already runs in " + this.out + " (pid "
						+ earlier.get().pid() + ", " + earlier.get().dashboard() + "): stop it with 'firedrill live stop"
						+ " --out " + this.out + "' or choose another --out");
			}
		}
		catch (IllegalArgumentException ex) {
			// a damaged state file of an ended session: replaced below
		}
		// a new session starts from the incident's own data; the previous one's is replaced
		Folders.deleteQuietly(this.out.resolve("data"));
		Folders.deleteQuietly(this.out.resolve("logs"));
		Files.createDirectories(this.out.resolve("data"));
		Files.createDirectories(this.out.resolve("logs"));
	}

	/** The traffic thread: one simulated minute after the other until the session stops. */
	private void drive() {
		Scrape previous = Scrape.EMPTY;
		String version = null;
		int seen = -1;
		while (this.stopped.getCount() > 0) {
			this.swap.lock();
			try {
				if (this.stopped.getCount() == 0) {
					return;
				}
				if (seen != this.generation || previous == null) {
					previous = this.driver.scrape(); // a new process: its counters start again
					version = this.installed.label();
					seen = this.generation;
				}
				LocalDateTime at = this.start.plusMinutes(this.index);
				for (String job : this.facts.live().dueAt(at)) {
					startJob(job, at);
				}
				LoadDriver.MinuteOutcome outcome = this.driver.drive(this.model.minute(this.index),
						this.options.minuteLength());
				Scrape scrape = this.driver.scrape();
				MinuteStats minute = MinuteStats.of(this.index, label(this.start, at), version, scrape, previous);
				this.minutes.add(minute);
				if (this.minutes.size() > KEPT_MINUTES) {
					this.minutes.remove(0);
				}
				this.progress.accept(String.format(java.util.Locale.ROOT,
						"%s %-10s checkouts %4d  errors %5.1f %%  p50 %6.1f ms  p99 %6.1f ms", minute.at(), version,
						minute.requests(), 100 * zero(minute.errorRate()), zero(minute.p50Millis()),
						zero(minute.p99Millis())));
				if (outcome.late() > 0) {
					this.progress.accept("  " + outcome.late() + " sessions started late: the machine is saturated");
				}
				previous = scrape;
				this.index++;
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (IOException | RuntimeException ex) {
				// the service died or answers no scrape: the minute is lost, the session goes on
				this.progress.accept("minute " + this.index + " not measured: " + ex.getMessage());
				previous = null;
				this.index++;
				sleepQuietly(this.options.minuteLength());
			}
			finally {
				this.swap.unlock();
			}
		}
	}

	/**
	 * Starts a due job, unless a job still runs: like a cron entry behind a lock, the run is skipped (and said so),
	 * so that slow starts on a busy machine never pile up JVMs.
	 */
	private void startJob(String job, LocalDateTime at) {
		if (!this.runningJobs.isEmpty()) {
			this.progress.accept(label(this.start, at) + " " + job + " skipped: another job is still running");
			this.skippedJobs.incrementAndGet();
			return;
		}
		if (!this.build.hasJob(job)) {
			// a deployed repository may have dropped the job: running a missing jar would read as the release failing
			this.progress.accept(label(this.start, at) + " " + job + " skipped: " + this.installed.label()
					+ " has no such job");
			this.skippedJobs.incrementAndGet();
			return;
		}
		CompletableFuture<JobRun> run = this.host.runJob(this.build, this.installed.label(), job, label(this.start, at), true);
		this.runningJobs.add(run);
		run.whenComplete((done, ex) -> {
			this.runningJobs.remove(run);
			if (done != null) {
				this.jobRuns.add(done);
				this.progress.accept(String.format("%s %s %s --run-once exited %d", done.at(), done.job(),
						done.version(), done.exitCode()));
			}
		});
	}

	/**
	 * Installs a release: builds it (traffic goes on meanwhile), then stops the running processes and starts the new
	 * ones on the same database. A build that fails changes nothing.
	 * @param kind {@code deploy} or {@code rollback}
	 * @return what was installed
	 * @throws FiredrillException (shop) when the build fails or the release does not start (then the previous
	 * release is started again)
	 */
	synchronized String install(String kind, String ref, Path repo) {
		Release release = LiveReleases.resolve(ref, repo, this.target, this.clone);
		ShopBuilds.Build next;
		this.activity = "building " + release.label();
		try {
			next = this.builds.get(release.repository(), release.commit(), release.label(), this.progress);
		}
		catch (FiredrillException | UncheckedIOException ex) {
			this.activity = "running";
			throw new FiredrillException(ExitCode.SHOP, kind + " refused, " + this.installed.label()
					+ " still running: " + ex.getMessage());
		}
		finally {
			if (release.closeRepository()) {
				release.repository().close();
			}
		}
		this.swap.lock();
		try {
			this.activity = kind + " of " + release.label();
			for (CompletableFuture<JobRun> job : List.copyOf(this.runningJobs)) {
				job.join(); // a job holds the database through the service: let it finish first
			}
			String from = this.installed.label();
			this.progress.accept(String.format("%s %s %s: stopping checkout-service %s, starting %s",
					label(this.start, this.start.plusMinutes(this.index)), kind, release.label(), from, release.label()));
			this.driver.close();
			this.host.stop(this.service);
			try {
				this.service = this.host.startCheckout(next, release.label());
			}
			catch (FiredrillException ex) {
				this.service = this.host.startCheckout(this.build, from);
				this.driver = new LoadDriver(this.service.base(), this.options.maxInFlight());
				throw new FiredrillException(ExitCode.SHOP, release.label() + " did not start, " + from
						+ " is running again: " + ex.getMessage());
			}
			this.driver = new LoadDriver(this.service.base(), this.options.maxInFlight());
			this.build = next;
			this.installed = release;
			this.generation++;
			this.events.add(new Event(kind, this.index, label(this.start, this.start.plusMinutes(this.index)), release.label(),
					"from " + from));
			return release.label();
		}
		finally {
			this.activity = "running";
			this.swap.unlock();
		}
	}

	/** Asks the session to end, as Ctrl-C does: {@link #awaitStop()} returns and the owner closes it. */
	void requestStop() {
		this.stopped.countDown();
	}

	/** Ends the session (idempotent): the traffic, the processes, the dashboard, the state file. */
	@Override
	public void close() {
		// Ctrl-C runs this from the shutdown hook while the main thread, released, runs it too
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		this.stopped.countDown();
		if (this.traffic != null) {
			this.traffic.interrupt();
			try {
				this.traffic.join(this.options.minuteLength().plusSeconds(20).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.driver != null) {
			this.driver.close();
		}
		this.processes.close();
		if (this.server != null) {
			this.server.stop(0);
		}
		try {
			if (this.server != null) { // only a state file this session wrote: not one of a session already running
				Files.deleteIfExists(this.out.resolve(LiveState.FILE));
			}
		}
		catch (IOException ex) {
			// the next session replaces it: its pid is gone
		}
	}

	/** Everything the dashboard shows, as JSON-ready maps ({@code NaN} as {@code null}). */
	Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		List<MinuteStats> all = List.copyOf(this.minutes);
		Release release = this.installed;
		ShopHost.Service running = this.service;
		state.put("incident", this.target.name());
		state.put("release", release.label());
		state.put("source", release.source());
		state.put("activity", this.activity);
		state.put("servicePort", running.port());
		state.put("minuteMillis", this.options.minuteLength().toMillis());
		state.put("checkoutsPerMinute", this.facts.traffic().checkoutsPerMinute());
		state.put("simTime", label(this.start, this.start.plusMinutes(this.index)));
		Map<String, Object> current = new LinkedHashMap<>();
		current.put("window", RECENT);
		current.put("errorRate", json(MinuteStats.recentErrorRate(all, release.label(), RECENT)));
		MinuteStats last = all.isEmpty() ? null : all.get(all.size() - 1);
		boolean lastIsCurrent = last != null && last.version().equals(release.label());
		current.put("minutes", MinuteStats.currentStint(all, release.label()));
		current.put("processRequests", lastIsCurrent ? last.processRequests() : 0);
		current.put("processErrors", lastIsCurrent ? last.processErrors() : 0);
		state.put("current", current);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (MinuteStats minute : all) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("index", minute.index());
			row.put("at", minute.at());
			row.put("version", minute.version());
			row.put("requests", minute.requests());
			row.put("errors", minute.errors());
			row.put("errorRate", json(minute.errorRate()));
			row.put("p50", json(minute.p50Millis()));
			row.put("p99", json(minute.p99Millis()));
			rows.add(row);
		}
		state.put("minutes", rows);
		state.put("events", List.copyOf(this.events));
		Map<String, Map<String, Object>> lastRuns = new LinkedHashMap<>();
		for (JobRun run : this.jobRuns) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("job", run.job());
			row.put("at", run.at());
			row.put("version", run.version());
			row.put("exitCode", run.exitCode());
			row.put("seconds", Math.round(run.wall().toMillis() / 100.0) / 10.0);
			row.put("log", this.out.relativize(run.log()).toString());
			lastRuns.put(run.job(), row);
		}
		state.put("jobs", List.copyOf(lastRuns.values()));
		state.put("running", this.runningJobs.size());
		state.put("skippedJobs", this.skippedJobs.get());
		state.put("errorLines", ErrorLines.of(running.log(), this.jobRuns));
		return state;
	}

	/** Minutes behind the dashboard's current error rate. */
	static final int RECENT = 3;

	private static Object json(double value) {
		return Double.isNaN(value) ? null : value;
	}

	private static double zero(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

	/** {@code HH:mm}, with the day after the session's first ({@code +1d 00:05}). */
	static String label(LocalDateTime start, LocalDateTime at) {
		long days = java.time.temporal.ChronoUnit.DAYS.between(start.toLocalDate(), at.toLocalDate());
		return (days == 0) ? hhmm(at) : "+" + days + "d " + hhmm(at);
	}

	private static String hhmm(LocalDateTime at) {
		return String.format("%02d:%02d", at.getHour(), at.getMinute());
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
