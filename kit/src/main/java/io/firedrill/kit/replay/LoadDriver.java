package io.firedrill.kit.replay;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.firedrill.kit.replay.TrafficModel.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the sessions of a {@link TrafficModel} against checkout-service the way its checkout page does, with at
 * most a fixed number of sessions in flight. What the customers saw is tallied per endpoint, as a cross-check of
 * the service's own metrics (the figures of the replay come from those metrics, not from here).
 */
public final class LoadDriver implements AutoCloseable {

	static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0 Safari/537.36";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final URI base;

	private final int maxInFlight;

	private volatile Boolean roundUpBox;

	private final ExecutorService workers;

	public LoadDriver(URI base, int maxInFlight) {
		this.base = base;
		this.maxInFlight = maxInFlight;
		this.workers = Executors.newFixedThreadPool(maxInFlight, (runnable) -> {
			Thread thread = new Thread(runnable, "firedrill-customer");
			thread.setDaemon(true);
			return thread;
		});
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * What the customers of one minute saw.
	 * @param statuses endpoint (e.g. {@code POST /api/checkout}) → status (or {@code io} for no answer) → count
	 * @param codesSent checkouts sent with a discount code (the page offered the input)
	 * @param late sessions that started more than 100 ms after their time because all slots were busy
	 * @param wall how long the minute took
	 */
	public record MinuteOutcome(Map<String, Map<String, Integer>> statuses, int codesSent, int late, Duration wall) {

		int count(String endpoint, String status) {
			return this.statuses.getOrDefault(endpoint, Map.of()).getOrDefault(status, 0);
		}

	}

	/** Runs the sessions spread over {@code length} of wall time, and waits until every one has ended. */
	public MinuteOutcome drive(List<Session> sessions, Duration length) throws InterruptedException {
		Map<String, Map<String, AtomicInteger>> statuses = new ConcurrentHashMap<>();
		LongAdder codes = new LongAdder();
		int late = 0;
		Semaphore slots = new Semaphore(this.maxInFlight);
		long start = System.nanoTime();
		Future<?>[] running = new Future<?>[sessions.size()];
		for (int i = 0; i < sessions.size(); i++) {
			Session session = sessions.get(i);
			long due = start + (long) (session.offset() * length.toNanos());
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			slots.acquire();
			if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(100)) {
				late++;
			}
			running[i] = this.workers.submit(() -> {
				try {
					play(session, statuses, codes);
				}
				finally {
					slots.release();
				}
			});
		}
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// play() tallies failures itself; anything else is a bug of the driver
				throw new IllegalStateException("customer session failed", ex.getCause());
			}
		}
		Map<String, Map<String, Integer>> tally = new TreeMap<>();
		statuses.forEach((endpoint, counts) -> {
			Map<String, Integer> byStatus = new TreeMap<>();
			counts.forEach((status, count) -> byStatus.put(status, count.get()));
			tally.put(endpoint, byStatus);
		});
		return new MinuteOutcome(tally, codes.intValue(), late, Duration.ofNanos(System.nanoTime() - start));
	}

	/** One customer: the page asks for its options, then pays; after paying, maybe looks or asks a refund. */
	private void play(Session session, Map<String, Map<String, AtomicInteger>> statuses, LongAdder codes) {
		Answer options = send("GET /api/checkout/options",
				get("/api/checkout/options?customerId=" + session.customerId()), statuses);
		boolean offered = options.ok() && options.json().path("discountCodes").asBoolean(false);
		StringBuilder body = new StringBuilder("{\"customerId\":").append(session.customerId())
			.append(",\"amount\":")
			.append(session.amount().toPlainString());
		if (offered) {
			body.append(",\"discountCode\":\"").append(session.discountCode()).append('"');
			codes.increment();
		}
		if (session.roundsUp() && pageHasRoundUpBox()) {
			body.append(",\"roundUp\":true");
		}
		body.append('}');
		Answer checkout = send("POST /api/checkout", post("/api/checkout", body.toString()), statuses);
		if (checkout.status() != 201 || checkout.json() == null) {
			return;
		}
		long orderId = checkout.json().path("orderId").asLong(0);
		if (orderId <= 0) {
			return;
		}
		if (session.viewsOrder()) {
			send("GET /api/orders/{id}", get("/api/orders/" + orderId), statuses);
			send("GET /api/payments", get("/api/payments?orderId=" + orderId), statuses);
		}
		if (session.requestsRefund()) {
			BigDecimal charged = new BigDecimal(checkout.json().path("amount").asString("0")).setScale(2, java.math.RoundingMode.DOWN);
			BigDecimal refund = session.refundAmount(charged);
			send("POST /api/orders/{id}/refunds", post("/api/orders/" + orderId + "/refunds",
					"{\"amount\":" + refund.toPlainString() + ",\"reason\":\"changed my mind\"}"), statuses);
		}
	}

	private record Answer(int status, JsonNode json) {

		boolean ok() {
			return this.status >= 200 && this.status < 300 && this.json != null;
		}

	}

	private Answer send(String endpoint, HttpRequest request, Map<String, Map<String, AtomicInteger>> statuses) {
		String status;
		Answer answer;
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			status = Integer.toString(response.statusCode());
			JsonNode json = null;
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (type.contains("json") && !response.body().isEmpty()) {
				try {
					json = JSON.readTree(response.body());
				}
				catch (RuntimeException ex) {
					json = null;
				}
			}
			answer = new Answer(response.statusCode(), json);
		}
		catch (IOException ex) {
			status = "io";
			answer = new Answer(0, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = "io";
			answer = new Answer(0, null);
		}
		statuses.computeIfAbsent(endpoint, (k) -> new ConcurrentHashMap<>())
			.computeIfAbsent(status, (k) -> new AtomicInteger())
			.incrementAndGet();
		return answer;
	}

	/**
	 * Whether the release's checkout page offers the round-up box (asked once, and only of a driver whose
	 * customers would tick it): a customer can tick only a box the page shows.
	 */
	private boolean pageHasRoundUpBox() {
		Boolean known = this.roundUpBox;
		if (known == null) {
			try {
				HttpResponse<String> page = this.client.send(request("/").setHeader("Accept", "text/html").GET().build(),
						HttpResponse.BodyHandlers.ofString());
				known = page.statusCode() == 200 && page.body().contains("name=\"roundUp\"");
			}
			catch (IOException ex) {
				return false; // asked again by the next session
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			this.roundUpBox = known;
		}
		return known;
	}

	private HttpRequest get(String path) {
		return request(path).GET().build();
	}

	private HttpRequest post(String path, String json) {
		return request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(15))
			.header("User-Agent", USER_AGENT)
			.header("Accept", "application/json");
	}

	/** {@code /actuator/prometheus}, as Prometheus would scrape it. */
	public Scrape scrape() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/actuator/prometheus"))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "text/plain;version=0.0.4")
			.GET()
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET /actuator/prometheus answered " + response.statusCode());
		}
		return Scrape.parse(response.body());
	}

	@Override
	public void close() {
		this.workers.shutdownNow();
	}

}
