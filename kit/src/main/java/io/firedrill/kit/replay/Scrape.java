package io.firedrill.kit.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.firedrill.kit.replay.PrometheusText.Sample;

/**
 * One scrape of a service's {@code /actuator/prometheus}, reduced to what the replay reads: the
 * {@code http_server_requests_seconds} histogram of each endpoint, per HTTP method and status.
 */
public final class Scrape {

	static final String REQUESTS = "http_server_requests_seconds";

	/** Counters and gauges read besides the requests, each summed over its series. */
	static final List<String> TOTALS = List.of("process_cpu_time_ns_total", "jvm_gc_pause_seconds_sum",
			"jvm_gc_pause_seconds_count", "hikaricp_connections_pending");

	/** uri → method → status → histogram (seconds). */
	private final Map<String, Map<String, Map<String, Histogram>>> requests;

	/** metric name (or {@code name{label=value}}) → value summed over its series. */
	private final Map<String, Double> totals;

	private Scrape(Map<String, Map<String, Map<String, Histogram>>> requests, Map<String, Double> totals) {
		this.requests = requests;
		this.totals = totals;
	}

	public static final Scrape EMPTY = new Scrape(Map.of(), Map.of());

	/**
	 * A counter summed over its series ({@code logback_events_total{level=error}} for one label value), 0 when the
	 * service has not exposed it yet.
	 */
	public double total(String name) {
		return this.totals.getOrDefault(name, 0.0);
	}

	/** How much a counter grew since an earlier scrape (all of it if the process restarted in between). */
	public double increase(Scrape earlier, String name) {
		double now = total(name);
		double before = earlier.total(name);
		return (now >= before) ? now - before : now;
	}

	/** Reads an exposition. */
	public static Scrape parse(String exposition) {
		return of(PrometheusText.parse(exposition));
	}

	static Scrape of(List<Sample> samples) {
		// key: uri \0 method \0 status, then le -> count; several series (exception, outcome...) are added up
		Map<String, Map<String, Map<Double, Long>>> buckets = new HashMap<>();
		Map<String, Double> totals = new TreeMap<>();
		for (Sample sample : samples) {
			if (TOTALS.contains(sample.name()) && !Double.isNaN(sample.value())) {
				totals.merge(sample.name(), sample.value(), Double::sum);
			}
			if (sample.name().equals("logback_events_total") && sample.label("level") != null) {
				totals.merge("logback_events_total{level=" + sample.label("level") + "}", sample.value(), Double::sum);
			}
			if (!sample.name().equals(REQUESTS + "_bucket")) {
				continue;
			}
			String uri = sample.label("uri");
			String method = sample.label("method");
			String status = sample.label("status");
			String le = sample.label("le");
			if (uri == null || method == null || status == null || le == null) {
				continue;
			}
			String seriesKey = String.join("\u0000", sample.labels().entrySet()
				.stream()
				.filter((label) -> !label.getKey().equals("le"))
				.map((label) -> label.getKey() + "=" + label.getValue())
				.toList());
			buckets.computeIfAbsent(uri + "\u0000" + method + "\u0000" + status, (k) -> new HashMap<>())
				.computeIfAbsent(seriesKey, (k) -> new TreeMap<>())
				.put(PrometheusText.parseValue(le), Math.round(sample.value()));
		}
		Map<String, Map<String, Map<String, Histogram>>> requests = new TreeMap<>();
		buckets.forEach((key, series) -> {
			String[] parts = key.split("\u0000", -1);
			Histogram total = Histogram.EMPTY;
			for (Map<Double, Long> one : series.values()) {
				total = total.plus(Histogram.of(one));
			}
			requests.computeIfAbsent(parts[0], (k) -> new TreeMap<>())
				.computeIfAbsent(parts[1], (k) -> new TreeMap<>())
				.put(parts[2], total);
		});
		return new Scrape(requests, totals);
	}

	/** Status → histogram of the requests to {@code uri} with {@code method}, since the process started. */
	public Map<String, Histogram> byStatus(String method, String uri) {
		return this.requests.getOrDefault(uri, Map.of()).getOrDefault(method, Map.of());
	}

	/**
	 * What happened on one endpoint between {@code earlier} and this scrape, per status (statuses with no request
	 * in between are left out).
	 */
	public EndpointWindow since(Scrape earlier, String method, String uri) {
		Map<String, Histogram> now = byStatus(method, uri);
		Map<String, Histogram> before = earlier.byStatus(method, uri);
		Map<String, Histogram> window = new TreeMap<>();
		now.forEach((status, histogram) -> {
			Histogram difference = histogram.minus(before.getOrDefault(status, Histogram.EMPTY));
			if (!difference.isEmpty()) {
				window.put(status, difference);
			}
		});
		return new EndpointWindow(window);
	}

	/**
	 * The requests one endpoint answered in a window, per status.
	 * @param byStatus status code → latency histogram (seconds)
	 */
	public record EndpointWindow(Map<String, Histogram> byStatus) {

		public static final EndpointWindow EMPTY = new EndpointWindow(Map.of());

		public long requests() {
			return this.byStatus.values().stream().mapToLong(Histogram::count).sum();
		}

		/** Requests answered with a status outside 2xx. */
		public long errors() {
			return this.byStatus.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().startsWith("2"))
				.mapToLong((entry) -> entry.getValue().count())
				.sum();
		}

		/** Requests answered with a 5xx status. */
		public long serverErrors() {
			return this.byStatus.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith("5"))
				.mapToLong((entry) -> entry.getValue().count())
				.sum();
		}

		/** Share of non-2xx answers, {@code NaN} without requests. */
		public double errorRate() {
			return errorRate(errors(), requests());
		}

		/** {@code errors / requests}, {@code NaN} without requests: the one definition the replay and live share. */
		public static double errorRate(long errors, long requests) {
			return (requests == 0) ? Double.NaN : (double) errors / requests;
		}

		/** Every request whatever its status. */
		public Histogram latency() {
			Histogram all = Histogram.EMPTY;
			for (Histogram histogram : this.byStatus.values()) {
				all = all.plus(histogram);
			}
			return all;
		}

		public EndpointWindow plus(EndpointWindow other) {
			Map<String, Histogram> sum = new TreeMap<>(this.byStatus);
			other.byStatus.forEach((status, histogram) -> sum.merge(status, histogram, Histogram::plus));
			return new EndpointWindow(sum);
		}

		/** Count per status. */
		public Map<String, Long> counts() {
			Map<String, Long> counts = new TreeMap<>();
			this.byStatus.forEach((status, histogram) -> counts.put(status, histogram.count()));
			return counts;
		}

	}

}
