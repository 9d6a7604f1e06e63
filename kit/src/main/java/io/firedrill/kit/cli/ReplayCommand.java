package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.ReplayFacts;
import io.firedrill.kit.replay.Replay;
import io.firedrill.kit.replay.ReplayReport;
import io.firedrill.kit.replay.ReplayTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill replay <incident | tag>}: the deploy replayed on the real shop, measured from its metrics. */
@Command(name = "replay",
		description = { "Replay a deploy: run the real shop at v2.3.0 under customer traffic, deploy the release "
				+ "(same database, its migration runs), keep the traffic going, run the jobs on their schedule, and "
				+ "measure what on-call would see from the service's own metrics.",
				"Writes report.html, replay.json, error-rate.svg, latency.svg, logs.md and the logs to --out.",
				"The releases are built once (about a minute each) and cached by tree id." })
final class ReplayCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<incident | tag>",
			description = "An incident id (release-2.4.0), its tag (incident/ungated-discount), the release tag "
					+ "(v2.4.0), or v2.3.0 for a control run without change.")
	private String target;

	@Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default: replay-<id>).")
	private Path out;

	@Option(names = "--for-brief",
			description = "Also write the charts and log excerpts to incidents/<id>/brief-assets/ of this clone, "
					+ "for 'firedrill export' to put next to BRIEF.md (commit them).")
	private boolean forBrief;

	@Option(names = "--minutes-before", paramLabel = "N", description = "Simulated minutes before the deploy (default: the incident's replay.minutesBefore).")
	private Integer minutesBefore;

	@Option(names = "--minutes-after", paramLabel = "N", description = "Simulated minutes after the deploy (default: the incident's replay.minutesAfter).")
	private Integer minutesAfter;

	@Option(names = "--gateway-latency", paramLabel = "MS", description = "How long the payment gateway takes per request; the sandbox is told to take as long (default: the incident's replay.traffic.gatewayLatencyMs).")
	private Long gatewayLatencyMillis;

	@Mixin
	private StoryOverrides story;

	@Option(names = "--minute-millis", paramLabel = "MS", description = "Wall time of a simulated minute (default: ${DEFAULT-VALUE}).")
	private long minuteMillis = Replay.Options.MINUTE_LENGTH.toMillis();

	@Option(names = "--in-flight", paramLabel = "N", description = "Customer sessions in flight at most (default: ${DEFAULT-VALUE}).")
	private int inFlight = Replay.Options.MAX_IN_FLIGHT;

	@Option(names = "--warmup-sessions", paramLabel = "N", description = "Unmeasured customer sessions given to each freshly started release, to measure both with a warm JIT (default: ${DEFAULT-VALUE}).")
	private int warmupSessions = Replay.Options.WARMUP_SESSIONS;

	@Option(names = "--service-jvm-option", paramLabel = "OPT", description = "JVM option for checkout-service (repeatable), e.g. for experiments.")
	private List<String> serviceJvmOptions = new ArrayList<>();

	@Override
	public Integer call() {
		PrintWriter err = this.spec.commandLine().getErr();
		Path cwd = this.parent.workspace().cwd();
		if (isBelow(this.minutesBefore, 1) || isBelow(this.minutesAfter, 1) || isBelow(this.story.checkoutsPerMinute, 1)
				|| this.minuteMillis < 100 || this.inFlight < 1 || this.warmupSessions < 0
				|| this.gatewayLatencyMillis != null && this.gatewayLatencyMillis < 0) {
			throw FiredrillException.input(
					"minutes and checkouts must be positive, --minute-millis at least 100, --gateway-latency not negative");
		}
		try (KitClone clone = this.parent.workspace().openKitClone()) {
			Catalog catalog = Catalog.read(clone);
			try (ReplayTarget replayTarget = ReplayTarget.resolve(clone, catalog, this.target)) {
				return replay(clone, catalog, replayTarget, cwd, err);
			}
		}
	}

	private static boolean isBelow(Integer value, int least) {
		return value != null && value < least;
	}

	/** The story of the catalog, with what the options override for an experiment. */
	private ReplayFacts facts(Catalog catalog, ReplayTarget replayTarget) {
		ReplayFacts facts = catalog.replayFacts(replayTarget.incident());
		ReplayFacts.Traffic traffic = facts.traffic();
		return facts
			.withWindow((this.minutesBefore != null) ? this.minutesBefore : facts.minutesBefore(),
					(this.minutesAfter != null) ? this.minutesAfter : facts.minutesAfter())
			.withTraffic(new ReplayFacts.Traffic(this.story.seed(traffic),
					this.story.checkoutsPerMinute(traffic),
					(this.gatewayLatencyMillis != null) ? Duration.ofMillis(this.gatewayLatencyMillis)
							: traffic.gatewayLatency(),
					traffic.shareRoundingUp()));
	}

	private Integer replay(KitClone clone, Catalog catalog, ReplayTarget replayTarget, Path cwd, PrintWriter err) {
		if (this.forBrief && replayTarget.incident() == null) {
			throw FiredrillException.input("--for-brief needs an incident, not " + this.target);
		}
		Path output = cwd.resolve((this.out != null) ? this.out
				: Path.of("replay-" + ((replayTarget.incident() != null) ? replayTarget.incident().id() : this.target)
					.replaceAll("[^A-Za-z0-9._-]+", "-")))
			.normalize();
		Replay.Options options = new Replay.Options(facts(catalog, replayTarget),
				Duration.ofMillis(this.minuteMillis), this.inFlight, this.warmupSessions,
				List.copyOf(this.serviceJvmOptions));
		Path cacheDir = this.story.cache(cwd);
		err.println("replay " + replayTarget.beforeLabel() + " -> " + replayTarget.afterLabel() + " into " + output);
		err.flush();
		Replay replay = new Replay(options, cacheDir, output, (line) -> {
			err.println(line);
			err.flush();
		});
		Replay.Result result = replay.run(replayTarget);
		ReplayReport report = new ReplayReport(result);
		List<Path> written = report.write(output);
		PrintWriter out = this.spec.commandLine().getOut();
		ReplayReport.Window before = report.before();
		ReplayReport.Window after = report.after();
		out.printf(Locale.ROOT,
				"%s -> %s: error rate %.2f %% -> %.2f %%, p50 %.1f -> %.1f ms, p99 %.1f -> %.1f ms"
						+ " (typical minute %.1f -> %.1f ms)%n",
				before.version(), after.version(), 100 * before.errorRate(), 100 * after.errorRate(),
				before.p50Millis(), after.p50Millis(), before.p99Millis(), after.p99Millis(),
				before.typicalMinuteP99Millis(), after.typicalMinuteP99Millis());
		result.jobs().forEach((run) -> out.printf(Locale.ROOT, "  %-9s %-25s %-26s exit %d%n", run.at(), run.job(),
				run.version(), run.exitCode()));
		out.printf(Locale.ROOT, "replay took %.1f s (builds %s); report: %s%n",
				Replay.seconds(result.timings().get("total")),
				result.timings().entrySet().stream().filter((t) -> t.getKey().startsWith("build."))
					.anyMatch((t) -> !t.getValue().isZero()) ? "included" : "cached",
				written.stream().filter((p) -> p.getFileName().toString().equals("report.html")).findFirst().orElseThrow());
		if (this.forBrief) {
			Path assets = clone.root().resolve(replayTarget.incident().folder()).resolve("brief-assets");
			report.writeBriefAssets(assets);
			out.println("brief assets: " + assets + " (commit them; 'firedrill export' puts them next to BRIEF.md)");
		}
		out.flush();
		if (!Files.isRegularFile(output.resolve("report.html"))) {
			throw new FiredrillException(ExitCode.SHOP, "no report written to " + output);
		}
		return ExitCode.DONE.code();
	}

}
