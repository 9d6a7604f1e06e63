package io.firedrill.kit.guardrails.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.guardrails.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code required-column-breaks-old-writers} ({@link RequiredColumns}), through the linter: a column this release
 * leaves NOT NULL without a default is flagged, its safe twins pass.
 */
class RequiredColumnsTests {

	@TempDir
	Path dir;

	List<Finding> lint(ChangelogFixture shop) {
		return shop.lint(this.dir.resolve("shop"));
	}

	@Test
	void aColumnAddedNotNullWhoseDefaultIsDroppedInTheSameReleaseIsFlagged() {
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
				                  defaultValue: '{}'
				                  constraints:
				                    nullable: false
				        - dropDefaultValue:
				            tableName: orders
				            columnName: metadata
				"""));

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo("required-column-breaks-old-writers");
			assertThat(finding.where()).isEqualTo("db/changelog/releases/v1.1.0.yaml, changeset 1.1.0-add-metadata by priya");
			assertThat(finding.what()).contains("orders.metadata", "drops the default");
			assertThat(finding.why()).contains("previous release's INSERTs");
			assertThat(finding.fix()).isEqualTo("add it nullable (or NOT NULL with a default) now; write it in the next "
					+ "release; enforce NOT NULL in the one after (expand-contract)");
		});
	}

	@Test
	void aColumnAddedNullableWithADefaultPasses() {
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
				                  defaultValue: '{}'
				"""))).isEmpty();
	}

	@Test
	void aLaterChangesetOfTheReleaseThatRestoresTheDefaultMakesItPass() {
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
				                  defaultValue: '{}'
				                  constraints:
				                    nullable: false
				        - dropDefaultValue:
				            tableName: orders
				            columnName: metadata
				  - changeSet:
				      id: 1.1.0-metadata-default
				      author: oncall
				      changes:
				        - addDefaultValue:
				            tableName: orders
				            columnName: metadata
				            defaultValue: '{}'
				"""))).isEmpty();
	}

	@Test
	void theSameBugInAnXmlChangelogIsFlagged() {
		List<Finding> findings = lint(ChangelogFixture.base().release("v1.1.0.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
				        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
				    <changeSet id="1.1.0-add-channel" author="priya">
				        <addColumn tableName="orders">
				            <column name="channel" type="varchar(16)">
				                <constraints nullable="false"/>
				            </column>
				        </addColumn>
				    </changeSet>
				</databaseChangeLog>
				"""));

		assertThat(MigrationLintTests.rules(findings)).containsExactlyInAnyOrder("not-null-without-backfill",
				"required-column-breaks-old-writers");
		assertThat(findings).allSatisfy((f) -> assertThat(f.where()).startsWith("db/changelog/releases/v1.1.0.xml"));
	}

}
