package io.firedrill.kit.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.ShopSources;
import io.firedrill.kit.support.Cli;
import io.firedrill.kit.support.RealClone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * rollback-check on the real releases: v2.4.0 and v2.3.0 are built once, then checked on both databases as they
 * are, and with a compatible changeset added to v2.4.0's changelog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollbackCheckIntegrationTests {

	static final List<Databases.Kind> BOTH = List.of(Databases.Kind.H2, Databases.Kind.POSTGRES);

	Path work;

	ShopCheckout v240;

	ShopCheckout v230;

	ReleaseCode newer;

	ReleaseCode older;

	@BeforeAll
	void buildBothReleases() throws IOException {
		this.work = Files.createTempDirectory("firedrill-rollback-it-");
		try (KitClone clone = RealClone.open()) {
			this.v240 = ShopSources.fromCatalog(clone, "v2.4.0");
			this.v230 = ShopSources.fromCatalog(clone, "v2.3.0");
		}
		RealClone.assumeBuildable(this.v240);
		RollbackCheck.quietLogging(this.work);
		this.newer = ReleaseCode.build(this.v240, this.work.resolve("v2.4.0"));
		this.older = ReleaseCode.build(this.v230, this.work.resolve("v2.3.0"));
	}

	@AfterAll
	void cleanUp() {
		for (AutoCloseable closeable : new AutoCloseable[] { this.newer, this.older, this.v240, this.v230 }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// temporary files
			}
		}
		Folders.deleteQuietly(this.work);
	}

	@Test
	void rollingBackFromV240ToV230IsUnsafeOnBothDatabases() {
		RollbackCheck.Result result = RollbackCheck.run(this.newer, this.older, BOTH);

		assertThat(result.unsafe()).isTrue();
		RollbackCheck.DatabaseVerdict h2 = result.databases().get(0);
		RollbackCheck.DatabaseVerdict postgres = result.databases().get(1);
		for (RollbackCheck.DatabaseVerdict database : result.databases()) {
			assertThat(database.setupError()).isNull();
			assertThat(database.olderStart()).as("v2.3.0's Liquibase starts on v2.4.0's schema").isNull();
			assertThat(database.newerWrites()).allSatisfy((call) -> assertThat(call.outcome()).isEqualTo(PersistenceProbe.Outcome.OK));
			assertThat(database.failures()).singleElement().satisfies((call) -> {
				assertThat(call.signature()).isEqualTo("OrderRepository.create(customerId=123, amount=99.99)");
				assertThat(call.statement()).isEqualTo("INSERT INTO orders (customer_id, amount, status) VALUES (?, ?, 'pending')");
				assertThat(call.sqlState()).isEqualTo("23502");
			});
		}
		assertThat(h2.failures().get(0).error()).contains("NULL not allowed for column \"ORDER_METADATA\"");
		assertThat(postgres.failures().get(0).error())
			.contains("null value in column \"order_metadata\"", "violates not-null constraint");
		assertThat(RollbackReport.verdict(result)).startsWith("unsafe: OrderRepository.create fails");
	}

	@Test
	void rollingBackToTheSameReleaseIsSafe() {
		RollbackCheck.Result result = RollbackCheck.run(this.older, this.older, BOTH);

		assertThat(result.safe()).as(RollbackReport.verdict(result)).isTrue();
		assertThat(result.databases()).allSatisfy((database) -> assertThat(database.olderCalls())
			.extracting(PersistenceProbe.Call::outcome)
			.containsOnly(PersistenceProbe.Outcome.OK));
	}

	@Test
	void aNewChangesetThatGivesTheColumnItsDefaultBackMakesItSafe() throws IOException {
		RollbackCheck.Result result = RollbackCheck.run(withChangeset("""
				  - changeSet:
				      id: 2.4.0-order-metadata-default
				      author: oncall
				      changes:
				        - addDefaultValue:
				            tableName: orders
				            columnName: order_metadata
				            defaultValue: '{}'
				"""), this.older, BOTH);

		assertThat(result.safe()).as(RollbackReport.verdict(result)).isTrue();
	}

	@Test
	void aNewChangesetThatDropsNotNullMakesItSafe() throws IOException {
		RollbackCheck.Result result = RollbackCheck.run(withChangeset("""
				  - changeSet:
				      id: 2.4.0-order-metadata-nullable
				      author: oncall
				      changes:
				        - dropNotNullConstraint:
				            tableName: orders
				            columnName: order_metadata
				            columnDataType: jsonb
				"""), this.older, BOTH);

		assertThat(result.safe()).as(RollbackReport.verdict(result)).isTrue();
	}

	@Test
	void theCommandLinePrintsTheVerdictAndExitsNine() {
		Cli.Run run = Cli.firedrill(RealClone.root(), "rollback-check", "--from", "v2.4.0", "--to", "v2.3.0", "--db", "h2");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(9);
		assertThat(run.out()).contains("h2: unsafe", "statement: INSERT INTO orders (customer_id, amount, status)",
				"(SQLState 23502)", "verdict: unsafe: OrderRepository.create fails");
	}

	/** v2.4.0's changelog, copied, with one more changeset in its release file. */
	private ReleaseCode withChangeset(String changeSet) throws IOException {
		Path resources = this.v240.dir().resolve("checkout-service/src/main/resources");
		Path copy = Files.createTempDirectory(this.work, "changelog").resolve("src/main/resources");
		try (var files = Files.walk(resources.resolve("db"))) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(resources.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		Path release = copy.resolve("db/changelog/releases/v2.4.0.yaml");
		Files.writeString(release, Files.readString(release) + changeSet);
		return this.newer.withChangelog(copy.resolve("db/changelog/db.changelog-master.yaml"));
	}

}
