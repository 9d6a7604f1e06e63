package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.ReplayFacts;
import io.firedrill.kit.live.LiveSession;
import io.firedrill.kit.live.LiveState;
import io.firedrill.kit.replay.Replay;
import io.firedrill.kit.replay.ReplayTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill live <incident>}: the incident running, with a dashboard, for a pair interview. */
@Command(name = "live",
		description = { "Run an incident live for a pair interview: the real shop at v2.3.0, then the incident's release deployed on it (or --repo), on this"
				+ " machine's loopback, continuous customer traffic on a compressed clock, the jobs on their schedule,"
				+ " and a dashboard (error rate, p50, p99 per simulated minute from the service's own metrics, deploy"
				+ " and rollback markers, the jobs' last runs, the latest ERROR lines).",
				"This process owns the session until Ctrl-C or 'firedrill live stop'; 'live deploy', 'live rollback'"
						+ " and 'live status' talk to it through " + LiveState.FILE + " in --out.",
				"The database and the logs stay in --out afterwards; a new session in the same --out replaces them." },
		subcommands = { LiveDeployCommand.class, LiveRollbackCommand.class, LiveStatusCommand.class,
				LiveStopCommand.class })
final class LiveCommand implements Callable<Integer> {

	/** Where a session keeps its state, database and logs unless told. */
	static final String DEFAULT_OUT = "firedrill-live";

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<incident | tag>", arity = "0..1",
			description = "An incident id (release-2.4.0), its tag, or its release tag (v2.4.0).")
	private String incident;

	@Option(names = "--repo", paramLabel = "DIR",
			description = "Deploy the HEAD commit of this git repository (a candidate's, committed) instead of the incident's release.")
	private Path repo;

	@Option(names = "--out", paramLabel = "DIR", description = "State file, database and logs (default: " + DEFAULT_OUT + " in the current directory).")
	private Path out;

	@Option(names = "--port", paramLabel = "N", description = "Loopback port of the dashboard (default: a free one).")
	private int port;

	@Mixin
	private StoryOverrides story;

	@Option(names = "--minute-millis", paramLabel = "MS", description = "Wall time of a simulated minute (default: ${DEFAULT-VALUE}).")
	private long minuteMillis = LiveSession.Options.MINUTE_LENGTH.toMillis();

	@Option(names = "--minutes-before", paramLabel = "N", description = "Simulated minutes on v2.3.0 before the incident's release is deployed (default: the incident's replay.live.startsMinutesBefore).")
	private Integer minutesBefore;

	@Override
	public Integer call() throws Exception {
		if (this.incident == null) {
			throw new ParameterException(this.spec.commandLine(),
					"missing <incident | tag> (or a command: deploy, rollback, status, stop)");
		}
		if (this.minutesBefore != null && this.minutesBefore < 0) {
			throw FiredrillException.input("--minutes-before must not be negative (was " + this.minutesBefore + ")");
		}
		check(this.minuteMillis, (this.story.checkoutsPerMinute != null) ? this.story.checkoutsPerMinute : 1, this.port);
		Path cwd = this.parent.workspace().cwd();
		Path output = outOf(this.parent, this.out);
		PrintWriter stdout = this.spec.commandLine().getOut();
		KitClone kit = this.parent.workspace().openKitClone();
		Catalog catalog;
		try {
			catalog = Catalog.read(kit);
		}
		catch (RuntimeException ex) {
			kit.close();
			throw ex;
		}
		try (KitClone clone = kit;
				ReplayTarget target = ReplayTarget.resolve(clone, catalog, this.incident)) {
			ReplayFacts facts = catalog.replayFacts(target.incident());
			LiveSession.Options options = validated(this.minuteMillis,
					this.story.checkoutsPerMinute(facts.traffic()), this.port, this.story.seed(facts.traffic()), facts);
			int before = (this.minutesBefore != null) ? this.minutesBefore : facts.live().startsMinutesBefore();
			runSession(clone, target, facts, options, output, cwd, stdout, before);
		}
		return ExitCode.DONE.code();
	}

	private void runSession(KitClone clone, ReplayTarget target, ReplayFacts facts, LiveSession.Options options,
			Path output, Path cwd, PrintWriter stdout, int minutesBefore) throws Exception {
		try (LiveSession session = new LiveSession(options, output,
						this.story.cache(cwd), clone, target,
						(line) -> {
							stdout.println(line);
							stdout.flush();
						})) {
			// Ctrl-C: the replay's hook ends the processes; this one also ends the traffic and the dashboard
			Thread hook = new Thread(session::close, "firedrill-live-stop");
			Runtime.getRuntime().addShutdownHook(hook);
			LiveState state = session.start((this.repo != null) ? cwd.resolve(this.repo) : null, minutesBefore);
			stdout.println("live: " + this.incident + " running; dashboard " + state.dashboard());
			stdout.flush();
			session.awaitStop();
			stdout.println("live session stopped; database and logs in " + output);
			stdout.flush();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// already shutting down
			}
		}
	}

	/**
	 * The session's options, checked.
	 * @throws FiredrillException (input) naming the bad value
	 */
	static void check(long minuteMillis, int checkoutsPerMinute, int port) {
		if (minuteMillis < 500) {
			throw FiredrillException.input("--minute-millis must be at least 500 (was " + minuteMillis + ")");
		}
		if (checkoutsPerMinute < 1) {
			throw FiredrillException.input("--checkouts-per-minute must be positive (was " + checkoutsPerMinute + ")");
		}
		if (port < 0 || port > 65535) {
			throw FiredrillException.input("--port must be 0 (a free one) to 65535 (was " + port + ")");
		}
	}

	/** The session's options: the story, its traffic with what the options override. */
	static LiveSession.Options validated(long minuteMillis, int checkoutsPerMinute, int port, long seed,
			ReplayFacts facts) {
		check(minuteMillis, checkoutsPerMinute, port);
		ReplayFacts.Traffic traffic = facts.traffic();
		ReplayFacts played = facts.withTraffic(new ReplayFacts.Traffic(seed, checkoutsPerMinute,
				traffic.gatewayLatency(), traffic.shareRoundingUp()));
		return new LiveSession.Options(played, Duration.ofMillis(minuteMillis), Replay.Options.MAX_IN_FLIGHT, port);
	}

	/** The {@code firedrill} command, for the subcommands' workspace. */
	FiredrillCommand root() {
		return this.parent;
	}

	static Path outOf(FiredrillCommand root, Path out) {
		return root.workspace().cwd().resolve((out != null) ? out : Path.of(DEFAULT_OUT)).normalize();
	}

}
