package io.firedrill.kit.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.firedrill.kit.replay.Scrape;
import org.junit.jupiter.api.Test;

class MinuteStatsTests {

	/** A scrape with POST /api/checkout answered {@code ok} times 201 (fast) and {@code failed} times 500 (slow). */
	static Scrape scrape(long ok, long failed) {
		return Scrape.parse(String.format(java.util.Locale.ROOT, """
				http_server_requests_seconds_bucket{method="POST",status="201",uri="/api/checkout",le="0.1"} %d
				http_server_requests_seconds_bucket{method="POST",status="201",uri="/api/checkout",le="+Inf"} %d
				http_server_requests_seconds_bucket{method="POST",status="500",uri="/api/checkout",le="0.1"} 0
				http_server_requests_seconds_bucket{method="POST",status="500",uri="/api/checkout",le="1.0"} %d
				http_server_requests_seconds_bucket{method="POST",status="500",uri="/api/checkout",le="+Inf"} %d
				http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/checkout/options",le="+Inf"} 999
				""", ok, ok, failed, failed));
	}

	@Test
	void aMinuteIsTheDifferenceOfTheScrapesAtItsEndsAndKeepsTheProcessTotals() {
		MinuteStats minute = MinuteStats.of(7, "14:02", "v2.4.0", scrape(150, 30), scrape(82, 18));

		assertThat(minute.requests()).isEqualTo(80);
		assertThat(minute.errors()).isEqualTo(12);
		assertThat(minute.errorRate()).isCloseTo(0.15, within(1e-9));
		assertThat(minute.processRequests()).isEqualTo(180);
		assertThat(minute.processErrors()).isEqualTo(30);
		assertThat(minute.p50Millis()).isBetween(0.0, 100.0);
		assertThat(minute.p99Millis()).isBetween(100.0, 1000.0);
	}

	@Test
	void aMinuteAfterARestartCountsFromTheNewProcessFirstScrape() {
		// the deploy's new process scrapes 0 at its start: nothing of the old process leaks into its minute
		MinuteStats minute = MinuteStats.of(0, "14:00", "v2.3.0", scrape(0, 80), Scrape.EMPTY);

		assertThat(minute.requests()).isEqualTo(80);
		assertThat(minute.errorRate()).isEqualTo(1.0);
	}

	@Test
	void aMinuteWithoutCheckoutsHasNoErrorRateNorLatency() {
		MinuteStats minute = MinuteStats.of(0, "14:00", "v2.4.0", scrape(5, 1), scrape(5, 1));

		assertThat(minute.requests()).isZero();
		assertThat(minute.errorRate()).isNaN();
		assertThat(minute.p99Millis()).isNaN();
	}

	@Test
	void theCurrentErrorRateCoversOnlyTheLastMinutesOfTheInstalledRelease() {
		List<MinuteStats> minutes = List.of(stats(0, "v2.4.0", 80, 12), stats(1, "v2.4.0", 80, 13),
				stats(2, "v2.3.0", 80, 80), stats(3, "v2.3.0", 80, 80), stats(4, "fix", 80, 8), stats(5, "fix", 80, 0),
				stats(6, "fix", 80, 0), stats(7, "fix", 80, 0));

		assertThat(MinuteStats.recentErrorRate(minutes, "fix", 3)).isZero();
		assertThat(MinuteStats.recentErrorRate(minutes, "fix", 10)).isCloseTo(8 / 320.0, within(1e-9));
		// the release is not the last one: no figure rather than one of another release's minutes
		assertThat(MinuteStats.recentErrorRate(minutes, "v2.4.0", 3)).isNaN();
		assertThat(MinuteStats.recentErrorRate(List.of(), "fix", 3)).isNaN();
	}

	@Test
	void aReleaseInstalledAgainCountsOnlyItsMinutesSinceThen() {
		// v2.3.0 ran before the deploy, then again after the rollback: the dashboard waits on the second stint
		List<MinuteStats> minutes = List.of(stats(0, "v2.3.0", 80, 0), stats(1, "v2.3.0", 80, 0),
				stats(2, "v2.4.0", 80, 12), stats(3, "v2.3.0", 80, 80));

		assertThat(MinuteStats.currentStint(minutes, "v2.3.0")).isEqualTo(1);
		assertThat(MinuteStats.currentStint(minutes, "v2.4.0")).isZero();
		assertThat(MinuteStats.recentErrorRate(minutes, "v2.3.0", 3)).isEqualTo(1.0);
	}

	private static MinuteStats stats(int index, String version, long requests, long errors) {
		return new MinuteStats(index, "14:0" + index, version, requests, errors, 100, 200, requests, errors);
	}

}
