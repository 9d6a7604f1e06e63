package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import io.firedrill.kit.replay.Replay.Minute;
import io.firedrill.kit.replay.Replay.Result;
import io.firedrill.kit.replay.Scrape.EndpointWindow;
import io.firedrill.kit.replay.ShopHost.JobRun;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a replay writes: {@code replay.json} (the figures), {@code error-rate.svg} and {@code latency.svg}, the
 * logs on-call would read, and {@code report.html}, a page for the interviewer's screen that works offline (the
 * charts are inline SVG, no script or style is fetched).
 */
public final class ReplayReport {

	/** How the error rate is defined, everywhere it is shown. */
	public static final String ERROR_RATE_DEFINITION = "share of POST /api/checkout requests answered with a status"
			+ " outside 2xx (declined payments 402, errors 5xx...), from the service's http_server_requests_seconds_count"
			+ " counters, diffed between the scrapes at the start and end of each simulated minute";

	public static final String LATENCY_DEFINITION = "p50 and p99 of POST /api/checkout (all statuses), estimated from"
			+ " the service's http_server_requests_seconds_bucket histogram (diffed per minute, linear interpolation"
			+ " inside the bucket, as histogram_quantile does); the typical minute's p99 is the median of the per-minute"
			+ " p99s of a window, the line a dashboard shows, which a few slow minutes do not move";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	private final Result result;

	public ReplayReport(Result result) {
		this.result = result;
	}

	/**
	 * Figures of a window of minutes.
	 * @param version the release
	 * @param minutes how many simulated minutes
	 * @param checkout {@code POST /api/checkout} over the window
	 * @param orders {@code GET /api/orders/{id}}
	 * @param payments {@code GET /api/payments}
	 * @param typicalMinuteP99Millis median of the minutes' checkout p99s ({@code NaN} without checkouts)
	 */
	public record Window(String version, int minutes, EndpointWindow checkout, EndpointWindow orders,
			EndpointWindow payments, Map<String, Double> service, double typicalMinuteP99Millis) {

		static Window of(List<Minute> minutes) {
			EndpointWindow checkout = EndpointWindow.EMPTY;
			EndpointWindow orders = EndpointWindow.EMPTY;
			EndpointWindow payments = EndpointWindow.EMPTY;
			Map<String, Double> service = new LinkedHashMap<>();
			for (Minute minute : minutes) {
				checkout = checkout.plus(minute.checkout());
				orders = orders.plus(minute.orders());
				payments = payments.plus(minute.payments());
				minute.service().forEach((name, value) -> service.merge(name, value, Double::sum));
			}
			String version = minutes.isEmpty() ? "-" : minutes.get(0).version();
			double[] minuteP99s = minutes.stream()
				.filter((minute) -> !minute.checkout().latency().isEmpty())
				.mapToDouble((minute) -> 1000 * minute.checkout().latency().quantile(0.99))
				.toArray();
			return new Window(version, minutes.size(), checkout, orders, payments, service, median(minuteP99s));
		}

		/**
		 * The median, mean of the two middle values for an even count. The window's own p99 is the 8th slowest of
		 * some 800 checkouts, so a minute of JIT warm-up or of a job's JVM starting on the same cores moves it by a
		 * third from run to run; the median minute is what the story's "p99 doubled" is read from.
		 */
		static double median(double[] values) {
			if (values.length == 0) {
				return Double.NaN;
			}
			double[] sorted = values.clone();
			java.util.Arrays.sort(sorted);
			int middle = sorted.length / 2;
			return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		}

		public double errorRate() {
			return this.checkout.errorRate();
		}

		public double p50Millis() {
			return 1000 * this.checkout.latency().quantile(0.5);
		}

		public double p99Millis() {
			return 1000 * this.checkout.latency().quantile(0.99);
		}

		/** The service's counters added up over the window. */
		public Map<String, Double> service() {
			return this.service;
		}

	}

	public Window before() {
		return Window.of(this.result.before());
	}

	public Window after() {
		return Window.of(this.result.after());
	}

	/** Writes everything into {@code out}; returns the files written. */
	public List<Path> write(Path out) {
		try {
			Files.createDirectories(out);
			List<Path> written = new ArrayList<>();
			written.add(write(out.resolve("error-rate.svg"), errorRateSvg()));
			written.add(write(out.resolve("latency.svg"), latencySvg()));
			written.add(write(out.resolve("logs.md"), logsMarkdown()));
			written.add(write(out.resolve("replay.json"), JSON.writeValueAsString(json())));
			written.add(write(out.resolve("report.html"), html()));
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The assets a candidate brief embeds: the two charts and checkout-service's log excerpt, what on-call had at
	 * the alert. The jobs' failures are left out: finding them is part of the exercise, and the nightly renewal
	 * has not even run at the time the brief is written.
	 */
	public List<Path> writeBriefAssets(Path directory) {
		try {
			Files.createDirectories(directory);
			return List.of(write(directory.resolve("error-rate.svg"), errorRateSvg()),
					write(directory.resolve("latency.svg"), latencySvg()),
					write(directory.resolve("logs.md"), logsMarkdown(false)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path write(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	String errorRateSvg() {
		List<Minute> minutes = this.result.minutes();
		double[] rates = minutes.stream().mapToDouble((minute) -> minute.checkout().errorRate()).toArray();
		return Charts.errorRate(times(), rates, this.result.deployAt(), this.result.target().deployLabel());
	}

	String latencySvg() {
		List<Minute> minutes = this.result.minutes();
		double[] p50 = minutes.stream().mapToDouble((minute) -> minute.checkout().latency().quantile(0.5)).toArray();
		double[] p99 = minutes.stream().mapToDouble((minute) -> minute.checkout().latency().quantile(0.99)).toArray();
		return Charts.latency(times(), p50, p99, this.result.deployAt(), this.result.target().deployLabel());
	}

	private List<LocalDateTime> times() {
		return this.result.minutes().stream().map(Minute::at).toList();
	}

	/** A log excerpt: where it comes from, the trimmed event, and how many such events the log holds. */
	record Excerpt(String source, String text, int occurrences, String firstAt, String lastAt) {
	}

	/** What on-call finds in the logs: checkout-service after the deploy, then each job's first failure. */
	List<Excerpt> excerpts() {
		List<Excerpt> excerpts = new ArrayList<>();
		for (Map.Entry<String, Path> log : this.result.checkoutLogs().entrySet()) {
			// what the warm-up traffic logged is not in the timeline, so not in the excerpts either
			List<LogExcerpts.Event> errors = LogExcerpts.errors(log.getValue())
				.stream()
				.filter((event) -> event.time() != null && this.result.clock().measured(event.time()))
				.toList();
			if (errors.isEmpty()) {
				continue;
			}
			Function<java.time.Instant, LocalDateTime> clock = this.result.clock()::toSim;
			excerpts.add(new Excerpt("checkout-service " + log.getKey(), LogExcerpts.trimmed(errors.get(0), clock),
					errors.size(), Replay.hhmm(clock.apply(errors.get(0).time())),
					Replay.hhmm(clock.apply(errors.get(errors.size() - 1).time()))));
		}
		Map<String, Boolean> seen = new LinkedHashMap<>();
		for (JobRun run : this.result.jobs()) {
			if (!run.failed() || seen.containsKey(run.job())) {
				continue;
			}
			List<LogExcerpts.Event> errors = LogExcerpts.errors(run.log());
			if (errors.isEmpty()) {
				continue;
			}
			seen.put(run.job(), true);
			SimClock.Anchor anchor = this.result.jobAnchors().get(run.job() + "@" + run.at());
			Function<java.time.Instant, LocalDateTime> clock = (instant) -> (anchor != null)
					? SimClock.toSim(anchor, instant) : null;
			long failures = this.result.jobs().stream().filter((r) -> r.job().equals(run.job()) && r.failed()).count();
			excerpts.add(new Excerpt(run.job() + " " + run.version() + " (run at " + run.at() + ")",
					LogExcerpts.trimmed(errors.get(0), clock), (int) failures, run.at(), run.at()));
		}
		return excerpts;
	}

	/** The first exception line of a job run's log, or its first ERROR line. */
	static Optional<String> firstError(JobRun run) {
		List<LogExcerpts.Event> errors = LogExcerpts.errors(run.log());
		if (errors.isEmpty()) {
			return Optional.empty();
		}
		LogExcerpts.Event first = errors.get(0);
		return Optional.of(first.exception().orElse(first.message()));
	}

	/** The job's own summary line ({@code ... finished: ...}) when it got that far. */
	static Optional<String> summary(JobRun run) {
		return LogExcerpts.events(run.log())
			.stream()
			.filter((event) -> event.level().equals("INFO") && event.message().contains("finished"))
			.map(LogExcerpts.Event::message)
			.reduce((a, b) -> b);
	}

	String logsMarkdown() {
		return logsMarkdown(true);
	}

	String logsMarkdown(boolean withJobs) {
		StringBuilder md = new StringBuilder();
		md.append("# Logs\n\n");
		for (Excerpt excerpt : excerpts()) {
			if (!withJobs && !excerpt.source().startsWith("checkout-service")) {
				continue;
			}
			// in a brief, the service as on-call names it; the report also says which release logged it
			md.append("`").append(withJobs ? excerpt.source() : "checkout-service").append("`");
			if (excerpt.occurrences() > 1) {
				md.append(excerpt.source().startsWith("checkout-service")
						? String.format(" — %d errors logged between %s and %s; the first:", excerpt.occurrences(),
								excerpt.firstAt(), excerpt.lastAt())
						: String.format(" — failed %d times; the first:", excerpt.occurrences()));
			}
			md.append("\n\n```\n").append(excerpt.text()).append("```\n\n");
		}
		return md.toString();
	}

	Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		ReplayTarget target = this.result.target();
		Replay.Options options = this.result.options();
		json.put("replayed", target.name());
		json.put("incident", (target.incident() != null) ? target.incident().id() : null);
		json.put("before", target.beforeLabel());
		json.put("after", target.afterLabel());
		json.put("deployAt", this.result.deployAt().toString());
		Map<String, Object> traffic = new LinkedHashMap<>();
		traffic.put("seed", options.seed());
		traffic.put("checkoutsPerMinute", options.checkoutsPerMinute());
		traffic.put("minuteWallMillis", options.minuteLength().toMillis());
		traffic.put("maxSessionsInFlight", options.maxInFlight());
		traffic.put("warmupSessionsPerRelease", options.warmupSessions());
		traffic.put("shareOfCartsOver50", 0.17);
		traffic.put("discountCodes", TrafficModel.DISCOUNT_CODES);
		json.put("traffic", traffic);
		json.put("definitions", Map.of("errorRate", ERROR_RATE_DEFINITION, "latency", LATENCY_DEFINITION));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("before", windowJson(before()));
		summary.put("after", windowJson(after()));
		json.put("summary", summary);
		List<Map<String, Object>> minutes = new ArrayList<>();
		for (Minute minute : this.result.minutes()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("at", Replay.hhmm(minute.at()));
			one.put("version", minute.version());
			one.put("checkouts", minute.checkout().requests());
			one.put("errors", minute.checkout().errors());
			one.put("errorRate", round(minute.checkout().errorRate(), 5));
			one.put("statuses", minute.checkout().counts());
			one.put("p50Ms", round(1000 * minute.checkout().latency().quantile(0.5), 2));
			one.put("p99Ms", round(1000 * minute.checkout().latency().quantile(0.99), 2));
			one.put("ordersP99Ms", round(1000 * minute.orders().latency().quantile(0.99), 2));
			one.put("paymentsP99Ms", round(1000 * minute.payments().latency().quantile(0.99), 2));
			Map<String, Object> service = new LinkedHashMap<>();
			minute.service().forEach((name, value) -> service.put(name, round(value, 4)));
			one.put("service", service);
			one.put("client", minute.client().statuses());
			one.put("discountCodesSent", minute.client().codesSent());
			one.put("wallSeconds", round(Replay.seconds(minute.client().wall()), 3));
			minutes.add(one);
		}
		json.put("minutes", minutes);
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (JobRun run : this.result.jobs()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("job", run.job());
			one.put("at", run.at());
			one.put("version", run.version());
			one.put("exitCode", run.exitCode());
			one.put("firstError", firstError(run).orElse(null));
			one.put("summary", summary(run).orElse(null));
			one.put("wallSeconds", round(Replay.seconds(run.wall()), 2));
			one.put("log", this.result.checkoutLogs().isEmpty() ? run.log().toString()
					: relative(run.log()));
			jobs.add(one);
		}
		json.put("jobs", jobs);
		json.put("jobFailures", jobFailures());
		json.put("database", database(this.result));
		List<Map<String, Object>> changelog = new ArrayList<>();
		for (ReplayTarget.Change change : target.changelog()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("pr", change.number());
			one.put("title", change.title());
			one.put("author", change.author());
			one.put("email", change.email());
			one.put("date", OffsetDateTime.ofInstant(change.date(), change.zone()).toString());
			one.put("commit", change.commit());
			changelog.add(one);
		}
		json.put("changelog", changelog);
		Map<String, Object> wall = new LinkedHashMap<>();
		this.result.timings().forEach((name, duration) -> wall.put(name, round(Replay.seconds(duration), 1)));
		json.put("wallSeconds", wall);
		return json;
	}

	/**
	 * What the payments left behind, as replay.json and the page show it: the database's figures, with the orders
	 * charged more than once split at the deploy by when their second charge was recorded
	 * ({@code ordersChargedMoreThanOnceBeforeDeploy}, {@code ordersChargedMoreThanOnceAfterDeploy}).
	 */
	static Map<String, Map<String, Long>> database(Result result) {
		Map<String, Map<String, Long>> database = new LinkedHashMap<>();
		result.database().tables().forEach((table, figures) -> {
			if (!table.equals("charges")) {
				database.put(table, figures);
				return;
			}
			long before = result.database()
				.secondCharges()
				.stream()
				.map(result.clock()::toSim)
				.filter((sim) -> sim != null && sim.isBefore(result.deployAt()))
				.count();
			Map<String, Long> charges = new LinkedHashMap<>(figures);
			charges.put("ordersChargedMoreThanOnceBeforeDeploy", before);
			charges.put("ordersChargedMoreThanOnceAfterDeploy", result.database().secondCharges().size() - before);
			database.put(table, charges);
		});
		return database;
	}

	/** Per job: runs, failed runs, and the first error line of the first failed run. */
	Map<String, Object> jobFailures() {
		Map<String, Object> failures = new TreeMap<>();
		for (JobRun run : this.result.jobs()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> job = (Map<String, Object>) failures.computeIfAbsent(run.job(), (k) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("runs", 0);
				entry.put("failed", 0);
				entry.put("firstError", null);
				return entry;
			});
			job.put("runs", (int) job.get("runs") + 1);
			if (run.failed()) {
				job.put("failed", (int) job.get("failed") + 1);
				if (job.get("firstError") == null) {
					job.put("firstError", firstError(run).orElse("exit code " + run.exitCode()));
				}
			}
		}
		return failures;
	}

	private String relative(Path log) {
		return log.getParent().getFileName().toString().equals("jobs") ? "logs/jobs/" + log.getFileName()
				: "logs/" + log.getFileName();
	}

	private static Map<String, Object> windowJson(Window window) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("version", window.version());
		json.put("minutes", window.minutes());
		json.put("checkouts", window.checkout().requests());
		json.put("errors", window.checkout().errors());
		json.put("serverErrors", window.checkout().serverErrors());
		json.put("errorRate", round(window.errorRate(), 5));
		json.put("errorRatePercent", round(100 * window.errorRate(), 2));
		json.put("statuses", window.checkout().counts());
		json.put("p50Ms", round(window.p50Millis(), 2));
		json.put("p99Ms", round(window.p99Millis(), 2));
		json.put("typicalMinuteP99Ms", Double.isNaN(window.typicalMinuteP99Millis()) ? null
				: round(window.typicalMinuteP99Millis(), 2));
		json.put("ordersP99Ms", round(1000 * window.orders().latency().quantile(0.99), 2));
		json.put("paymentsP99Ms", round(1000 * window.payments().latency().quantile(0.99), 2));
		Map<String, Object> byClass = new LinkedHashMap<>();
		window.checkout().byStatus().entrySet().stream()
			.collect(java.util.stream.Collectors.groupingBy((entry) -> entry.getKey().charAt(0) + "xx", TreeMap::new,
					java.util.stream.Collectors.reducing(Histogram.EMPTY, Map.Entry::getValue, Histogram::plus)))
			.forEach((statusClass, histogram) -> byClass.put(statusClass, Map.of("count", histogram.count(), "p50Ms",
					round(1000 * histogram.quantile(0.5), 2), "p99Ms", round(1000 * histogram.quantile(0.99), 2))));
		json.put("checkoutByStatusClass", byClass);
		Map<String, Object> service = new LinkedHashMap<>();
		window.service().forEach((name, value) -> service.put(name, round(value, 3)));
		long requests = window.checkout().requests();
		service.put("cpuMsPerCheckout", (requests == 0) ? null
				: round(1000 * window.service().getOrDefault("cpuSeconds", 0.0) / requests, 3));
		json.put("service", service);
		return json;
	}

	static Double round(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	String html() {
		return ReportPage.render(this);
	}

	Result result() {
		return this.result;
	}

	static String percent(double rate) {
		return Double.isNaN(rate) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * rate);
	}

	static String millis(double ms) {
		return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.1f ms", ms);
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", Replay.seconds(duration));
	}

	static String logTime(LocalDateTime at) {
		return LOG_TIME.format(at);
	}

}
