package io.firedrill.kit.replay;

import static io.firedrill.kit.support.Cli.firedrill;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTests {

	@TempDir
	Path dir;

	@Test
	void helpDescribesTheReplayAndListsTheExitCodes() {
		Run run = firedrill(this.dir, "replay", "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("Usage: firedrill replay")
			.contains("<incident | tag>", "--out", "--for-brief", "--seed", "Exit codes:", "6");
	}

	@Test
	void anUnknownTargetIsAnInputErrorOnOneLine() {
		FakeClone fixture = FakeClone.create(this.dir.resolve("fixture"));

		Run run = firedrill(fixture.root(), "replay", "no-such-incident", "--out", this.dir.resolve("out").toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: unknown incident or tag 'no-such-incident'");
		assertThat(this.dir.resolve("out")).doesNotExist();
	}

	@Test
	void forBriefNeedsAnIncident() {
		FakeClone fixture = FakeClone.create(this.dir.resolve("fixture"));

		Run run = firedrill(fixture.root(), "replay", "v2.3.0", "--for-brief");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).contains("--for-brief needs an incident");
	}

	@Test
	void theReleaseTagTheIncidentTagAndTheIdNameTheSameReplay() throws Exception {
		FakeClone fixture = FakeClone.create(this.dir.resolve("fixture"));
		try (io.firedrill.kit.KitClone clone = io.firedrill.kit.KitClone.open(fixture.root())) {
			io.firedrill.kit.catalog.Catalog catalog = io.firedrill.kit.catalog.Catalog.read(clone);
			try (ReplayTarget byId = ReplayTarget.resolve(clone, catalog, FakeClone.RELEASE);
					ReplayTarget byRelease = ReplayTarget.resolve(clone, catalog, "v2.4.0");
					ReplayTarget byTag = ReplayTarget.resolve(clone, catalog, "incident/" + FakeClone.UNGATED);
					ReplayTarget control = ReplayTarget.resolve(clone, catalog, "v2.3.0")) {
				assertThat(byRelease.after()).isEqualTo(byId.after());
				assertThat(byId.afterLabel()).isEqualTo("v2.4.0");
				assertThat(byId.deployLabel()).isEqualTo("v2.4.0");
				assertThat(byId.changelog()).extracting(ReplayTarget.Change::number).containsExactly(892, 905);
				assertThat(byTag.afterLabel()).isEqualTo("incident/" + FakeClone.UNGATED);
				assertThat(byTag.deployLabel()).isEqualTo("of #892");
				assertThat(byTag.before()).isEqualTo(byId.before());
				assertThat(control.isControl()).isTrue();
				assertThat(control.after()).isEqualTo(control.before());
				// the same commit as 'firedrill tags' makes
				Path tagged = this.dir.resolve("tagged");
				Files.createDirectories(tagged);
				io.firedrill.kit.support.GitCli.git(tagged, "init", "-q");
				Run tags = firedrill(fixture.root(), "tags", "--repo", tagged.toString());
				assertThat(tags.exitCode()).as(tags.err()).isZero();
				assertThat(io.firedrill.kit.support.GitCli.git(tagged, "rev-parse", "v2.4.0^{commit}").trim())
					.isEqualTo(byId.after().name());
			}
		}
	}

}
