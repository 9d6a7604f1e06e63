package io.firedrill.kit.replay;

import static io.firedrill.kit.support.Cli.firedrill;
import static io.firedrill.kit.support.GitCli.git;
import static io.firedrill.kit.support.GitCli.gitLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firedrill export} puts the replay's brief assets of an incident next to BRIEF.md. */
class BriefAssetsExportTests {

	@TempDir
	Path dir;

	@Test
	void theAssetsOfTheIncidentGoNextToTheBriefInTheBriefCommit() throws Exception {
		FakeClone fixture = FakeClone.create(this.dir.resolve("fixture"));
		Path assets = fixture.root().resolve("incidents/" + FakeClone.UNGATED + "/brief-assets");
		Files.createDirectories(assets);
		Files.writeString(assets.resolve("error-rate.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
		Files.writeString(assets.resolve("logs.md"), "# Logs\n");
		git(fixture.root(), "add", "incidents");
		git(fixture.root(), "commit", "-q", "-m", "brief assets");

		Path out = this.dir.resolve("candidate");
		Run run = firedrill(fixture.root(), "export", FakeClone.UNGATED, "--out", out.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(out.resolve("brief-assets/error-rate.svg")).hasContent("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
		assertThat(out.resolve("brief-assets/logs.md")).exists();
		assertThat(gitLines(out, "log", "--format=%s", "main")).first().isEqualTo("Add on-call brief");
		assertThat(gitLines(out, "show", "--name-only", "--format=", "main")).containsExactlyInAnyOrder("BRIEF.md",
				"brief-assets/error-rate.svg", "brief-assets/logs.md");
		assertThat(git(out, "status", "--porcelain")).isEmpty();
	}

	@Test
	void anIncidentWithoutAssetsExportsAsBefore() {
		FakeClone fixture = FakeClone.create(this.dir.resolve("fixture"));
		Path out = this.dir.resolve("candidate");

		Run run = firedrill(fixture.root(), "export", FakeClone.MIGRATION, "--out", out.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(out.resolve("brief-assets")).doesNotExist();
		assertThat(gitLines(out, "show", "--name-only", "--format=", "main")).containsExactly("BRIEF.md");
	}

}
