package io.firedrill.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.ReplayFacts.JobAt;
import io.firedrill.kit.support.RealClone;
import io.firedrill.kit.support.Stories;
import org.junit.jupiter.api.Test;

class ReplayFactsTests {

	private static final LocalDateTime DEPLOY = LocalDateTime.of(2026, 11, 24, 14, 0);

	/** What {@code Replay.schedule} produced before the story moved to the catalog (computed from that code). */
	private static final List<JobAt> SCHEDULE_OF_THE_JAVA_CODE = List.of(
			new JobAt(DEPLOY.minusMinutes(5), "order-retry-job"), new JobAt(DEPLOY.minusMinutes(5), "refund-processor"),
			new JobAt(DEPLOY.plusMinutes(5), "order-retry-job"), new JobAt(DEPLOY.plusMinutes(10), "order-retry-job"),
			new JobAt(DEPLOY.plusMinutes(10), "refund-processor"),
			new JobAt(LocalDateTime.of(2026, 11, 25, 0, 0), "subscription-renewal-job"));

	/** The smallest valid block. */
	static final String MINIMAL = """
			replay:
			  deploy: "2026-11-24 14:00"
			  minutesBefore: 10
			  minutesAfter: 15
			  traffic: {seed: 1, checkoutsPerMinute: 80, gatewayLatencyMs: 50}
			  seeded: {subscriptionsDue: 12, decliningCustomers: [90001]}
			  jobs:
			    - {job: order-retry-job, everyMinutes: 5, why: "retries"}
			  live:
			    startsMinutesBefore: 5
			    jobs: [{job: order-retry-job, everyMinutes: 5, why: "retries"}]
			""";

	@Test
	void theReleaseIncidentsStoryIsTheOneTheReplayCodeTold() {
		ReplayFacts facts = Stories.of("release-2.4.0");

		assertThat(facts.deployAt()).isEqualTo(DEPLOY);
		assertThat(facts.minutesBefore()).isEqualTo(10);
		assertThat(facts.minutesAfter()).isEqualTo(15);
		assertThat(facts.traffic()).isEqualTo(new ReplayFacts.Traffic(20261124L, 80, Duration.ofMillis(50)));
		assertThat(facts.seeded().subscriptionsDue()).isEqualTo(12);
		assertThat(facts.seeded().decliningCustomers()).containsExactly(90_001L, 90_002L, 90_003L);
		assertThat(facts.jobs()).allSatisfy((rule) -> assertThat(rule.why()).isNotBlank());
	}

	@Test
	void theScheduleFromTheYamlIsTheScheduleTheJavaCodeProduced() {
		assertThat(Stories.of("release-2.4.0").schedule()).isEqualTo(SCHEDULE_OF_THE_JAVA_CODE);
		assertThat(Stories.defaults().schedule()).isEqualTo(SCHEDULE_OF_THE_JAVA_CODE);
	}

	@Test
	void aLongerWindowRunsTheRetryJobOnEveryFiveMinuteMarkInsideIt() {
		List<JobAt> schedule = Stories.of("release-2.4.0").withWindow(20, 15).schedule();

		assertThat(schedule).filteredOn((run) -> run.job().equals("order-retry-job")).extracting(JobAt::at)
			.containsExactly(DEPLOY.minusMinutes(15), DEPLOY.minusMinutes(10), DEPLOY.minusMinutes(5),
					DEPLOY.plusMinutes(5), DEPLOY.plusMinutes(10));
	}

	@Test
	void theLiveScheduleRunsTheRetryJobEveryFiveMinutesTheRefundsEveryTenTheRenewalsHourlyNeverTwoAtOnce() {
		ReplayFacts.Live live = Stories.of("release-2.4.0").live();
		List<String> hour = new ArrayList<>();
		for (int minute = 0; minute < 24 * 60; minute++) {
			List<String> due = live.dueAt(DEPLOY.plusMinutes(minute));
			assertThat(due).hasSizeLessThanOrEqualTo(1);
			if (minute < 60) {
				hour.addAll(due);
			}
		}

		assertThat(live.startsMinutesBefore()).isEqualTo(5);
		assertThat(hour).filteredOn("order-retry-job"::equals).hasSize(12);
		assertThat(hour).filteredOn("refund-processor"::equals).hasSize(6);
		assertThat(hour).filteredOn("subscription-renewal-job"::equals).hasSize(1);
		assertThat(live.dueAt(DEPLOY.plusMinutes(7))).containsExactly("refund-processor");
		assertThat(live.dueAt(DEPLOY.plusMinutes(33))).containsExactly("subscription-renewal-job");
	}

	@Test
	void anIncidentsBlockTakesWhatItLeavesOutFromTheDefaultsButNotTheirExpectations() {
		byte[] defaults = (MINIMAL + """
				  expect:
				    - {says: "x", logContains: "y"}
				""").getBytes(StandardCharsets.UTF_8);
		ReplayFacts facts = read("replay:\n  minutesAfter: 20\n", defaults);

		assertThat(facts.minutesAfter()).isEqualTo(20);
		assertThat(facts.minutesBefore()).isEqualTo(10);
		assertThat(facts.expect()).isEmpty();
	}

	@Test
	void theRealCatalogGivesTheDemoIncidentAndTheDefaultStoryOfABareTag() {
		try (KitClone clone = RealClone.open()) {
			Catalog catalog = Catalog.read(clone);

			assertThat(catalog.demoIncident().id()).isEqualTo("release-2.4.0");
			assertThat(catalog.replayFacts(null).expect()).isEmpty();
			assertThat(catalog.replayFacts(catalog.get("release-2.4.0"))).isEqualTo(Stories.of("release-2.4.0"));
			assertThat(catalog.replayFacts(catalog.get("ungated-discount"))).isEqualTo(catalog.replayFacts(null));
			assertThat(catalog.replayFacts(catalog.get("release-2.5.0")).traffic().shareRoundingUp()).isEqualTo(0.6);
			assertThat(catalog.replayFacts(null).traffic().shareRoundingUp()).isZero();
			// every incident names the problems of its hint ladder, the scorecard's hint rows
			assertThat(catalog.incidents()).allSatisfy((incident) -> assertThat(incident.hintProblems()).isNotEmpty());
			assertThat(catalog.get("release-2.6.0").hintProblems()).containsExactly("double-charge");
		}
	}

	static ReplayFacts read(String yaml, byte[] defaults) {
		return ReplayFacts.read(yaml.getBytes(StandardCharsets.UTF_8), defaults, "r: ");
	}

}
