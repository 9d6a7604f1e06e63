package io.firedrill.kit.live;

import java.util.List;

import io.firedrill.kit.replay.Histogram;
import io.firedrill.kit.replay.Replay;
import io.firedrill.kit.replay.Scrape;
import io.firedrill.kit.replay.Scrape.EndpointWindow;

/**
 * One simulated minute of {@code POST /api/checkout} as the service's own {@code /actuator/prometheus} tells it:
 * the difference between the scrapes at the minute's two ends, as the replay computes it.
 *
 * @param index minute number since the session started
 * @param at simulated time, {@code HH:mm}
 * @param version the release serving it
 * @param requests checkouts answered in the minute
 * @param errors checkouts answered with a status outside 2xx
 * @param p50Millis median latency ({@code NaN} without requests)
 * @param p99Millis 99th percentile latency ({@code NaN} without requests)
 * @param processRequests checkouts the serving process had answered at the minute's end, all minutes together:
 * the figure {@code http_server_requests_seconds_count} shows, to check the dashboard against the endpoint
 * @param processErrors the same, for errors
 */
public record MinuteStats(int index, String at, String version, long requests, long errors, double p50Millis,
		double p99Millis, long processRequests, long processErrors) {

	/** The minute between two scrapes of the same process ({@code previous} is {@link Scrape#EMPTY} after a start). */
	public static MinuteStats of(int index, String at, String version, Scrape scrape, Scrape previous) {
		EndpointWindow window = scrape.since(previous, "POST", Replay.CHECKOUT);
		EndpointWindow total = scrape.since(Scrape.EMPTY, "POST", Replay.CHECKOUT);
		Histogram latency = window.latency();
		return new MinuteStats(index, at, version, window.requests(), window.errors(), 1000 * latency.quantile(0.5),
				1000 * latency.quantile(0.99), total.requests(), total.errors());
	}

	/** Share of non-2xx answers, {@code NaN} without requests. */
	public double errorRate() {
		return EndpointWindow.errorRate(this.errors, this.requests);
	}

	/**
	 * How many minutes {@code version} has served since it was last installed: the last minutes, back to one of
	 * another release (an earlier stint of the same release, before a rollback, does not count).
	 */
	public static int currentStint(List<MinuteStats> minutes, String version) {
		int count = 0;
		for (int i = minutes.size() - 1; i >= 0 && minutes.get(i).version().equals(version); i--) {
			count++;
		}
		return count;
	}

	/**
	 * The error rate of the last {@code count} minutes served by {@code version} (fewer if it served fewer), all
	 * checkouts together: what the dashboard shows as the release's current error rate. {@code NaN} when the
	 * release served no checkout in them.
	 */
	public static double recentErrorRate(List<MinuteStats> minutes, String version, int count) {
		long requests = 0;
		long errors = 0;
		int taken = 0;
		for (int i = minutes.size() - 1; i >= 0 && taken < count; i--) {
			MinuteStats minute = minutes.get(i);
			if (!minute.version().equals(version)) {
				break; // only the current stint of the release: an earlier install of it is another story
			}
			requests += minute.requests();
			errors += minute.errors();
			taken++;
		}
		return EndpointWindow.errorRate(errors, requests);
	}

}
