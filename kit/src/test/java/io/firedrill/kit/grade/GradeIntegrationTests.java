package io.firedrill.kit.grade;

import static io.firedrill.kit.support.Cli.firedrillIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.firedrill.kit.catalog.Fix;
import io.firedrill.kit.grade.card.ScorecardFiles;
import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.GitCli;
import io.firedrill.kit.support.TinyKit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end with real Maven (the kit's wrapper; resolution online, then the sealed offline runs) on a kit small
 * enough to build in seconds: grade the broken incident, then prove the grader on the incident and its two known
 * fixes.
 */
class GradeIntegrationTests {

	@TempDir
	static Path dir;

	static TinyKit kit;

	@BeforeAll
	static void tinyKit() {
		kit = TinyKit.create(dir.resolve("kit"));
	}

	@Test
	void gradesTheBrokenIncidentAndWritesTheScorecard() throws Exception {
		Path candidate = dir.resolve("alice");
		Run export = firedrillIn(kit.root(), dir, "export", TinyKit.INCIDENT, "--out", candidate.toString());
		assertThat(export.exitCode()).as(export.err()).isZero();
		Files.writeString(candidate.resolve("DECISION.md"), "# Decision\n\nFix forward: <b>no</b> rollback.\n");
		GitCli.git(candidate, "add", "DECISION.md");
		GitCli.git(Map.of("GIT_AUTHOR_DATE", "2026-11-24T15:05:00+01:00"), candidate, "commit", "-qm",
				"Write down the decision");
		Files.writeString(candidate.resolve("notes.txt"), "not committed\n");
		Path out = dir.resolve("card");

		Run run = firedrillIn(kit.root(), dir, "grade", TinyKit.INCIDENT, candidate.toString(), "--out", out.toString(),
				"--timeout", "3m");

		assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
		assertThat(out).isDirectoryContaining((path) -> path.getFileName().toString().equals(ScorecardFiles.HTML))
			.isDirectoryContaining((path) -> path.getFileName().toString().equals(ScorecardFiles.MARKDOWN))
			.isDirectoryContaining((path) -> path.getFileName().toString().equals(ScorecardFiles.LOG));
		// the other formats, written by the command (io.firedrill.kit.results)
		assertThat(out.resolve("junit.xml")).content().contains("<testsuite name=\"firedrill." + TinyKit.INCIDENT + "\"");
		assertThat(out.resolve("results.json")).content().contains("\"max_score\"");
		assertThat(out.resolve("classroom-results.json")).content().contains("\"version\" : 1");
		assertThat(out.resolve("summary.md")).content().contains(" points** for `");
		JsonNode card = JsonMapper.builder().build().readTree(out.resolve(ScorecardFiles.JSON).toFile());
		JsonNode pricing = card.get("criteria").get(0);
		assertThat(pricing.get("status").asString()).isEqualTo("fail");
		assertThat(pricing.get("evidence").get(0).get("test").asString())
			.isEqualTo("io.firedrill.grading.pricing.PricingRulesTests#aCartWithoutACodePaysItsAmount");
		assertThat(pricing.get("evidence").get(0).get("message").asString()).startsWith("NullPointerException");
		assertThat(card.get("ownTests").get("run").asInt()).isEqualTo(1);
		assertThat(card.get("ownTests").get("failed").asInt()).isZero();
		assertThat(card.get("build").get("ok").asBoolean()).isTrue();
		assertThat(card.get("candidate").get("uncommittedChanges").asBoolean()).isTrue();
		assertThat(card.get("integrity").toString()).contains("uncommitted-changes");
		assertThat(card.get("decision").get("text").asString()).isEqualTo("# Decision\n\nFix forward: <b>no</b> rollback.\n");
		assertThat(card.get("timelineFromIncident").asBoolean()).isTrue();
		assertThat(card.get("timeline")).singleElement().satisfies((commit) -> {
			assertThat(commit.get("time").asString()).isEqualTo("2026-11-24T15:05:00+01:00");
			assertThat(commit.get("message").asString()).isEqualTo("Write down the decision");
			assertThat(commit.get("files").toString()).isEqualTo("[\"DECISION.md\"]");
		});
		assertThat(Files.readString(out.resolve(ScorecardFiles.HTML)))
			.contains("<pre class=\"decision\"># Decision\n\nFix forward: &lt;b&gt;no&lt;/b&gt; rollback.");
		String feedback = Files.readString(out.resolve(ScorecardFiles.FEEDBACK_HTML));
		assertThat(feedback).contains("Checkout prices", "FAIL", "Some carts still fail at checkout")
			.doesNotContain("PricingRulesTests", "aCartWithoutACodePaysItsAmount", "NullPointerException", "grading/",
					"Fix forward");
		assertThat(out.resolve(ScorecardFiles.FEEDBACK_MARKDOWN)).content().contains("Checkout prices");
		assertThat(candidate.resolve("target")).doesNotExist();
		assertThat(candidate.resolve("checkout-service/target")).doesNotExist();
	}

	@Test
	void aSubmissionWithoutABuildGetsAScorecardThatSaysSo() throws Exception {
		Path candidate = Files.createDirectories(dir.resolve("no-build"));
		Files.writeString(candidate.resolve("NOTES.md"), "I ran out of time.\n");
		io.firedrill.kit.support.GitCli.git(candidate, "init", "-q");
		io.firedrill.kit.support.GitCli.git(candidate, "add", "-A");
		io.firedrill.kit.support.GitCli.git(candidate, "-c", "user.name=Bob", "-c", "user.email=bob@example.com",
				"commit", "-qm", "Notes");
		Path out = dir.resolve("no-build-card");

		Run run = firedrillIn(kit.root(), dir, "grade", TinyKit.INCIDENT, candidate.toString(), "--out", out.toString());

		assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
		JsonNode card = JsonMapper.builder().build().readTree(out.resolve(ScorecardFiles.JSON).toFile());
		assertThat(card.get("build").get("ok").asBoolean()).isFalse();
		assertThat(card.get("criteria").get(0).toString()).contains("no readable pom.xml");
		assertThat(card.get("decision").get("present").asBoolean()).isFalse();
		assertThat(card.get("timelineFromIncident").asBoolean()).isFalse();
		assertThat(card.get("timeline").get(0).get("message").asString()).isEqualTo("Notes");
	}

	@Test
	void provesTheGraderOnTheIncidentAndItsFixes() {
		Run run = firedrillIn(kit.root(), dir, "prove", TinyKit.INCIDENT, "--timeout", "3m");

		assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
		assertThat(run.out()).containsPattern("broken\\s+-\\s+own tests\\s+pass\\s+pass\\s+✓")
			.containsPattern("broken\\s+-\\s+pricing\\s+fail\\s+fail\\s+✓")
			.containsPattern(TinyKit.ACCEPTED + "\\s+accepted\\s+pricing\\s+pass\\s+pass\\s+✓")
			.containsPattern(TinyKit.WRONG + "\\s+wrong\\s+pricing\\s+partial\\s+partial\\s+✓")
			.contains("proof holds: 4 verdicts, all as expected");
	}

}
