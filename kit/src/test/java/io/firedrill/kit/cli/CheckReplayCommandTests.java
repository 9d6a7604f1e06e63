package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrill;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.RealClone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckReplayCommandTests {

	private static final String REPLAY = """
			{"incident": "release-2.4.0",
			 "summary": {
			   "before": {"version": "v2.3.0", "errorRatePercent": 0.12, "p99Ms": 85.0, "typicalMinuteP99Ms": 60.0},
			   "after": {"version": "v2.4.0", "errorRatePercent": 15.03, "p99Ms": 126.0, "typicalMinuteP99Ms": 110.0}},
			 "jobs": [
			   {"job": "order-retry-job", "at": "14:05", "version": "v2.4.0", "exitCode": 1, "firstError": "java.lang.NoSuchMethodError: a"},
			   {"job": "refund-processor", "at": "14:10", "version": "v2.4.0", "exitCode": 1, "firstError": "java.lang.NoSuchMethodError: b"},
			   {"job": "subscription-renewal-job", "at": "Wed 00:00", "version": "v2.4.0", "exitCode": 1, "firstError": "java.lang.NoSuchMethodError: c"}]}
			""";

	@TempDir
	Path dir;

	private void replay(String json) throws IOException {
		Files.createDirectories(this.dir.resolve("logs"));
		Files.writeString(this.dir.resolve("logs/all.log"),
				"java.lang.NoSuchMethodError: a\njava.lang.NullPointerException\n");
		Files.writeString(this.dir.resolve("replay.json"), json);
	}

	@Test
	void exitsZeroWhenEveryExpectationOfTheIncidentHolds() throws IOException {
		replay(REPLAY);
		Run run = firedrill(RealClone.root(), "check-replay", this.dir.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.outLines()).hasSize(7).anyMatch((line) -> line.startsWith("ok    error rate after the deploy"));
	}

	@Test
	void exitsSevenWhenAFigureMisses() throws IOException {
		replay(REPLAY.replace("15.03", "9.0"));
		Run run = firedrill(RealClone.root(), "check-replay", this.dir.toString());

		assertThat(run.exitCode()).isEqualTo(7);
		assertThat(run.outLines()).anyMatch((line) -> line.startsWith("MISS  error rate after the deploy"));
	}

	@Test
	void exitsThreeWithoutReplayJsonOrForAnUnknownIncident() throws IOException {
		Run none = firedrill(RealClone.root(), "check-replay", this.dir.toString());
		replay(REPLAY.replace("\"release-2.4.0\"", "\"nope\""));
		Run unknown = firedrill(RealClone.root(), "check-replay", this.dir.toString());

		assertThat(none.exitCode()).isEqualTo(3);
		assertThat(none.errLines()).singleElement().asString().contains("no replay.json in");
		assertThat(unknown.exitCode()).isEqualTo(3);
		assertThat(unknown.errLines()).singleElement().asString().contains("unknown incident 'nope'");
	}

}
