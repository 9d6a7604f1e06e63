package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.catalog.Expectation;
import io.firedrill.kit.catalog.Expectation.Form;
import io.firedrill.kit.support.Stories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCheckTests {

	/** A replay of v2.4.0 as the story wants it, cut down to what the checks read. */
	private static final String GOOD = """
			{"incident": "release-2.4.0",
			 "summary": {
			   "before": {"version": "v2.3.0", "errorRatePercent": 0.12, "p99Ms": 85.0, "typicalMinuteP99Ms": 60.0},
			   "after": {"version": "v2.4.0", "errorRatePercent": 15.03, "p99Ms": 126.0, "typicalMinuteP99Ms": 110.0}},
			 "jobs": [
			   {"job": "order-retry-job", "at": "13:55", "version": "v2.3.0", "exitCode": 0, "firstError": null},
			   {"job": "order-retry-job", "at": "14:05", "version": "v2.4.0", "exitCode": 1,
			    "firstError": "java.lang.NoSuchMethodError: 'com.acme.payments.ChargeResult charge(...)'"},
			   {"job": "order-retry-job", "at": "14:10", "version": "v2.4.0", "exitCode": 0, "firstError": null},
			   {"job": "refund-processor", "at": "14:10", "version": "v2.4.0", "exitCode": 1,
			    "firstError": "java.lang.NoSuchMethodError: 'refund'"},
			   {"job": "subscription-renewal-job", "at": "Wed 00:00", "version": "v2.4.0", "exitCode": 1,
			    "firstError": "java.lang.NoSuchMethodError: 'charge'"}]}
			""";

	@TempDir
	Path dir;

	@BeforeEach
	void logs() throws IOException {
		Files.createDirectories(this.dir.resolve("logs/jobs"));
		Files.writeString(this.dir.resolve("logs/jobs/refund-processor-v2.4.0.log"),
				"ERROR Refund processing failed\njava.lang.NoSuchMethodError: 'refund'\n");
		Files.writeString(this.dir.resolve("logs/checkout-service-v2.4.0.log"),
				"ERROR ... java.lang.NullPointerException: discount\n");
	}

	@Test
	void everyExpectationOfTheReleaseIncidentHoldsOnAGoodReplay() throws IOException {
		List<ReplayCheck.Line> lines = check(GOOD, Stories.of("release-2.4.0").expect());

		assertThat(lines).allMatch(ReplayCheck.Line::ok);
		assertThat(lines).extracting(ReplayCheck.Line::toString).containsExactly(
				"ok    error rate before the deploy 0.5 % at most (summary.before.errorRatePercent = 0.12, at most 0.50)",
				"ok    error rate after the deploy within 15 +/- 1.5 % (summary.after.errorRatePercent = 15.03,"
						+ " within 13.50 .. 16.50)",
				"ok    p99 of the typical minute up x1.5 at least (60 -> 110: x1.83, at least 1.50)",
				"      p99 of the whole windows (85 -> 126: x1.48, not checked)",
				"ok    all three jobs fail on the new release, of NoSuchMethodError (failed on v2.4.0: order-retry-job,"
						+ " refund-processor, subscription-renewal-job of order-retry-job, refund-processor,"
						+ " subscription-renewal-job)",
				"ok    NoSuchMethodError in the jobs' logs (in 1 log, first logs/jobs/refund-processor-v2.4.0.log)",
				"ok    NullPointerException in checkout-service's log (in 1 log, first"
						+ " logs/checkout-service-v2.4.0.log)");
	}

	@Test
	void aFigureOutsideItsBoundsMisses() throws IOException {
		List<ReplayCheck.Line> lines = check(GOOD.replace("15.03", "12.9"),
				List.of(figure("summary.after.errorRatePercent", 13.5, 16.5)));

		assertThat(lines).singleElement().hasToString(
				"MISS  e (summary.after.errorRatePercent = 12.90, within 13.50 .. 16.50)");
	}

	@Test
	void aMissingFigureMissesAndSaysSo() throws IOException {
		List<ReplayCheck.Line> lines = check(GOOD.replace("\"typicalMinuteP99Ms\": 60.0", "\"typicalMinuteP99Ms\": null"),
				List.of(ratio(1.5)));

		assertThat(lines).singleElement()
			.hasToString("MISS  e (summary.before.typicalMinuteP99Ms is null in replay.json)");
	}

	@Test
	void aPathThatDoesNotExistMissesAndSaysSo() throws IOException {
		assertThat(check(GOOD, List.of(figure("summary.after.nope", 0.0, null)))).singleElement()
			.hasToString("MISS  e (summary.after.nope: not in replay.json)");
		assertThat(check(GOOD, List.of(figure("jobs[9].exitCode", 0.0, null)))).singleElement()
			.hasToString("MISS  e (jobs[9].exitCode: not in replay.json)");
		assertThat(check(GOOD, List.of(figure("summary.after.version", 0.0, null)))).singleElement()
			.hasToString("MISS  e (summary.after.version is not a number in replay.json: \"v2.4.0\")");
	}

	@Test
	void aPathSelectsArrayElementsByIndexOrByAFieldsValue() throws IOException {
		assertThat(check(GOOD, List.of(figure("jobs[1].exitCode", 1.0, 1.0),
				figure("jobs[job=refund-processor].exitCode", 1.0, 1.0)))).allMatch(ReplayCheck.Line::ok);
	}

	@Test
	void aRatioBelowItsBoundMisses() throws IOException {
		assertThat(check(GOOD.replace("110.0", "80.0"), List.of(ratio(1.5)))).singleElement()
			.hasToString("MISS  e (60 -> 80: x1.33, at least 1.50)");
	}

	@Test
	void aTextInNoLogMisses() throws IOException {
		assertThat(check(GOOD, List.of(new Expectation("e", Form.LOG_CONTAINS, null, null, null, null,
				"java.lang.OutOfMemoryError", null, true)))).singleElement()
			.hasToString("MISS  e (in no log under logs/)");
	}

	@Test
	void aJobThatDidNotFailOrDiedOfSomethingElseMisses() throws IOException {
		Expectation all = jobsFailing("order-retry-job", "refund-processor", "subscription-renewal-job");

		assertThat(check(GOOD.replace("\"Wed 00:00\", \"version\": \"v2.4.0\", \"exitCode\": 1",
				"\"Wed 00:00\", \"version\": \"v2.4.0\", \"exitCode\": 0"), List.of(all))).singleElement()
			.satisfies((line) -> assertThat(line.ok()).isFalse())
			.satisfies((line) -> assertThat(line.text()).contains("failed on v2.4.0: order-retry-job, refund-processor of"));
		assertThat(check(GOOD.replace("NoSuchMethodError: 'refund'", "IllegalStateException: 'refund'"), List.of(all)))
			.singleElement()
			.satisfies((line) -> assertThat(line.ok()).isFalse())
			.satisfies((line) -> assertThat(line.text()).endsWith(
					"; not of NoSuchMethodError: refund-processor at 14:10: java.lang.IllegalStateException: 'refund')"));
	}

	@Test
	void aFolderWithoutReplayJsonOrWithBrokenJsonIsBadInput() throws IOException {
		assertThatThrownBy(() -> ReplayCheck.read(this.dir)).isInstanceOf(FiredrillException.class)
			.hasMessageStartingWith("no replay.json in ")
			.satisfies((ex) -> assertThat(((FiredrillException) ex).exitCode()).isEqualTo(ExitCode.INPUT));
		Files.writeString(this.dir.resolve("replay.json"), "{\"summary\": ");
		assertThatThrownBy(() -> ReplayCheck.read(this.dir)).isInstanceOf(FiredrillException.class)
			.hasMessageContaining("is not valid JSON");
	}

	@Test
	void namesTheIncidentItReplayed() throws IOException {
		Files.writeString(this.dir.resolve("replay.json"), GOOD);
		assertThat(ReplayCheck.read(this.dir).incident()).isEqualTo("release-2.4.0");
		Files.writeString(this.dir.resolve("replay.json"), "{\"incident\": null}");
		assertThat(ReplayCheck.read(this.dir).incident()).isNull();
	}

	private List<ReplayCheck.Line> check(String json, List<Expectation> expect) throws IOException {
		Files.writeString(this.dir.resolve("replay.json"), json);
		return ReplayCheck.read(this.dir).check(expect);
	}

	private static Expectation figure(String path, Double atLeast, Double atMost) {
		return new Expectation("e", Form.FIGURE, path, null, atLeast, atMost, null, null, true);
	}

	private static Expectation ratio(double atLeast) {
		return new Expectation("e", Form.RATIO, null,
				List.of("summary.after.typicalMinuteP99Ms", "summary.before.typicalMinuteP99Ms"), atLeast, null, null,
				null, true);
	}

	private static Expectation jobsFailing(String... jobs) {
		return new Expectation("e", Form.JOBS_FAILING, null, null, null, null, null,
				new Expectation.JobsFailing("after", List.of(jobs), "NoSuchMethodError"), true);
	}

}
