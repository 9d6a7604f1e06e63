package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class SimClockTests {

	private static final Instant T0 = Instant.parse("2026-11-26T04:00:00Z");

	private static final LocalDateTime BEFORE = LocalDateTime.of(2026, 11, 24, 13, 59);

	private static final LocalDateTime DEPLOY = LocalDateTime.of(2026, 11, 24, 14, 0);

	/** 13:59 ran from T0 to T0+1s; the deploy and warm-up took 10 s; 14:00 ran from T0+11s to T0+12s. */
	private static SimClock clock() {
		SimClock clock = new SimClock();
		clock.record(BEFORE, T0, T0.plusSeconds(1));
		clock.record(DEPLOY, T0.plusSeconds(11), T0.plusSeconds(12));
		return clock;
	}

	@Test
	void anInstantInsideAMinuteIsItsShareOfTheMinute() {
		assertThat(clock().toSim(T0.plusMillis(500))).isEqualTo(BEFORE.plusSeconds(30));
		assertThat(clock().toSim(T0.plusMillis(11_250))).isEqualTo(DEPLOY.plusSeconds(15));
	}

	@Test
	void anInstantInTheDeployGapIsShownAtTheNextMinuteButIsNotMeasured() {
		SimClock clock = clock();
		Instant warmUp = T0.plusSeconds(6);

		assertThat(clock.toSim(warmUp)).isEqualTo(DEPLOY);
		assertThat(clock.measured(warmUp)).isFalse();
		assertThat(clock.measured(T0.plusMillis(11_500))).isTrue();
		assertThat(clock.measured(T0.minusSeconds(1))).isFalse();
		assertThat(clock.measured(T0.plusSeconds(13))).isFalse();
	}

}
