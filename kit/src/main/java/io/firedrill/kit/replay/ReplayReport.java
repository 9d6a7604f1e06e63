package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
			written.add(write(out.resolve("replay.json"), JSON.writeValueAsString(ReplayJson.of(this))));
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
