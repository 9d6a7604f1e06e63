package io.firedrill.kit.guardrails.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.guardrails.Finding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule flags a minimal bad changelog and passes its safe twin. */
class MigrationLintTests {

	@TempDir
	Path dir;

	List<Finding> lint(ChangelogFixture shop) {
		return shop.lint(this.dir.resolve("shop"));
	}

	List<Finding> lint(ChangelogFixture shop, ChangelogFixture baseline) {
		return MigrationLint.lint(shop.write(this.dir.resolve("shop")), baseline.write(this.dir.resolve("baseline")),
				"v1.0.0").findings();
	}

	static List<String> rules(List<Finding> findings) {
		return findings.stream().map(Finding::rule).toList();
	}

	@Test
	void aFindingNamesItsChangelogFileRelativeToTheShopAndTheLineOfItsChangeset() {
		List<Finding> findings = lint(ChangelogFixture.base().next("""
				  - changeSet:
				      id: 1.1.0-add-metadata
				      author: priya
				      changes:
				        - addColumn:
				            tableName: orders
				            columns:
				              - column:
				                  name: metadata
				                  type: jsonb
				                  constraints:
				                    nullable: false
				"""));

		assertThat(findings).isNotEmpty().allSatisfy((finding) -> {
			assertThat(finding.file()).isEqualTo(ChangelogFixture.CHANGELOG + "releases/v1.1.0.yaml");
			assertThat(Files.readAllLines(this.dir.resolve("shop").resolve(finding.file())).get(finding.line() - 1))
				.contains("id: 1.1.0-add-metadata");
		});
	}

	@Test
	void theLineOfAChangesetIsFoundInXmlAndJsonChangelogsAndNotInALongerId() throws Exception {
		Path xml = Files.writeString(this.dir.resolve("a.xml"), """
				<databaseChangeLog>
				  <changeSet id="7-add-note-b" author="priya"/>
				  <changeSet id="7-add-note" author="priya"/>
				</databaseChangeLog>
				""");
		Path json = Files.writeString(this.dir.resolve("a.json"), """
				{"databaseChangeLog": [
				  {"changeSet": {
				    "id": "7-add-note",
				""");

		assertThat(Changelogs.lineOf(xml, "7-add-note")).isEqualTo(3);
		assertThat(Changelogs.lineOf(json, "7-add-note")).isEqualTo(3);
		assertThat(Changelogs.lineOf(json, "8-other")).isNull();
		assertThat(Changelogs.lineOf(this.dir.resolve("absent.yaml"), "7-add-note")).isNull();
	}

	@Nested
	class ColumnRemovedWhileRead {

		@Test
		void droppingAColumnThePreviousReleaseWritesIsFlaggedWithWhereItIsUsed() {
			List<Finding> findings = lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-drop-note
					      author: tom
					      changes:
					        - dropColumn:
					            tableName: orders
					            columnName: note
					"""), ChangelogFixture.base());

			assertThat(findings).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("column-removed-while-read");
				assertThat(finding.what()).contains("orders.note", "OrderRepository.java:4");
				assertThat(finding.fix()).isEqualTo("stop using it in release N, drop it in N+1");
			});
		}

		@Test
		void renamingIsFlaggedToo() {
			assertThat(rules(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-rename-note
					      author: tom
					      changes:
					        - renameColumn:
					            tableName: orders
					            oldColumnName: note
					            newColumnName: remark
					"""), ChangelogFixture.base()))).containsExactly("column-removed-while-read");
		}

		@Test
		void droppingAColumnNoCodeUsesPasses() {
			assertThat(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-drop-legacy-flag
					      author: tom
					      changes:
					        - dropColumn:
					            tableName: orders
					            columnName: legacy_flag
					"""), ChangelogFixture.base())).isEmpty();
		}

	}

	@Nested
	class TypeNarrowed {

		@Test
		void aShorterVarcharIsFlagged() {
			List<Finding> findings = lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-short-status
					      author: tom
					      changes:
					        - modifyDataType:
					            tableName: orders
					            columnName: status
					            newDataType: varchar(8)
					"""));

			assertThat(findings).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("type-narrowed");
				assertThat(finding.what()).contains("orders.status", "varchar(32) -> varchar(8)");
				assertThat(finding.fix()).isEqualTo("add a new column, dual-write, backfill, switch reads, drop later");
			});
		}

		@Test
		void aLongerVarcharPasses() {
			assertThat(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-long-status
					      author: tom
					      changes:
					        - modifyDataType:
					            tableName: orders
					            columnName: status
					            newDataType: varchar(64)
					"""))).isEmpty();
		}

	}

	@Nested
	class ExecutedChangesetEdited {

		@Test
		void aChangesetTheBaselineRanWithOtherContentIsFlagged() {
			ChangelogFixture edited = new ChangelogFixture().release("v1.0.0.yaml",
					ChangelogFixture.BASE.replace("type: varchar(255)", "type: varchar(512)"));

			List<Finding> findings = lint(edited, ChangelogFixture.base());

			assertThat(findings).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("executed-changeset-edited");
				assertThat(finding.where()).isEqualTo("db/changelog/releases/v1.0.0.yaml, changeset 1.0.0-create-orders by maria");
				assertThat(finding.what()).containsPattern("checksum 9:\\w+ -> 9:\\w+");
				assertThat(finding.fix()).isEqualTo("never edit; add a new changeset");
			});
		}

		@Test
		void aNewChangesetInsteadPasses() {
			assertThat(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-longer-note
					      author: tom
					      changes:
					        - modifyDataType:
					            tableName: orders
					            columnName: note
					            newDataType: varchar(512)
					"""), ChangelogFixture.base())).isEmpty();
		}

		@Test
		void aChangesetThatDeclaresTheOldChecksumValidPasses() {
			String edited = ChangelogFixture.BASE.replace("type: varchar(255)", "type: varchar(512)")
				.replace("      author: maria\n", "      author: maria\n      validCheckSum: ANY\n");

			assertThat(lint(new ChangelogFixture().release("v1.0.0.yaml", edited), ChangelogFixture.base())).isEmpty();
		}

	}

	@Nested
	class NotNullOnExistingColumn {

		@Test
		void setNotNullInOneStepIsFlagged() {
			List<Finding> findings = lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-backfill-note
					      author: tom
					      changes:
					        - update:
					            tableName: orders
					            columns:
					              - column:
					                  name: note
					                  value: ''
					            where: note IS NULL
					  - changeSet:
					      id: 1.1.0-note-required
					      author: tom
					      changes:
					        - addNotNullConstraint:
					            tableName: orders
					            columnName: note
					"""));

			assertThat(findings).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("not-null-on-existing-column");
				assertThat(finding.where()).contains("1.1.0-note-required");
				assertThat(finding.fix()).startsWith("`CHECK (col IS NOT NULL) NOT VALID`, then `VALIDATE CONSTRAINT`");
			});
		}

		@Test
		void aValidatedCheckFirstPasses() {
			assertThat(lint(ChangelogFixture.base().next(SAFE_NOT_NULL))).isEmpty();
		}

	}

	/** Backfill, a NOT VALID check validated, then SET NOT NULL: clean for both NOT NULL rules. */
	static final String SAFE_NOT_NULL = """
			  - changeSet:
			      id: 1.1.0-backfill-note
			      author: tom
			      changes:
			        - sql:
			            sql: UPDATE orders SET note = '' WHERE id BETWEEN 1 AND 10000 AND note IS NULL
			  - changeSet:
			      id: 1.1.0-note-check
			      author: tom
			      changes:
			        - sql:
			            sql: ALTER TABLE orders ADD CONSTRAINT orders_note_not_null CHECK (note IS NOT NULL) NOT VALID
			  - changeSet:
			      id: 1.1.0-note-check-validate
			      author: tom
			      changes:
			        - sql:
			            sql: ALTER TABLE orders VALIDATE CONSTRAINT orders_note_not_null
			  - changeSet:
			      id: 1.1.0-note-required
			      author: tom
			      changes:
			        - addNotNullConstraint:
			            tableName: orders
			            columnName: note
			""";

	@Nested
	class NotNullWithoutBackfill {

		@Test
		void setNotNullWithNoBackfillBeforeItIsFlagged() {
			List<Finding> findings = lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-note-required
					      author: tom
					      changes:
					        - addNotNullConstraint:
					            tableName: orders
					            columnName: note
					"""));

			assertThat(rules(findings)).contains("not-null-without-backfill");
			assertThat(findings).filteredOn((f) -> f.rule().equals("not-null-without-backfill")).singleElement()
				.satisfies((finding) -> {
					assertThat(finding.what()).contains("no backfill");
					assertThat(finding.fix()).isEqualTo("backfill in batches first");
				});
		}

		@Test
		void setNotNullInTheReleaseThatAddsTheColumnIsFlagged() {
			List<Finding> findings = lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-add-channel
					      author: tom
					      changes:
					        - addColumn:
					            tableName: orders
					            columns:
					              - column:
					                  name: channel
					                  type: varchar(16)
					  - changeSet:
					      id: 1.1.0-backfill-channel
					      author: tom
					      changes:
					        - update:
					            tableName: orders
					            columns:
					              - column:
					                  name: channel
					                  value: web
					  - changeSet:
					      id: 1.1.0-channel-required
					      author: tom
					      changes:
					        - addNotNullConstraint:
					            tableName: orders
					            columnName: channel
					"""));

			assertThat(findings).filteredOn((f) -> f.rule().equals("not-null-without-backfill")).singleElement()
				.satisfies((finding) -> assertThat(finding.what()).contains("same release that adds the column"));
		}

		@Test
		void aBackfillThenAValidatedCheckPasses() {
			assertThat(lint(ChangelogFixture.base().next(SAFE_NOT_NULL))).isEmpty();
		}

	}

	@Nested
	class IndexNotConcurrent {

		@Test
		void createIndexOnAPopulatedTableIsFlagged() {
			List<Finding> findings = lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-index-status
					      author: tom
					      changes:
					        - createIndex:
					            tableName: orders
					            indexName: ix_orders_status
					            columns:
					              - column:
					                  name: status
					"""));

			assertThat(findings).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("index-not-concurrent");
				assertThat(finding.what()).contains("ix_orders_status", "without CONCURRENTLY");
				assertThat(finding.fix()).isEqualTo("create concurrently, outside a transaction (`runInTransaction: false`)");
			});
		}

		@Test
		void concurrentlyOutsideATransactionPasses() {
			assertThat(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-index-status
					      author: tom
					      runInTransaction: false
					      changes:
					        - sql:
					            dbms: postgresql
					            sql: CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status)
					"""))).isEmpty();
		}

		@Test
		void concurrentlyInsideATransactionIsFlagged() {
			assertThat(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-index-status
					      author: tom
					      changes:
					        - sql:
					            sql: CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status)
					""")))
				.singleElement()
				.satisfies((finding) -> assertThat(finding.what()).contains("inside a transaction"));
		}

		@Test
		void anIndexOnATableOfThisReleaseOrForAnotherDatabasePasses() {
			assertThat(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-create-coupons
					      author: tom
					      changes:
					        - createTable:
					            tableName: coupons
					            columns:
					              - column:
					                  name: code
					                  type: varchar(32)
					        - createIndex:
					            tableName: coupons
					            indexName: ix_coupons_code
					            columns:
					              - column:
					                  name: code
					  - changeSet:
					      id: 1.1.0-index-status-h2
					      author: tom
					      dbms: h2
					      changes:
					        - createIndex:
					            tableName: orders
					            indexName: ix_orders_status
					            columns:
					              - column:
					                  name: status
					"""))).isEmpty();
		}

		@Test
		void aFormattedSqlChangelogIsReadToo() {
			assertThat(lint(ChangelogFixture.base().release("v1.1.0.sql", """
					--liquibase formatted sql

					--changeset tom:1.1.0-index-status
					CREATE INDEX ix_orders_status ON orders (status);
					"""))).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("index-not-concurrent");
				assertThat(finding.where()).isEqualTo("db/changelog/releases/v1.1.0.sql, changeset 1.1.0-index-status by tom");
			});
		}

	}

	@Nested
	class JsonNotJsonb {

		@Test
		void aJsonColumnIsFlagged() {
			assertThat(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-add-metadata
					      author: priya
					      changes:
					        - addColumn:
					            tableName: orders
					            columns:
					              - column:
					                  name: metadata
					                  type: json
					""")))
				.singleElement()
				.satisfies((finding) -> {
					assertThat(finding.rule()).isEqualTo("json-not-jsonb");
					assertThat(finding.what()).contains("orders.metadata");
					assertThat(finding.fix()).isEqualTo("`jsonb`");
				});
		}

		@Test
		void aJsonbColumnPasses() {
			assertThat(lint(ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-add-metadata
					      author: priya
					      changes:
					        - addColumn:
					            tableName: orders
					            columns:
					              - column:
					                  name: metadata
					                  type: jsonb
					"""))).isEmpty();
		}

	}

	@Nested
	class Baseline {

		@Test
		void changesetsTheBaselineAlreadyRanAreNotLintedAgain() {
			ChangelogFixture withIndex = ChangelogFixture.base().next("""
					  - changeSet:
					      id: 1.1.0-index-status
					      author: tom
					      changes:
					        - createIndex:
					            tableName: orders
					            indexName: ix_orders_status
					            columns:
					              - column:
					                  name: status
					""");

			MigrationLint.Result result = MigrationLint.lint(withIndex.write(MigrationLintTests.this.dir.resolve("shop")),
					withIndex.write(MigrationLintTests.this.dir.resolve("baseline")), "v1.1.0");

			assertThat(result.findings()).isEmpty();
			assertThat(result.linted()).isZero();
			assertThat(result.notes()).anyMatch((note) -> note.contains("1 already in the baseline unchanged"));
		}

		@Test
		void aShopWithoutChangelogPassesWithANote() {
			MigrationLint.Result result = MigrationLint.lint(MigrationLintTests.this.dir, null, null);

			assertThat(result.findings()).isEmpty();
			assertThat(result.notes()).singleElement().asString().contains("no Liquibase changelog");
		}

	}

}
