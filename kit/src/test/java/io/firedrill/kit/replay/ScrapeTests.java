package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.firedrill.kit.replay.Scrape.EndpointWindow;
import org.junit.jupiter.api.Test;

class ScrapeTests {

	static String exposition(long ok, long okFast, long declined, long failed, double cpuNanos) {
		return String.format(java.util.Locale.ROOT, """
				# TYPE http_server_requests_seconds histogram
				http_server_requests_seconds_bucket{error="none",exception="none",method="POST",outcome="SUCCESS",status="201",uri="/api/checkout",le="0.002"} %d
				http_server_requests_seconds_bucket{error="none",exception="none",method="POST",outcome="SUCCESS",status="201",uri="/api/checkout",le="0.01"} %d
				http_server_requests_seconds_bucket{error="none",exception="none",method="POST",outcome="SUCCESS",status="201",uri="/api/checkout",le="+Inf"} %d
				http_server_requests_seconds_count{error="none",exception="none",method="POST",outcome="SUCCESS",status="201",uri="/api/checkout"} %d
				http_server_requests_seconds_bucket{error="none",exception="none",method="POST",outcome="CLIENT_ERROR",status="402",uri="/api/checkout",le="0.002"} 0
				http_server_requests_seconds_bucket{error="none",exception="none",method="POST",outcome="CLIENT_ERROR",status="402",uri="/api/checkout",le="0.01"} %d
				http_server_requests_seconds_bucket{error="none",exception="none",method="POST",outcome="CLIENT_ERROR",status="402",uri="/api/checkout",le="+Inf"} %d
				http_server_requests_seconds_bucket{error="NullPointerException",exception="NullPointerException",method="POST",outcome="SERVER_ERROR",status="500",uri="/api/checkout",le="0.002"} %d
				http_server_requests_seconds_bucket{error="NullPointerException",exception="NullPointerException",method="POST",outcome="SERVER_ERROR",status="500",uri="/api/checkout",le="0.01"} %d
				http_server_requests_seconds_bucket{error="NullPointerException",exception="NullPointerException",method="POST",outcome="SERVER_ERROR",status="500",uri="/api/checkout",le="+Inf"} %d
				http_server_requests_seconds_bucket{error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/api/orders/{id}",le="+Inf"} 4
				process_cpu_time_ns_total %s
				logback_events_total{level="error"} %d
				logback_events_total{level="info"} 30
				""", okFast, ok, ok, ok, declined, declined, failed, failed, failed, Double.toString(cpuNanos), failed);
	}

	@Test
	void aWindowIsTheDifferenceOfTwoScrapesPerStatus() {
		Scrape start = Scrape.parse(exposition(100, 90, 1, 0, 1e9));
		Scrape end = Scrape.parse(exposition(185, 170, 1, 15, 3e9));

		EndpointWindow window = end.since(start, "POST", "/api/checkout");

		assertThat(window.requests()).isEqualTo(100);
		assertThat(window.counts()).containsEntry("201", 85L).containsEntry("500", 15L).doesNotContainKey("402");
		assertThat(window.errors()).isEqualTo(15);
		assertThat(window.serverErrors()).isEqualTo(15);
		assertThat(window.errorRate()).isCloseTo(0.15, within(1e-12));
		assertThat(window.latency().count()).isEqualTo(100);
		assertThat(end.increase(start, "process_cpu_time_ns_total")).isEqualTo(2e9);
		assertThat(end.increase(start, "logback_events_total{level=error}")).isEqualTo(15);
	}

	@Test
	void declinesCountAsErrorsButNotAsServerErrors() {
		EndpointWindow window = Scrape.parse(exposition(999, 999, 1, 0, 0)).since(Scrape.EMPTY, "POST", "/api/checkout");

		assertThat(window.requests()).isEqualTo(1000);
		assertThat(window.errors()).isEqualTo(1);
		assertThat(window.serverErrors()).isZero();
		assertThat(window.errorRate()).isEqualTo(0.001);
	}

	@Test
	void anotherEndpointOrMethodIsKeptApart() {
		Scrape scrape = Scrape.parse(exposition(10, 10, 0, 0, 0));

		assertThat(scrape.since(Scrape.EMPTY, "GET", "/api/orders/{id}").requests()).isEqualTo(4);
		assertThat(scrape.since(Scrape.EMPTY, "GET", "/api/checkout").requests()).isZero();
		assertThat(scrape.since(Scrape.EMPTY, "GET", "/api/checkout").errorRate()).isNaN();
	}

	@Test
	void windowsAddUp() {
		Scrape a = Scrape.parse(exposition(10, 10, 0, 0, 0));
		Scrape b = Scrape.parse(exposition(20, 15, 0, 5, 0));
		EndpointWindow first = a.since(Scrape.EMPTY, "POST", "/api/checkout");
		EndpointWindow second = b.since(a, "POST", "/api/checkout");

		EndpointWindow both = first.plus(second);

		assertThat(both.requests()).isEqualTo(25);
		assertThat(both.errors()).isEqualTo(5);
		assertThat(both.latency().count()).isEqualTo(25);
	}

}
