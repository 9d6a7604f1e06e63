package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrill;
import static io.firedrill.kit.support.Cli.firedrillIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import io.firedrill.kit.support.ReadOnlyFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands' contract: arguments, exit codes, one-line errors, the report. Guardrails themselves have their own tests. */
class GuardrailsCommandTests {

	@TempDir
	static Path dir;

	static FakeClone fixture;

	/** A release changeset migration-lint lets pass. */
	static final String NULLABLE_COLUMN = """
			  - changeSet:
			      id: 2.4.0-add-order-note
			      author: priya.raman
			      changes:
			        - addColumn:
			            tableName: orders
			            columns:
			              - column:
			                  name: note
			                  type: varchar(200)
			""";

	/** A release changeset migration-lint catches: a NOT NULL column without a default breaks the old release's INSERTs. */
	static final String REQUIRED_COLUMN = """
			  - changeSet:
			      id: 2.4.0-add-order-metadata
			      author: priya.raman
			      changes:
			        - addColumn:
			            tableName: orders
			            columns:
			              - column:
			                  name: order_metadata
			                  type: jsonb
			                  constraints:
			                    nullable: false
			""";

	@BeforeAll
	static void createFixture() {
		fixture = FakeClone.create(dir);
	}

	@ParameterizedTest
	@ValueSource(strings = { "guardrails", "rollback-check" })
	void helpListsTheExitCodes(String command) {
		Run run = firedrill(fixture.root(), command, "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("Usage: firedrill " + command).contains("Exit codes:", "8", "9", "10");
	}

	@Test
	void aShopThatIsNeitherADirectoryNorARevisionIsBadInput() {
		Run run = firedrill(fixture.root(), "guardrails", "v9.9.9");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: 'v9.9.9' is neither a directory");
	}

	@Test
	void anUnknownGuardrailIsBadInput() {
		Run run = firedrill(fixture.root(), "guardrails", ".", "--only", "migration-lint,lint-everything");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).contains("unknown guardrail 'lint-everything' (known: migration-lint, api-compat, flag-gating,"
				+ " jobs-on-runtime)");
	}

	@Test
	void aCaughtProblemExitsEightAndTheJsonSaysWhat() throws Exception {
		Path shop = shopWithChangelog(REQUIRED_COLUMN);
		Path json = dir.resolve("report.json");

		Run run = migrationLint(shop, "--json", json.toString());

		assertThat(run.exitCode()).as(run.err()).isEqualTo(8);
		assertThat(run.out()).contains("migration-lint   caught", "required-column-breaks-old-writers: "
				+ "db/changelog/releases/v2.4.0.yaml, changeset 2.4.0-add-order-metadata by priya.raman", "why:  ", "safe: ",
				"1 guardrails: 0 pass, 1 caught, 0 error");
		assertThat(Files.readString(json)).contains("\"caught\" : true", "\"status\" : \"caught\"",
				"\"rule\" : \"required-column-breaks-old-writers\"");
	}

	@Test
	void sarifLocatesTheCaughtChangesetInItsFileAndLine() throws Exception {
		Path shop = shopWithChangelog(REQUIRED_COLUMN);
		Path sarif = dir.resolve("report.sarif");

		Run run = migrationLint(shop, "--sarif", sarif.toString());

		assertThat(run.exitCode()).as(run.err()).isEqualTo(8);
		assertThat(Files.readString(sarif)).contains("\"name\" : \"firedrill guardrails\"",
				"\"ruleId\" : \"migration-lint/required-column-breaks-old-writers\"",
				"\"uri\" : \"checkout-service/src/main/resources/db/changelog/releases/v2.4.0.yaml\"",
				"\"uriBaseId\" : \"%SRCROOT%\"", "\"startLine\" : 3");
	}

	@ParameterizedTest
	@ValueSource(strings = { "--json", "--sarif" })
	void anExistingReportFileIsRefusedBeforeAnythingRunsAndKept(String option, @TempDir Path out) throws Exception {
		Path shop = shopWithChangelog(NULLABLE_COLUMN);
		Path report = Files.writeString(out.resolve("report"), "mine\n");

		Run run = migrationLint(shop, option, report.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines())
			.containsExactly("firedrill: " + option + " " + report + " already exists (use --force to replace it)");
		assertThat(run.out()).isEmpty();
		assertThat(report).hasContent("mine");
	}

	@Test
	void jsonAndSarifCannotNameTheSameFile(@TempDir Path out) throws Exception {
		Path shop = shopWithChangelog(NULLABLE_COLUMN);
		Path file = out.resolve("report");

		Run run = migrationLint(shop, "--json", file.toString(), "--sarif", file.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).containsExactly("firedrill: --json and --sarif name the same file " + file);
		assertThat(file).doesNotExist();
	}

	@Test
	void forceReplacesAnExistingJsonFileAndLeavesNoTemporaryFile(@TempDir Path out) throws Exception {
		Path shop = shopWithChangelog(NULLABLE_COLUMN);
		Path json = Files.writeString(out.resolve("report.json"), "mine\n");

		Run run = migrationLint(shop, "--json", json.toString(), "--force");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(Files.readString(json)).contains("\"status\" : \"pass\"");
		try (var files = Files.list(out)) {
			assertThat(files).containsExactly(json);
		}
	}

	@Test
	void forceNeverReplacesAFolder(@TempDir Path out) throws Exception {
		Path shop = shopWithChangelog(NULLABLE_COLUMN);
		Path folder = Files.createDirectories(out.resolve("report.json"));
		Files.writeString(folder.resolve("notes.txt"), "mine\n");

		Run run = migrationLint(shop, "--json", folder.toString(), "--force");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString()
			.isEqualTo("firedrill: --json " + folder + " exists and is not a regular file: choose another FILE");
		assertThat(folder.resolve("notes.txt")).hasContent("mine");
	}

	@Test
	void aJsonFileInAFolderThatCannotBeWrittenIsRefusedBeforeAnythingRuns(@TempDir Path out) throws Exception {
		Path shop = shopWithChangelog(NULLABLE_COLUMN);
		Path readOnly = ReadOnlyFolder.in(out);
		Path json = readOnly.resolve("firedrill-report.json");

		Run run = migrationLint(shop, "--json", json.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString()
			.startsWith("firedrill: cannot write " + json + ": " + readOnly + " is not writable (");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void aJsonFileThatAppearsDuringTheRunIsKept(@TempDir Path out) throws Exception {
		// the check before the run passed; someone wrote the file while the guardrails ran
		Path json = Files.writeString(out.resolve("report.json"), "mine\n");

		assertThatExceptionOfType(FiredrillException.class)
			.isThrownBy(() -> GuardrailsCommand.writeJson(json, "{}", false))
			.withMessage("--json " + json + " already exists (use --force to replace it)");
		assertThat(json).hasContent("mine");
		try (var files = Files.list(out)) {
			assertThat(files).containsExactly(json);
		}
	}

	@Test
	void nothingCaughtExitsZero() throws Exception {
		Path shop = shopWithChangelog("""
				  - changeSet:
				      id: 2.4.0-add-order-metadata
				      author: priya.raman
				      changes:
				        - addColumn:
				            tableName: orders
				            columns:
				              - column:
				                  name: order_metadata
				                  type: jsonb
				                  defaultValue: '{}'
				""");

		Run run = migrationLint(shop);

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("migration-lint   pass");
	}

	@Test
	void rollbackCheckNeedsAKnownDatabase() {
		Run run = firedrill(fixture.root(), "rollback-check", "--from", "v2.4.0", "--to", "v2.3.0", "--db", "mysql");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().contains("--db must be h2, postgres or both");
	}

	@Test
	void rollbackCheckNeedsBothReleases() {
		Run run = firedrill(fixture.root(), "rollback-check", "--from", "v2.4.0");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString().contains("--to");
	}

	@Test
	void rollbackCheckOfAnUnknownReleaseIsBadInput() {
		Run run = firedrill(fixture.root(), "rollback-check", "--from", "v7.0.0", "--to", "v2.3.0", "--db", "h2");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().contains("'v7.0.0' is neither a directory");
	}

	@Test
	void rollbackCheckFromAReleaseToItselfIsAUsageError() {
		Run run = firedrill(fixture.root(), "rollback-check", "--from", "v2.4.0", "--to", "v2.4.0", "--db", "h2");

		// nothing to roll back: answering "safe" would be a verdict on nothing
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString()
			.startsWith("firedrill: --from and --to name the same release (v2.4.0)");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void rollbackCheckToANewerReleaseIsAUsageError() {
		Run run = firedrill(fixture.root(), "rollback-check", "--from", "v2.3.0", "--to", "v2.4.0", "--db", "h2");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString()
			.startsWith("firedrill: --to v2.4.0 is newer than --from v2.3.0")
			.contains("a rollback goes from a newer release (--from) to an older one (--to)");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void theDirectionOfARollbackIsReadFromTheVersionsInTheReleaseNames() {
		assertThat(RollbackCheckCommand.wrongDirection("v2.4.0", "v2.3.0", dir)).isEmpty();
		assertThat(RollbackCheckCommand.wrongDirection("incident/release-2.4.0", "v2.3.0", dir)).isEmpty();
		// numbers, not text: 2.10 is newer than 2.9
		assertThat(RollbackCheckCommand.wrongDirection("v2.10.0", "v2.9.0", dir)).isEmpty();
		assertThat(RollbackCheckCommand.wrongDirection("v2.9.0", "v2.10.0", dir)).get().asString()
			.contains("is newer than");
		// two names of one release
		assertThat(RollbackCheckCommand.wrongDirection("incident/release-2.4.0", "v2.4.0", dir)).get().asString()
			.contains("name the same release");
		// an incident tag without a version says nothing about the order
		assertThat(RollbackCheckCommand.wrongDirection("incident/not-null-migration", "v2.3.0", dir)).isEmpty();
	}

	/** {@code firedrill guardrails SHOP --only migration-lint --baseline none}, with these options after it. */
	private static Run migrationLint(Path shop, String... options) {
		List<String> args = new ArrayList<>(List.of("guardrails", shop.toString(), "--only", "migration-lint",
				"--baseline", "none"));
		args.addAll(List.of(options));
		return firedrillIn(fixture.root(), dir, args.toArray(String[]::new));
	}

	private static Path shopWithChangelog(String release) throws Exception {
		Path shop = Files.createTempDirectory(dir, "shop");
		Files.writeString(shop.resolve("pom.xml"), "<project/>\n");
		Path changelog = shop.resolve("checkout-service/src/main/resources/db/changelog");
		Files.createDirectories(changelog.resolve("releases"));
		Files.writeString(changelog.resolve("releases/v2.3.0.yaml"), """
				databaseChangeLog:
				  - changeSet:
				      id: 2.0.0-create-orders
				      author: maria.santos
				      changes:
				        - createTable:
				            tableName: orders
				            columns:
				              - column:
				                  name: id
				                  type: bigint
				""");
		Files.writeString(changelog.resolve("releases/v2.4.0.yaml"), "databaseChangeLog:\n" + release);
		Files.writeString(changelog.resolve("db.changelog-master.yaml"), """
				databaseChangeLog:
				  - include:
				      file: releases/v2.3.0.yaml
				      relativeToChangelogFile: true
				  - include:
				      file: releases/v2.4.0.yaml
				      relativeToChangelogFile: true
				""");
		return shop;
	}

}
