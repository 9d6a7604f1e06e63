package io.firedrill.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
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

	private static final String MINIMAL = """
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
	void readsTheExpectationsInEachForm() {
		List<Expectation> expect = Stories.of("release-2.4.0").expect();

		assertThat(expect).extracting(Expectation::form).contains(Expectation.Form.FIGURE, Expectation.Form.RATIO,
				Expectation.Form.LOG_CONTAINS, Expectation.Form.JOBS_FAILING);
		assertThat(expect).filteredOn((e) -> e.form() == Expectation.Form.JOBS_FAILING).singleElement()
			.satisfies((e) -> assertThat(e.jobsFailing()).isEqualTo(new Expectation.JobsFailing("after",
					List.of("order-retry-job", "refund-processor", "subscription-renewal-job"), "NoSuchMethodError")));
		assertThat(expect).filteredOn((e) -> !e.checked()).singleElement()
			.satisfies((e) -> assertThat(e.ratio()).containsExactly("summary.after.p99Ms", "summary.before.p99Ms"));
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

	@Test
	void refusesBadBlocksInOneLine() {
		assertBad(MINIMAL.replace("14:00", "2pm"), "r: replay: deploy: '2026-11-24 2pm' is not yyyy-MM-dd HH:mm");
		assertBad(MINIMAL.replace("  minutesAfter: 15\n", ""), "r: replay: missing minutesAfter");
		assertBad(MINIMAL.replace("minutesBefore: 10", "minutesBefore: 0"), "r: replay: minutesBefore must be positive");
		assertBad(MINIMAL.replace("order-retry-job, everyMinutes: 5, why: \"retries\"}\n  live",
				"order-retry-job, everyMinutes: 5}\n  live"), "r: replay: jobs: order-retry-job: missing why");
		assertBad(MINIMAL.replace("{job: order-retry-job, everyMinutes: 5, why: \"retries\"}\n  live",
				"{job: Order Retry, everyMinutes: 5, why: \"x\"}\n  live"), "r: replay: jobs: every entry needs job");
		assertBad(MINIMAL.replace("everyMinutes: 5, why: \"retries\"}]", "at: [\"14:05\"], why: \"r\"}]"),
				"r: replay: live.jobs: order-retry-job: give everyMinutes");
		assertBad(MINIMAL.replace("seed: 1,", "seed: 1, shareRoundingUp: 1.5,"),
				"r: replay: traffic.shareRoundingUp must be a share from 0 to 1 (was 1.5)");
		assertBad(MINIMAL.replace("seed: 1,", "sed: 1,"), "r: replay: is not valid: line 5: unknown key 'sed' (known here: checkoutsPerMinute, gatewayLatencyMs, seed, shareRoundingUp)");
		assertBad(MINIMAL + "  expect:\n    - {says: \"e\", figure: summary.after.x}\n",
				"r: replay: expect #1 (e): needs atLeast or atMost (or checked: false)");
		assertBad(MINIMAL + "  expect:\n    - {says: \"e\", figure: a.b, logContains: x, atLeast: 1}\n",
				"r: replay: expect #1 (e): give exactly one of figure, ratio, logContains, jobsFailing");
		assertBad(MINIMAL + "  expect:\n    - {says: \"e\", ratio: [a.b], atLeast: 1}\n",
				"r: replay: expect #1 (e): ratio needs two figure paths");
		assertBad(MINIMAL + "  expect:\n    - {says: \"e\", figure: a.b, atLeast: 2, atMost: 1}\n",
				"r: replay: expect #1 (e): atLeast is above atMost");
		assertBad(MINIMAL + "  expect:\n    - {says: \"e\", jobsFailing: {release: later, exactly: []}}\n",
				"r: replay: expect #1 (e): jobsFailing.release must be before or after");
		assertBad(MINIMAL + "  expect:\n    - {figure: a.b, atMost: 1}\n", "r: replay: expect #1: missing says");
	}

	private static ReplayFacts read(String yaml, byte[] defaults) {
		return ReplayFacts.read(yaml.getBytes(StandardCharsets.UTF_8), defaults, "r: ");
	}

	private static void assertBad(String yaml, String message) {
		assertThatThrownBy(() -> read(yaml, null)).isInstanceOf(FiredrillException.class)
			.hasMessageStartingWith(message)
			.satisfies((ex) -> assertThat(((FiredrillException) ex).exitCode()).isEqualTo(ExitCode.INPUT))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

}
