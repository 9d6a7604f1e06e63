package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrill;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.support.Cli.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiredrillCommandTests {

	@TempDir
	Path home;

	@Test
	void helpListsTheCommandsAndEveryExitCode() {
		Run run = firedrill(this.home, "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("list", "show", "tags", "export", "grade", "prove", "demo", "Exit codes:");
		for (ExitCode exitCode : ExitCode.values()) {
			assertThat(run.out()).containsPattern("\\s" + exitCode.code() + "\\s+" + exitCode.meaning().substring(0, Math.min(20, exitCode.meaning().length())));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "list", "show", "tags", "export", "grade", "cohort", "prove", "demo" })
	void everyCommandHasHelpWithTheExitCodes(String command) {
		Run run = firedrill(this.home, command, "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("Usage: firedrill " + command).contains("--verbose", "Exit codes:");
	}

	@Test
	void versionPrintsTheKitVersion() {
		Run run = firedrill(this.home, "--version");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out().trim()).matches("firedrill \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
	}

	@Test
	void anUnknownCommandIsAUsageErrorOnOneLine() {
		Run run = firedrill(this.home, "deploy");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: Unmatched argument");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void noCommandIsAUsageError() {
		Run run = firedrill(this.home);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).containsExactly(
				"firedrill: missing command (list, show, tags, export, grade, cohort, prove, demo, guardrails, rollback-check, replay, check-replay, live, new-incident or check-incident) (see 'firedrill --help')");
	}

	@Test
	void outsideAFiredrillCloneExitsFour() {
		Run run = firedrill(this.home, "list");

		assertThat(run.exitCode()).isEqualTo(4);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: not run from a firedrill clone");
	}

	@Test
	void aKitFolderWithoutRepositoryExitsFour() throws IOException {
		Files.createDirectories(this.home.resolve("kit"));
		Files.writeString(this.home.resolve("kit/pom.xml"), "<project/>\n");

		Run run = firedrill(this.home, "list");

		assertThat(run.exitCode()).isEqualTo(4);
		assertThat(run.errLines()).containsExactly(
				"firedrill: " + this.home + " is not a firedrill clone (no git repository there)");
	}

	@Test
	void verboseAddsTheStackTraceAfterTheLine() {
		Run run = firedrill(this.home, "list", "--verbose");

		assertThat(run.exitCode()).isEqualTo(4);
		assertThat(run.errLines().get(0)).startsWith("firedrill: not run from a firedrill clone");
		assertThat(run.errLines()).hasSizeGreaterThan(1).anyMatch((line) -> line.contains("FiredrillException"));
	}

}
