package io.firedrill.kit.grade;

import static io.firedrill.kit.support.Cli.firedrillIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.GitCli;
import io.firedrill.kit.support.TinyKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden suites' helper modules are the kit's own code: when they do not build, no suite can run, and the
 * grading stops as a kit failure instead of scoring the candidate on suites that never ran.
 */
class GradingSupportBuildIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void helpersThatDoNotCompileStopTheGradingWithoutAScorecard() throws Exception {
		TinyKit kit = TinyKit.create(this.dir.resolve("kit"));
		Path candidate = this.dir.resolve("alice");
		Run export = firedrillIn(kit.root(), this.dir, "export", TinyKit.INCIDENT, "--out", candidate.toString());
		assertThat(export.exitCode()).as(export.err()).isZero();
		// the kit grades with the suites of its HEAD: the broken helper is committed there
		Files.writeString(kit.root().resolve("grading/support/src/main/java/io/firedrill/grading/support/Money.java"),
				"package io.firedrill.grading.support;\n\npublic final class Money {\n    int broken = ;\n}\n");
		GitCli.git(kit.root(), "add", "-A");
		GitCli.git(Map.of("GIT_AUTHOR_DATE", "2026-11-30T10:00:00+00:00", "GIT_COMMITTER_DATE",
				"2026-11-30T10:00:00+00:00"), kit.root(), "commit", "-qm", "Money helper");
		Path out = this.dir.resolve("card");

		Run run = firedrillIn(kit.root(), this.dir, "grade", TinyKit.INCIDENT, candidate.toString(), "--out",
				out.toString(), "--timeout", "3m");

		assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.GRADING.code());
		assertThat(run.err()).contains("the hidden suites' helper modules (grading/support) did not build offline");
		assertThat(run.err().lines().filter((line) -> line.strip().startsWith("at "))).isEmpty();
		assertThat(out).doesNotExist();
	}

}
