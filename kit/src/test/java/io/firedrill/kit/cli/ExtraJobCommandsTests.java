package io.firedrill.kit.cli;

import static io.firedrill.kit.support.ExtraJobClone.INCIDENT;
import static io.firedrill.kit.support.ExtraJobClone.KNOWN_JOB;
import static io.firedrill.kit.support.ExtraJobClone.NEW_JOB;
import static io.firedrill.kit.support.ExtraJobClone.NEW_JOB_MAIN;
import static io.firedrill.kit.support.GitCli.gitLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.shop.ShopModules;
import io.firedrill.kit.support.Cli;
import io.firedrill.kit.support.ExtraJobClone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11's promise that adding a job to the shop is a change to the shop only, for the commands that read a
 * release's files: a tiny shop with a job no class of the kit names ({@value ExtraJobClone#NEW_JOB}) is exported and
 * guarded like the jobs the kit knows. {@code replay.ExtraJobReplayTests} has the replay.
 */
class ExtraJobCommandsTests {

	@TempDir
	static Path dir;

	static ExtraJobClone clone;

	@TempDir
	Path out;

	@BeforeAll
	static void writeTheClone() {
		clone = ExtraJobClone.create(dir);
	}

	@Test
	void theExportPutsTheNewJobInTheCandidatesRepositoryWithThePrThatChangesIt() throws Exception {
		Path candidate = this.out.resolve("candidate");

		Cli.Run run = Cli.firedrill(clone.root(), "export", INCIDENT, "--out", candidate.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(gitLines(candidate, "ls-tree", "-r", "--name-only", "v2.3.0")).contains(NEW_JOB + "/pom.xml",
				NEW_JOB_MAIN).noneMatch((path) -> path.startsWith("kit/") || path.startsWith("incidents/"));
		assertThat(Files.readString(candidate.resolve(NEW_JOB_MAIN))).as("PR #950 applied on it")
			.contains("Integer.parseInt");
		assertThat(ShopModules.jobs(candidate)).extracting(ShopModules.Module::dir).containsExactly(KNOWN_JOB, NEW_JOB);
	}

	@Test
	void jobsOnRuntimeRunsTheNewJobAndCatchesTheFaultThatIsOnlyInIt() throws Exception {
		Path json = this.out.resolve("guardrails.json");

		Cli.Run run = Cli.firedrill(clone.root(), "guardrails", "incident/" + INCIDENT, "--only", "jobs-on-runtime",
				"--baseline", "none", "--json", json.toString());

		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(8);
		JsonNode result = JsonMapper.builder().build().readTree(Files.readString(json)).path("guardrails").get(0);
		assertThat(result.path("status").asString()).isEqualTo("caught");
		assertThat(result.path("findings")).hasSize(1);
		JsonNode finding = result.path("findings").get(0);
		assertThat(finding.path("rule").asString()).isEqualTo("job-failed");
		assertThat(finding.path("where").asString()).startsWith(NEW_JOB + " (deploy/run.sh " + NEW_JOB + " --run-once");
		assertThat(finding.path("what").asString()).contains("java.lang.NumberFormatException: For input string: \"one\"");
		assertThat(result.path("notes").toString()).contains(KNOWN_JOB + ": exit 0");
		assertThat(result.path("summary").asString()).isEqualTo("1 of 2 jobs failed on payment-sdk 3.1.0");
	}

}
