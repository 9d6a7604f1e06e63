package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.replay.Replay.Minute;
import io.firedrill.kit.replay.ReplayReport.Window;
import io.firedrill.kit.replay.Scrape.EndpointWindow;
import org.junit.jupiter.api.Test;

class ReplayWindowTests {

	private static Minute minute(int index, long fastCheckouts, long slowCheckouts) {
		// ScrapeTests' exposition: "ok" checkouts, of which "okFast" at or under 2 ms, the others under 10 ms
		String text = ScrapeTests.exposition(fastCheckouts + slowCheckouts, fastCheckouts, 0, 0, 1e9);
		EndpointWindow checkout = Scrape.parse(text).since(Scrape.EMPTY, "POST", "/api/checkout");
		return new Minute(LocalDateTime.of(2026, 11, 24, 13, 50).plusMinutes(index), "v2.3.0", checkout,
				EndpointWindow.EMPTY, EndpointWindow.EMPTY,
				new LoadDriver.MinuteOutcome(Map.of(), 0, 0, Duration.ofSeconds(1)), Map.of());
	}

	@Test
	void oneSlowMinuteMovesTheWindowsP99ButNotTheTypicalMinutes() {
		List<Minute> minutes = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			minutes.add(minute(i, 80, 0));
		}
		minutes.add(minute(9, 0, 80));

		Window window = Window.of(minutes);

		// 720 fast and 80 slow: the 792nd of 800 lies among the slow ones
		assertThat(window.p99Millis()).isCloseTo(9.2, within(0.01));
		assertThat(window.typicalMinuteP99Millis()).isCloseTo(1.98, within(0.01));
	}

	@Test
	void theTypicalMinuteOfAnEvenCountIsTheMeanOfTheTwoMiddleOnes() {
		assertThat(Window.median(new double[] { 40, 10, 30, 20 })).isEqualTo(25);
		assertThat(Window.median(new double[] { 3, 1, 2 })).isEqualTo(2);
	}

	@Test
	void minutesWithoutCheckoutsHaveNoP99ToCount() {
		Window window = Window.of(List.of(minute(0, 0, 0), minute(1, 80, 0), minute(2, 80, 0)));

		assertThat(window.typicalMinuteP99Millis()).isCloseTo(1.98, within(0.01));
		assertThat(Window.of(List.of()).typicalMinuteP99Millis()).isNaN();
	}

}
