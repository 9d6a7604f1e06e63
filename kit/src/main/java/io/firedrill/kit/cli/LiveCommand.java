package io.firedrill.kit.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.ReplayFacts;
import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.ShopSources;
import io.firedrill.kit.live.LiveClient;
import io.firedrill.kit.live.LiveSession;
import io.firedrill.kit.live.LiveState;
import io.firedrill.kit.replay.Replay;
import io.firedrill.kit.replay.ReplayTarget;
import io.firedrill.kit.rollback.Databases;
import io.firedrill.kit.rollback.RollbackCheck;
import io.firedrill.kit.rollback.RollbackReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firedrill live <incident>}: the incident running, with a dashboard, for a pair interview. */
@Command(name = "live",
		description = { "Run an incident live for a pair interview: the real shop at v2.3.0, then the incident's release deployed on it (or --repo), on this"
				+ " machine's loopback, continuous customer traffic on a compressed clock, the jobs on their schedule,"
				+ " and a dashboard (error rate, p50, p99 per simulated minute from the service's own metrics, deploy"
				+ " and rollback markers, the jobs' last runs, the latest ERROR lines).",
				"This process owns the session until Ctrl-C or 'firedrill live stop'; 'live deploy', 'live rollback'"
						+ " and 'live status' talk to it through " + LiveState.FILE + " in --out.",
				"The database and the logs stay in --out afterwards; a new session in the same --out replaces them." },
		subcommands = { LiveCommand.Deploy.class, LiveCommand.Rollback.class, LiveCommand.Status.class,
				LiveCommand.Stop.class })
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

	@Option(names = "--minute-millis", paramLabel = "MS", description = "Wall time of a simulated minute (default: ${DEFAULT-VALUE}).")
	private long minuteMillis = LiveSession.Options.MINUTE_LENGTH.toMillis();

	@Option(names = "--minutes-before", paramLabel = "N", description = "Simulated minutes on v2.3.0 before the incident's release is deployed (default: the incident's replay.live.startsMinutesBefore).")
	private Integer minutesBefore;

	@Option(names = "--checkouts-per-minute", paramLabel = "N", description = "Checkouts per simulated minute (default: the incident's replay.traffic.checkoutsPerMinute).")
	private Integer checkoutsPerMinute;

	@Option(names = "--seed", paramLabel = "N", description = "Seed of the customer traffic (default: the incident's replay.traffic.seed).")
	private Long seed;

	@Option(names = "--cache", paramLabel = "DIR", description = "Cache of built releases (default: $FIREDRILL_CACHE or ~/.cache/firedrill).")
	private Path cache;

	@Override
	public Integer call() throws Exception {
		if (this.incident == null) {
			throw new ParameterException(this.spec.commandLine(),
					"missing <incident | tag> (or a command: deploy, rollback, status, stop)");
		}
		if (this.minutesBefore != null && this.minutesBefore < 0) {
			throw FiredrillException.input("--minutes-before must not be negative (was " + this.minutesBefore + ")");
		}
		check(this.minuteMillis, (this.checkoutsPerMinute != null) ? this.checkoutsPerMinute : 1, this.port);
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
					(this.checkoutsPerMinute != null) ? this.checkoutsPerMinute : facts.traffic().checkoutsPerMinute(),
					this.port, (this.seed != null) ? this.seed : facts.traffic().seed(), facts);
			int before = (this.minutesBefore != null) ? this.minutesBefore : facts.live().startsMinutesBefore();
			runSession(clone, target, facts, options, output, cwd, stdout, before);
		}
		return ExitCode.DONE.code();
	}

	private void runSession(KitClone clone, ReplayTarget target, ReplayFacts facts, LiveSession.Options options,
			Path output, Path cwd, PrintWriter stdout, int minutesBefore) throws Exception {
		try (LiveSession session = new LiveSession(options, facts, output,
						(this.cache != null) ? cwd.resolve(this.cache) : Replay.defaultCache(), clone, target,
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

	/** The session's options: the story's traffic with what the options override. */
	static LiveSession.Options validated(long minuteMillis, int checkoutsPerMinute, int port, long seed,
			ReplayFacts facts) {
		check(minuteMillis, checkoutsPerMinute, port);
		LiveSession.Options story = LiveSession.Options.of(facts);
		return new LiveSession.Options(seed, checkoutsPerMinute, Duration.ofMillis(minuteMillis), story.maxInFlight(),
				story.gatewayLatency(), port);
	}

	static Path outOf(FiredrillCommand root, Path out) {
		return root.workspace().cwd().resolve((out != null) ? out : Path.of(DEFAULT_OUT)).normalize();
	}

	/** {@code firedrill live deploy}: build a release and stop-start the shop on it, on the same database. */
	@Command(name = "deploy", description = { "Build a release and install it in the running session: stop the"
			+ " processes, start the new ones on the same database. A build that fails leaves the running release"
			+ " in place (exit 11)." })
	static final class Deploy implements Callable<Integer> {

		@ParentCommand
		private LiveCommand live;

		@Spec
		private CommandSpec spec;

		@Option(names = "--repo", paramLabel = "DIR", description = "The HEAD commit of this git repository (commit first).")
		private Path repo;

		@Option(names = "--ref", paramLabel = "R", description = "v2.3.0, the incident's release, or a ref of the firedrill clone.")
		private String ref;

		@Mixin
		private LiveSessionFolder session;

		@Override
		public Integer call() {
			if ((this.repo == null) == (this.ref == null)) {
				throw new ParameterException(this.spec.commandLine(), "give exactly one of --repo DIR and --ref R");
			}
			Path cwd = this.live.parent.workspace().cwd();
			if (this.repo != null && !Files.isDirectory(cwd.resolve(this.repo))) {
				throw FiredrillException.input("--repo " + this.repo + " is not a directory");
			}
			LiveClient client = this.session.client(this.live.parent);
			String answer = client.install("deploy", this.ref, (this.repo != null) ? cwd.resolve(this.repo) : null);
			this.spec.commandLine().getOut().println(answer);
			this.spec.commandLine().getOut().flush();
			return ExitCode.DONE.code();
		}

	}

	/** {@code firedrill live rollback --to R}: what rollback-check says, then the rollback if forced or confirmed. */
	@Command(name = "rollback", description = { "Roll the running session back to an older release. First prints"
			+ " what 'firedrill rollback-check' says about it (on H2, the session's database); rolls back only"
			+ " with --force or a 'yes' at the prompt. Unsafe and not confirmed: nothing changes (exit 9)." })
	static final class Rollback implements Callable<Integer> {

		@ParentCommand
		private LiveCommand live;

		@Spec
		private CommandSpec spec;

		@Option(names = "--to", paramLabel = "R", required = true, description = "The release to roll back to (v2.3.0).")
		private String to;

		@Option(names = "--force", description = "Roll back whatever rollback-check says, without asking.")
		private boolean force;

		@Option(names = "--skip-check", description = "Do not run rollback-check first (it takes about a minute).")
		private boolean skipCheck;

		@Mixin
		private LiveSessionFolder session;

		@Override
		public Integer call() throws Exception {
			PrintWriter stdout = this.spec.commandLine().getOut();
			LiveClient client = this.session.client(this.live.parent);
			String from = client.status().path("source").asString();
			boolean unsafe = false;
			if (!this.skipCheck) {
				stdout.println("rollback-check --from " + from + " --to " + this.to + " --db h2 (about a minute)...");
				stdout.flush();
				unsafe = check(from, stdout);
			}
			if (!this.force) {
				if (System.console() == null) {
					throw new FiredrillException(unsafe ? ExitCode.UNSAFE : ExitCode.INPUT, "not rolled back"
							+ (unsafe ? " (rollback-check says unsafe)" : "") + ": pass --force, or run it in a terminal"
							+ " to be asked");
				}
				stdout.print("roll back to " + this.to + (unsafe ? " although rollback-check says it is UNSAFE" : "")
						+ "? [y/N] ");
				stdout.flush();
				String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
				if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
					stdout.println("not rolled back");
					stdout.flush();
					return unsafe ? ExitCode.UNSAFE.code() : ExitCode.DONE.code();
				}
			}
			stdout.println(client.install("rollback", this.to, null));
			stdout.flush();
			return ExitCode.DONE.code();
		}

		/** Prints rollback-check's report; whether it found the rollback unsafe. */
		private boolean check(String from, PrintWriter stdout) throws Exception {
			Path cwd = this.live.parent.workspace().cwd();
			Path work = Files.createTempDirectory("firedrill-live-rollback-");
			try (KitClone clone = this.live.parent.workspace().openKitClone();
					ShopCheckout newer = ShopSources.open(clone, from, cwd);
					ShopCheckout older = ShopSources.open(clone, this.to, cwd)) {
				RollbackCheck.Result result = RollbackCheck.run(newer, older, List.of(Databases.Kind.H2), work);
				RollbackReport.print(stdout, result);
				stdout.flush();
				return result.unsafe();
			}
			catch (IllegalStateException ex) {
				stdout.println("rollback-check: no verdict: " + FiredrillCommand.oneLine(ex.getMessage()));
				return false;
			}
			finally {
				Folders.deleteQuietly(work);
			}
		}

	}

	/** {@code firedrill live status}: the session's installed release and current figures. */
	@Command(name = "status", description = "Print the running session's release, error rate and jobs, in one screen.")
	static final class Status implements Callable<Integer> {

		@ParentCommand
		private LiveCommand live;

		@Spec
		private CommandSpec spec;

		@Mixin
		private LiveSessionFolder session;

		@Override
		public Integer call() {
			LiveClient client = this.session.client(this.live.parent);
			JsonNode state = client.status();
			PrintWriter stdout = this.spec.commandLine().getOut();
			JsonNode current = state.path("current");
			stdout.printf(Locale.ROOT, "%s: %s installed (%s), simulated %s; error rate over the last %d min: %s%n",
					state.path("incident").asString(), state.path("release").asString(), state.path("activity").asString(),
					state.path("simTime").asString(), current.path("window").asInt(),
					current.path("errorRate").isNull() ? "no checkout yet"
							: String.format(Locale.ROOT, "%.2f %%", 100 * current.path("errorRate").asDouble()));
			stdout.println("dashboard: " + client.state().dashboard() + "  checkout-service: http://127.0.0.1:"
					+ state.path("servicePort").asInt() + "/");
			for (JsonNode job : state.path("jobs")) {
				stdout.printf(Locale.ROOT, "  %-25s last run %-9s %-16s exit %d%n", job.path("job").asString(),
						job.path("at").asString(), job.path("version").asString(), job.path("exitCode").asInt());
			}
			stdout.flush();
			return ExitCode.DONE.code();
		}

	}

	/** {@code firedrill live stop}: end the session; its database and logs stay. */
	@Command(name = "stop", description = "End the running session and every process it started; the database and logs stay in --out.")
	static final class Stop implements Callable<Integer> {

		@ParentCommand
		private LiveCommand live;

		@Spec
		private CommandSpec spec;

		@Mixin
		private LiveSessionFolder session;

		@Override
		public Integer call() throws InterruptedException {
			Path output = this.session.folder(this.live.parent);
			LiveClient client = LiveClient.of(output);
			long pid = client.state().pid();
			client.stop();
			// wait for the session to have ended its processes, so that no port is left when this returns
			ProcessHandle.of(pid).ifPresent((handle) -> {
				try {
					handle.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					// reported below
				}
			});
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			this.spec.commandLine().getOut().println(alive ? "asked the session (pid " + pid + ") to stop; it is still ending"
					: "live session stopped; database and logs in " + output);
			this.spec.commandLine().getOut().flush();
			return ExitCode.DONE.code();
		}

	}

}
