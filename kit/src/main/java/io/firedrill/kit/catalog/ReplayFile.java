package io.firedrill.kit.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code replay:} block of {@code incident.yaml} (or of {@code incidents/replay.yaml}) as written; every key may
 * be left out of an incident's block, and is then taken from the catalog's default file. {@link ReplayFacts} checks
 * the merged block. Unknown keys are refused here (a typo in an expectation would otherwise pass in silence).
 */
record ReplayFile(String deploy, Integer minutesBefore, Integer minutesAfter, Traffic traffic, Seeded seeded,
		List<Job> jobs, Live live, List<Expect> expect) {

	/** The whole file, of which only {@code replay:} is read. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Holder(ReplayFile replay) {
	}

	record Traffic(Long seed, Integer checkoutsPerMinute, Integer gatewayLatencyMs, Double shareRoundingUp) {
	}

	record Seeded(Integer subscriptionsDue, List<Long> decliningCustomers, Integer interruptedCheckouts) {
	}

	record Job(String job, Integer everyMinutes, Integer offsetMinutes, List<String> at, String why) {
	}

	record Live(Integer startsMinutesBefore, List<Job> jobs) {
	}

	record Expect(String says, String figure, List<String> ratio, Double atLeast, Double atMost, String logContains,
			JobsFailing jobsFailing, Boolean checked) {
	}

	record JobsFailing(String release, List<String> exactly, String diedOf) {
	}

	/** This block, each key left out taken from {@code defaults}; expectations are never inherited. */
	ReplayFile over(ReplayFile defaults) {
		if (defaults == null) {
			return this;
		}
		return new ReplayFile(pick(this.deploy, defaults.deploy), pick(this.minutesBefore, defaults.minutesBefore),
				pick(this.minutesAfter, defaults.minutesAfter), pick(this.traffic, defaults.traffic),
				pick(this.seeded, defaults.seeded), pick(this.jobs, defaults.jobs), pick(this.live, defaults.live),
				this.expect);
	}

	private static <T> T pick(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
