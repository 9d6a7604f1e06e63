package io.firedrill.kit.replay;

import static io.firedrill.kit.support.ExtraJobClone.INCIDENT;
import static io.firedrill.kit.support.ExtraJobClone.KNOWN_JOB;
import static io.firedrill.kit.support.ExtraJobClone.NEW_JOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.ReplayFacts;
import io.firedrill.kit.shop.Processes;
import io.firedrill.kit.support.ExtraJobClone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11's promise that adding a job to the shop is a change to the shop only, for the replay: a story's
 * {@code jobs:} entry naming a job no class of the kit names ({@value ExtraJobClone#NEW_JOB}) is built, scheduled,
 * run and reported. {@code cli.ExtraJobCommandsTests} has export and guardrails.
 * <p>
 * As deep as a replay goes without checkout-service, a Spring Boot application that a tiny shop does not have (a
 * real replay of the real shop with a fourth job would add two uncached builds and 70 s of traffic, over three
 * minutes, to verify): the release builds of the replay's cache, the story's schedule, the gate a scheduled job
 * passes, the host's job runs, and what {@code replay.json} says of them. Not run here: {@code Replay.run}'s loop,
 * which starts each run at its simulated minute beside the traffic with the same schedule, gate and
 * {@link ShopHost#runJob}.
 */
class ExtraJobReplayTests {

	@TempDir
	Path dir;

	@Test
	void theReplayBuildsSchedulesAndRunsTheNewJobAndReplayJsonReportsItsRuns() throws Exception {
		ExtraJobClone clone = ExtraJobClone.create(this.dir.resolve("fixture"));
		List<String> progress = new ArrayList<>();
		Map<String, Object> replayJson;
		try (KitClone kit = KitClone.open(clone.root())) {
			Catalog catalog = Catalog.read(kit);
			try (ReplayTarget target = ReplayTarget.resolve(kit, catalog, INCIDENT);
					Processes processes = new Processes()) {
				ReplayFacts facts = catalog.replayFacts(target.incident());
				ShopBuilds builds = new ShopBuilds(this.dir.resolve("cache"));
				ShopBuilds.Build before = builds.get(target.repository(), target.before(), target.beforeLabel(),
						progress::add);
				ShopBuilds.Build after = builds.get(target.repository(), target.after(), target.afterLabel(),
						progress::add);
				ShopHost host = new ShopHost(processes, Files.createDirectories(this.dir.resolve("data")),
						this.dir.resolve("logs"), facts.traffic().gatewayLatency(), List.of(), List.of());
				List<ShopHost.JobRun> runs = new ArrayList<>();
				for (ReplayFacts.JobAt job : facts.schedule()) {
					// as Replay.run does: a job due before the deploy runs on the release then running
					boolean beforeDeploy = job.at().isBefore(facts.deployAt());
					ShopBuilds.Build build = beforeDeploy ? before : after;
					String version = beforeDeploy ? target.beforeLabel() : target.afterLabel();
					Replay.requireJob(build, version, job.job());
					runs.add(host.runJob(build, version, job.job(), facts.label(job.at()), false).join());
				}
				Replay.Result result = new Replay.Result(target, Replay.Options.of(facts), List.of(), facts.deployAt(),
						runs, new Replay.LeftBehind(Map.of(), List.of()), Map.of(), new SimClock(), Map.of(), Map.of());
				// replay.json's content; the charts beside it need minutes of traffic
				replayJson = ReplayJson.of(new ReplayReport(result));
			}
		}

		JsonNode json = JsonMapper.builder().build().valueToTree(replayJson);
		assertThat(json.path("jobs").valueStream()
			.map((run) -> run.path("at").asString() + " " + run.path("job").asString() + " "
					+ run.path("version").asString() + " exit " + run.path("exitCode").asInt())
			.toList()).as(String.join("\n", progress))
			.containsExactly("13:55 " + KNOWN_JOB + " v2.3.0 exit 0", "13:57 " + NEW_JOB + " v2.3.0 exit 0",
					"14:05 " + NEW_JOB + " incident/" + INCIDENT + " exit 1");
		JsonNode failures = json.path("jobFailures").path(NEW_JOB);
		assertThat(failures.path("runs").asInt()).isEqualTo(2);
		assertThat(failures.path("failed").asInt()).isEqualTo(1);
		assertThat(failures.path("firstError").asString())
			.isEqualTo("java.lang.NumberFormatException: For input string: \"one\"");
		assertThat(json.path("jobs").get(1).path("summary").asString())
			.isEqualTo("Loyalty points pass finished: 1 point per dollar, 0 orders");
		assertThat(json.path("jobFailures").path(KNOWN_JOB).path("failed").asInt()).isZero();
	}

}
