package io.firedrill.kit.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class LiveScheduleTests {

	private static final LocalDateTime HOUR = LocalDateTime.of(2026, 11, 24, 14, 0);

	@Test
	void theRetryJobEveryFiveMinutesTheRefundsEveryTenTheRenewalsOnceAnHour() {
		int retries = 0;
		int refunds = 0;
		int renewals = 0;
		for (int minute = 0; minute < 60; minute++) {
			for (String job : LiveSchedule.dueAt(HOUR.plusMinutes(minute))) {
				switch (job) {
					case LiveSchedule.RETRY -> retries++;
					case LiveSchedule.REFUNDS -> refunds++;
					case LiveSchedule.RENEWALS -> renewals++;
					default -> throw new AssertionError(job);
				}
			}
		}
		assertThat(retries).isEqualTo(12);
		assertThat(refunds).isEqualTo(6);
		assertThat(renewals).isEqualTo(1);
	}

	@Test
	void noTwoJobsAreDueInTheSameMinute() {
		// the session runs one job at a time: two due together would always skip one
		for (int minute = 0; minute < 24 * 60; minute++) {
			assertThat(LiveSchedule.dueAt(HOUR.plusMinutes(minute))).hasSizeLessThanOrEqualTo(1);
		}
	}

}
