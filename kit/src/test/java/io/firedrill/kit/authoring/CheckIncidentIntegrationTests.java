package io.firedrill.kit.authoring;

import static io.firedrill.kit.support.Cli.firedrill;
import static io.firedrill.kit.support.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.TinyKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-incident} on a tiny kit, with real Maven: what an author must fix is named, one line each.
 */
class CheckIncidentIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aHiddenTestThatNoVariantMakesFailIsNamedUseless() throws IOException {
		Path root = TinyKit.create(this.dir).root();
		Path suite = root.resolve("grading/pricing/src/test/java/io/firedrill/grading/pricing");
		Files.writeString(suite.resolve("AlwaysGreenTests.java"), """
				package io.firedrill.grading.pricing;

				import org.junit.jupiter.api.Test;

				class AlwaysGreenTests {

				    @Test
				    void passesWhateverTheCandidateDoes() {
				    }
				}
				""");
		Path criteria = root.resolve("grading/criteria.yaml");
		Files.writeString(criteria, Files.readString(criteria).replace("    tests:\n",
				"    tests:\n      - io.firedrill.grading.pricing.AlwaysGreenTests#passesWhateverTheCandidateDoes\n"));
		git(root, "add", "-A");
		git(root, "commit", "-q", "-m", "a hidden test that cannot fail");

		Run run = firedrill(root, "check-incident", TinyKit.INCIDENT, "--timeout", "3m");

		assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.PROOF.code());
		assertThat(run.out()).contains("✓ export:", "✗ hidden tests: 3 of 4 fail on the bug or on a known-wrong fix",
				"problem: hidden test io.firedrill.grading.pricing.AlwaysGreenTests#passesWhateverTheCandidateDoes"
						+ " (pricing) is useless");
		assertThat(run.out().lines().filter((line) -> line.startsWith("problem: "))).hasSize(1);
		assertThat(run.err()).contains("is not ready: 1 problem");
	}

	@Test
	void aBriefThatGivesTheRootCauseAwayOrNamesAHiddenTestIsCaughtBeforeAnyGrading() throws IOException {
		Path root = TinyKit.create(this.dir).root();
		Path incident = root.resolve("incidents/" + TinyKit.INCIDENT);
		Files.writeString(incident.resolve("incident.yaml"), Files.readString(incident.resolve("incident.yaml"))
			.replace("brief: brief.md", "spoilers: [\"price(amount, null)\"]\nbrief: brief.md"));
		Files.writeString(incident.resolve("brief.md"), "# On-call brief\n\nCheckouts over $50 fail: price(amount, null)"
				+ " throws, as PricingRulesTests would show.\n");
		git(root, "add", "-A");
		git(root, "commit", "-q", "-m", "a brief that says too much");

		Run run = firedrill(root, "check-incident", TinyKit.INCIDENT, "--static");

		assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.PROOF.code());
		assertThat(run.out()).contains("problem: the brief gives the root cause away: it contains \"price(amount, null)\"",
				"problem: the export leaks: BRIEF.md", "names \"pricingrulestests\"");
	}

}
