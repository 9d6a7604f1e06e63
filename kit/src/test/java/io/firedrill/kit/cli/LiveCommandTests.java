package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrill;
import static io.firedrill.kit.support.Cli.firedrillIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.catalog.ReplayFacts;
import io.firedrill.kit.live.LiveSession;
import io.firedrill.kit.live.LiveState;
import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import io.firedrill.kit.support.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firedrill live}'s contract: its commands, options, bad input as one line and an exit code. */
class LiveCommandTests {

	@TempDir
	Path dir;

	@Test
	void helpNamesTheCommandsTheDefaultOutFolderAndTheExitCodes() {
		Run run = firedrill(this.dir, "live", "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("Usage: firedrill live")
			.contains("deploy", "rollback", "status", "stop", "--repo", "--port", "--minute-millis",
					LiveCommand.DEFAULT_OUT + " in the current", "Exit codes:", "12");
	}

	@Test
	void theSessionCommandsLookForTheSessionInTheirOutFolderUnderTheCurrentDirectory() throws IOException {
		Path cwd = Files.createDirectories(this.dir.resolve("cwd"));
		for (List<String> command : List.of(List.of("status"), List.of("stop"), List.of("rollback", "--to", "v2.3.0"))) {
			List<String> args = new ArrayList<>(List.of("live"));
			args.addAll(command);
			args.addAll(List.of("--out", "nowhere"));

			Run run = firedrillIn(this.dir, cwd, args.toArray(String[]::new));

			assertThat(run.exitCode()).as(command.get(0)).isEqualTo(ExitCode.NO_SESSION.code());
			assertThat(run.err()).as(command.get(0)).contains("no live session in " + cwd.resolve("nowhere"));
		}
	}

	@Test
	void withoutAnIncidentNorACommandItIsAUsageError() {
		Run run = firedrill(this.dir, "live");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: missing <incident | tag>");
	}

	@Test
	void anUnknownIncidentIsAnInputErrorOnOneLineAndStartsNothing() {
		FakeClone fixture = FakeClone.create(this.dir.resolve("fixture"));

		Run run = firedrill(fixture.root(), "live", "no-such-incident", "--out", this.dir.resolve("out").toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: unknown incident or tag");
		assertThat(this.dir.resolve("out").resolve(LiveState.FILE)).doesNotExist();
	}

	@Test
	void theSessionPlaysTheStoryWithWhatTheOptionsOverride() {
		ReplayFacts story = Stories.of("release-2.5.0");

		LiveSession.Options options = LiveCommand.validated(2000, 40, 0, 7L, story);

		assertThat(options.facts().traffic().seed()).isEqualTo(7L);
		assertThat(options.facts().traffic().checkoutsPerMinute()).isEqualTo(40);
		assertThat(options.minuteLength()).isEqualTo(java.time.Duration.ofSeconds(2));
		assertThat(options.facts().traffic().gatewayLatency()).isEqualTo(story.traffic().gatewayLatency());
		assertThat(options.facts().traffic().shareRoundingUp()).as("what no option overrides stays the story's")
			.isEqualTo(story.traffic().shareRoundingUp())
			.isPositive();
		assertThat(options.facts().deployAt()).isEqualTo(story.deployAt());
	}

	@Test
	void aTooShortMinuteIsAnInputErrorNamingTheOption() {
		Run run = firedrill(this.dir, "live", "release-2.4.0", "--minute-millis", "10");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().contains("--minute-millis must be at least 500");
	}

	@Test
	void aPortOutOfRangeIsAnInputError() {
		Run run = firedrill(this.dir, "live", "release-2.4.0", "--port", "70000");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().contains("--port must be 0");
	}

	@Test
	void deployWantsExactlyOneOfRepoAndRef() {
		Run neither = firedrill(this.dir, "live", "deploy", "--out", this.dir.toString());
		Run both = firedrill(this.dir, "live", "deploy", "--ref", "v2.3.0", "--repo", ".", "--out", this.dir.toString());

		assertThat(neither.exitCode()).isEqualTo(2);
		assertThat(neither.errLines()).singleElement().asString().contains("exactly one of --repo DIR and --ref R");
		assertThat(both.exitCode()).isEqualTo(2);
	}

	@Test
	void rollbackWithoutTargetIsAUsageError() {
		Run run = firedrill(this.dir, "live", "rollback", "--out", this.dir.toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString().contains("--to");
	}

	@Test
	void commandsWithoutASessionSaySoOnOneLineWithExitCode12() {
		for (String command : new String[] { "status", "stop" }) {
			Run run = firedrill(this.dir, "live", command, "--out", this.dir.resolve("none").toString());

			assertThat(run.exitCode()).as(command).isEqualTo(12);
			assertThat(run.errLines()).as(command).singleElement().asString().startsWith("firedrill: no live session in");
		}
	}

	@Test
	void aStateFileWhoseSessionIsGoneIsNoSessionNotAStackTrace() throws Exception {
		Path out = this.dir.resolve("gone");
		Files.createDirectories(out);
		// a port nothing listens on: bound and released by the system a moment ago
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		new LiveState(999_999, port, "token", "release-2.4.0").write(out);

		Run run = firedrill(this.dir, "live", "status", "--out", out.toString());

		assertThat(run.exitCode()).isEqualTo(12);
		assertThat(run.errLines()).singleElement().asString().contains("does not answer");
	}

	@Test
	void aDamagedStateFileIsNoSession() throws Exception {
		Path out = this.dir.resolve("damaged");
		Files.createDirectories(out);
		Files.writeString(out.resolve(LiveState.FILE), "port=12\n");

		Run run = firedrill(this.dir, "live", "deploy", "--ref", "v2.3.0", "--out", out.toString());

		assertThat(run.exitCode()).isEqualTo(12);
		assertThat(run.errLines()).singleElement().asString().contains("is damaged");
	}

	@Test
	void aSecondSessionInTheSameOutIsRefusedAndLeavesTheFirstOnesStateFile() throws Exception {
		FakeClone fixture = FakeClone.create(this.dir.resolve("fixture"));
		Path out = this.dir.resolve("busy");
		Files.createDirectories(out);
		// a running session: this very JVM's pid
		LiveState running = new LiveState(ProcessHandle.current().pid(), 40000, "token", FakeClone.RELEASE);
		running.write(out);

		Run run = firedrill(fixture.root(), "live", FakeClone.RELEASE, "--out", out.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().contains("a live session already runs in");
		assertThat(LiveState.read(out)).contains(running);
	}

}
