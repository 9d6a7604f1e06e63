package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import io.firedrill.kit.replay.Replay.Minute;
import io.firedrill.kit.replay.Scrape.EndpointWindow;
import io.firedrill.kit.replay.ShopHost.JobRun;
import io.firedrill.kit.support.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportRenderingTests {

	static final LocalDateTime DEPLOY = LocalDateTime.of(2026, 11, 24, 14, 0);

	@TempDir
	Path dir;

	/** 10 minutes at 0 % errors and ~5 ms p99, then 15 at 15 % errors and ~10 ms p99. */
	Replay.Result result() throws Exception {
		List<Minute> minutes = new ArrayList<>();
		SimClock clock = new SimClock();
		Instant wall = Instant.parse("2026-11-26T01:00:00Z");
		for (int i = 0; i < 25; i++) {
			LocalDateTime at = DEPLOY.minusMinutes(10).plusMinutes(i);
			boolean after = !at.isBefore(DEPLOY);
			String text = after ? ScrapeTests.exposition(68, 60, 0, 12, 1e9) : ScrapeTests.exposition(80, 79, 0, 0, 1e9);
			EndpointWindow checkout = Scrape.parse(text).since(Scrape.EMPTY, "POST", "/api/checkout");
			minutes.add(new Minute(at, after ? "v2.4.0" : "v2.3.0", checkout, EndpointWindow.EMPTY, EndpointWindow.EMPTY,
					new LoadDriver.MinuteOutcome(Map.of(), 0, 0, Duration.ofSeconds(1)),
					Map.of("cpuSeconds", 0.1, "gcPauseSeconds", 0.0, "gcPauses", 0.0, "errorLogEvents", after ? 12.0 : 0)));
			clock.record(at, wall.plusSeconds(i), wall.plusSeconds(i + 1));
		}
		Path checkoutLog = this.dir.resolve("checkout.log");
		Files.writeString(checkoutLog, """
				2026-11-26T01:00:10.500Z  INFO 1 --- [checkout-service] [main] o.s.b.w.e.tomcat.TomcatWebServer : Tomcat started
				2026-11-26T01:00:11.500Z ERROR 1 --- [checkout-service] [exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception [Request processing failed: java.lang.NullPointerException: Cannot invoke "String.trim()" because "code" is null] with root cause

				java.lang.NullPointerException: Cannot invoke "String.trim()" because "code" is null
					at com.acme.shop.discount.DiscountService.normalize(DiscountService.java:36) ~[!/:2.3.0]
					at com.acme.shop.discount.DiscountService.validate(DiscountService.java:28) ~[!/:2.3.0]
					at com.acme.shop.checkout.CheckoutService.totalToCharge(CheckoutService.java:65) ~[!/:2.3.0]
					at com.acme.shop.checkout.CheckoutService.checkout(CheckoutService.java:42) ~[!/:2.3.0]
					at com.acme.shop.checkout.CheckoutController.checkout(CheckoutController.java:31) ~[!/:2.3.0]
					at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]
				2026-11-26T01:00:12.500Z ERROR 1 --- [checkout-service] [exec-2] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception with root cause
				java.lang.NullPointerException: Cannot invoke "String.trim()" because "code" is null
				""");
		Path jobLog = this.dir.resolve("job.log");
		Files.writeString(jobLog, """
				2026-11-26T01:00:20.000Z ERROR 2 --- [order-retry-job] [main] c.a.shop.retry.OrderRetryJobApplication  : Order payment retry failed
				java.lang.NoSuchMethodError: 'com.acme.payments.ChargeResult com.acme.payments.PaymentClient.charge(com.acme.payments.Amount)'
					at com.acme.shop.retry.OrderRetryJob.chargeOrder(OrderRetryJob.java:122) ~[!/:2.3.0]
				""");
		Path okLog = this.dir.resolve("ok.log");
		Files.writeString(okLog,
				"2026-11-26T01:00:05.000Z  INFO 3 --- [order-retry-job] [main] c.a.shop.retry.OrderRetryJob : Order payment retry finished: 1 retried, 1 paid, 0 still failing, 0 abandoned\n");
		List<JobRun> jobs = List.of(
				new JobRun("order-retry-job", "v2.3.0", "13:55", 0, Duration.ofSeconds(3), okLog, wall),
				new JobRun("order-retry-job", "v2.4.0", "14:05", 1, Duration.ofSeconds(3), jobLog, wall.plusSeconds(15)));
		Map<String, SimClock.Anchor> anchors = new LinkedHashMap<>();
		anchors.put("order-retry-job@14:05", new SimClock.Anchor(DEPLOY.plusMinutes(5), Instant.parse("2026-11-26T01:00:19Z")));
		ReplayTarget target = new ReplayTarget("release-2.4.0", null, "v2.3.0", "v2.4.0", null, null,
				List.of(new ReplayTarget.Change(892, "Discount codes at checkout behind the discount_codes flag",
						"Discount codes at checkout behind the discount_codes flag (#892)", "Sofia Lindqvist",
						"sofia.lindqvist@acme.example", Instant.parse("2026-11-20T15:42:11Z"), ZoneOffset.ofHours(1),
						"33f59245f6")),
				null);
		return new Replay.Result(target, Replay.Options.of(Stories.of("release-2.4.0")), minutes, DEPLOY, jobs,
				new Replay.LeftBehind(Map.of("orders", Map.of("paid", 10L)), List.of()), Map.of("v2.4.0", checkoutLog), clock,
				Map.of("total", Duration.ofSeconds(50)), anchors);
	}

	@Test
	void theChartsAreWellFormedSvgWithAStepAtTheDeploy() throws Exception {
		ReplayReport report = new ReplayReport(result());

		Document errors = parse(report.errorRateSvg());
		NodeList lines = errors.getElementsByTagName("polyline");
		assertThat(lines.getLength()).isEqualTo(1);
		String[] points = ((Element) lines.item(0)).getAttribute("points").split(" ");
		assertThat(points).hasSize(50); // two points per minute
		double before = y(points[19]);
		double after = y(points[20]);
		assertThat(after).isLessThan(before - 50); // 0 % -> 15 %: the line jumps up (SVG y grows downwards)
		assertThat(errors.getDocumentElement().getAttribute("data-minutes")).isEqualTo("25");
		assertThat(report.errorRateSvg()).contains("class=\"deploy\"", "14:00 deploy v2.4.0", "13:50", "14:15");

		Document latency = parse(report.latencySvg());
		assertThat(latency.getElementsByTagName("polyline").getLength()).isEqualTo(2);
		assertThat(report.latencySvg()).contains("p99", "p50").doesNotContain("NaN");
	}

	@Test
	void thePageIsSelfContainedAndShowsFiguresChangelogJobsAndLogs() throws Exception {
		ReplayReport report = new ReplayReport(result());

		String html = report.html();

		// nothing fetched: the only URL is the SVG namespace, which is a name, not a download
		assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://",
				"<link", "src=", "@import", "url(");
		assertThat(html).contains("<svg", "id=\"error-rate\"", "id=\"latency\"", "data-check=\"pending\"");
		assertThat(html).contains("15.0 %", "0.0 %");
		assertThat(html).contains("#892", "Sofia Lindqvist", "33f59245f6");
		assertThat(html).contains("order-retry-job", "NoSuchMethodError", "Order payment retry finished");
		assertThat(html).contains("NullPointerException", "DiscountService.normalize", "2 errors logged");
		assertThat(html).contains("2026-11-24T14:0"); // log times in simulated time
		assertThat(html).contains("Tue 24 Nov, deploy at 14:00"); // the day of the story's deploy
		assertThat(html).doesNotContain("2026-11-26T01"); // not the machine's
		assertThat(html.toLowerCase()).doesNotContain("incident", "interview", "firedrill", "root cause:");
	}

	@Test
	void logExcerptsAreTrimmedToTheFirstFrames() throws Exception {
		ReplayReport report = new ReplayReport(result());

		String logs = report.logsMarkdown();

		assertThat(logs).contains("DiscountService.normalize", "CheckoutService.checkout", "\t...");
		assertThat(logs).doesNotContain("CheckoutController.checkout", "DirectMethodHandleAccessor");
		assertThat(logs).contains("OrderRetryJob.chargeOrder", "2026-11-24T14:05:01");
	}

	@Test
	void theJsonHasTheFiguresBeforeAndAfterPerMinuteAndTheJobFailures() throws Exception {
		ReplayReport report = new ReplayReport(result());
		report.write(this.dir.resolve("out"));

		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(this.dir.resolve("out/replay.json")));

		assertThat(json.path("summary").path("before").path("errorRate").asDouble()).isZero();
		assertThat(json.path("summary").path("after").path("errorRate").asDouble()).isEqualTo(0.15);
		assertThat(json.path("summary").path("after").path("p99Ms").asDouble()).isGreaterThan(0);
		assertThat(json.path("summary").path("after").path("typicalMinuteP99Ms").asDouble()).isGreaterThan(0);
		assertThat(json.path("minutes").size()).isEqualTo(25);
		assertThat(json.path("minutes").get(10).path("at").asString()).isEqualTo("14:00");
		assertThat(json.path("jobFailures").path("order-retry-job").path("failed").asInt()).isEqualTo(1);
		assertThat(json.path("jobFailures").path("order-retry-job").path("firstError").asString())
			.startsWith("java.lang.NoSuchMethodError");
		assertThat(json.path("definitions").path("errorRate").asString()).contains("outside 2xx");
		assertThat(this.dir.resolve("out/error-rate.svg")).exists();
		assertThat(this.dir.resolve("out/latency.svg")).exists();
		assertThat(this.dir.resolve("out/report.html")).exists();
	}

	@Test
	void ordersChargedMoreThanOnceAreSplitAtTheDeployByTheirSecondCharge() throws Exception {
		Replay.Result plain = result();
		Instant wall = Instant.parse("2026-11-26T01:00:00Z");
		Map<String, Long> charges = new LinkedHashMap<>();
		charges.put("paidOrders", 40L);
		charges.put("ordersChargedMoreThanOnce", 3L);
		List<Instant> secondCharges = List.of(wall.plusMillis(5_500), wall.plusMillis(15_200), wall.plusMillis(15_300));
		Replay.Result result = new Replay.Result(plain.target(), plain.options(), plain.minutes(), plain.deployAt(),
				plain.jobs(), new Replay.LeftBehind(Map.of("charges", charges), secondCharges), plain.checkoutLogs(),
				plain.clock(), plain.timings(), plain.jobAnchors());
		new ReplayReport(result).write(this.dir.resolve("out"));

		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(this.dir.resolve("out/replay.json")));
		JsonNode figures = json.path("database").path("charges");
		assertThat(figures.path("paidOrders").asLong()).isEqualTo(40);
		assertThat(figures.path("ordersChargedMoreThanOnce").asLong()).isEqualTo(3);
		assertThat(figures.path("ordersChargedMoreThanOnceBeforeDeploy").asLong()).isEqualTo(1);
		assertThat(figures.path("ordersChargedMoreThanOnceAfterDeploy").asLong()).isEqualTo(2);
		assertThat(figures.size()).as("no raw instant reaches replay.json").isEqualTo(4);
		assertThat(Files.readString(this.dir.resolve("out/report.html"))).contains("ordersChargedMoreThanOnceAfterDeploy");
	}

	@Test
	void theChargesAreReadFromTheApprovedPayments() throws Exception {
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:h2:mem:charges;MODE=PostgreSQL");
				java.sql.Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE payments (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, order_id BIGINT, status VARCHAR(20),"
					+ " created_at TIMESTAMP)");
			statement.execute("INSERT INTO payments (order_id, status, created_at) VALUES"
					+ " (1, 'declined', TIMESTAMP '2026-11-24 13:00:00'), (1, 'approved', TIMESTAMP '2026-11-24 13:55:00'),"
					+ " (2, 'approved', TIMESTAMP '2026-11-24 13:58:00'), (2, 'approved', TIMESTAMP '2026-11-24 14:05:03'),"
					+ " (2, 'approved', TIMESTAMP '2026-11-24 14:10:00'), (3, 'declined', TIMESTAMP '2026-11-24 14:00:00')");

			ShopDatabase.Charges charges = ShopDatabase.charges(statement);

			Instant second = LocalDateTime.of(2026, 11, 24, 14, 5, 3).atZone(java.time.ZoneId.systemDefault()).toInstant();
			assertThat(charges.paidOrders()).isEqualTo(2);
			assertThat(charges.secondChargesAt()).containsExactly(second);
		}
	}

	private static double y(String point) {
		return Double.parseDouble(point.split(",")[1]);
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

}
