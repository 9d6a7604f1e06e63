package io.firedrill.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.support.Stories;
import org.junit.jupiter.api.Test;

/** A {@code replay:} block checked into {@link ReplayFacts} ({@link ReplayBlock}): every form read, bad ones refused. */
class ReplayBlockTests {

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
	void refusesBadBlocksInOneLine() {
		assertBad(ReplayFactsTests.MINIMAL.replace("14:00", "2pm"), "r: replay: deploy: '2026-11-24 2pm' is not yyyy-MM-dd HH:mm");
		assertBad(ReplayFactsTests.MINIMAL.replace("  minutesAfter: 15\n", ""), "r: replay: missing minutesAfter");
		assertBad(ReplayFactsTests.MINIMAL.replace("minutesBefore: 10", "minutesBefore: 0"), "r: replay: minutesBefore must be positive");
		assertBad(ReplayFactsTests.MINIMAL.replace("order-retry-job, everyMinutes: 5, why: \"retries\"}\n  live",
				"order-retry-job, everyMinutes: 5}\n  live"), "r: replay: jobs: order-retry-job: missing why");
		assertBad(ReplayFactsTests.MINIMAL.replace("{job: order-retry-job, everyMinutes: 5, why: \"retries\"}\n  live",
				"{job: Order Retry, everyMinutes: 5, why: \"x\"}\n  live"), "r: replay: jobs: every entry needs job");
		assertBad(ReplayFactsTests.MINIMAL.replace("everyMinutes: 5, why: \"retries\"}]", "at: [\"14:05\"], why: \"r\"}]"),
				"r: replay: live.jobs: order-retry-job: give everyMinutes");
		assertBad(ReplayFactsTests.MINIMAL.replace("seed: 1,", "seed: 1, shareRoundingUp: 1.5,"),
				"r: replay: traffic.shareRoundingUp must be a share from 0 to 1 (was 1.5)");
		assertBad(ReplayFactsTests.MINIMAL.replace("seed: 1,", "sed: 1,"), "r: replay: is not valid: line 5: unknown key 'sed' (known here: checkoutsPerMinute, gatewayLatencyMs, seed, shareRoundingUp)");
		assertBad(ReplayFactsTests.MINIMAL + "  expect:\n    - {says: \"e\", figure: summary.after.x}\n",
				"r: replay: expect #1 (e): needs atLeast or atMost (or checked: false)");
		assertBad(ReplayFactsTests.MINIMAL + "  expect:\n    - {says: \"e\", figure: a.b, logContains: x, atLeast: 1}\n",
				"r: replay: expect #1 (e): give exactly one of figure, ratio, logContains, jobsFailing");
		assertBad(ReplayFactsTests.MINIMAL + "  expect:\n    - {says: \"e\", ratio: [a.b], atLeast: 1}\n",
				"r: replay: expect #1 (e): ratio needs two figure paths");
		assertBad(ReplayFactsTests.MINIMAL + "  expect:\n    - {says: \"e\", figure: a.b, atLeast: 2, atMost: 1}\n",
				"r: replay: expect #1 (e): atLeast is above atMost");
		assertBad(ReplayFactsTests.MINIMAL + "  expect:\n    - {says: \"e\", jobsFailing: {release: later, exactly: []}}\n",
				"r: replay: expect #1 (e): jobsFailing.release must be before or after");
		assertBad(ReplayFactsTests.MINIMAL + "  expect:\n    - {figure: a.b, atMost: 1}\n", "r: replay: expect #1: missing says");
	}

	private static void assertBad(String yaml, String message) {
		assertThatThrownBy(() -> ReplayFactsTests.read(yaml, null)).isInstanceOf(FiredrillException.class)
			.hasMessageStartingWith(message)
			.satisfies((ex) -> assertThat(((FiredrillException) ex).exitCode()).isEqualTo(ExitCode.INPUT))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

}
