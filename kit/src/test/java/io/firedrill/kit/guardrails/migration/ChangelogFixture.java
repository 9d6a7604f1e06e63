package io.firedrill.kit.guardrails.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.guardrails.Finding;

/**
 * A shop laid out like the Acme Shop, for the linter: {@code checkout-service/src/main/resources/db/changelog/}
 * with a master including {@code releases/<name>} in order (YAML, XML or formatted SQL, by the name's ending), and
 * some production code that uses columns.
 */
final class ChangelogFixture {

	static final String CHANGELOG = "checkout-service/src/main/resources/db/changelog/";

	/** v1.0.0: the orders table, populated in production. */
	static final String BASE = """
			databaseChangeLog:
			  - changeSet:
			      id: 1.0.0-create-orders
			      author: maria
			      changes:
			        - createTable:
			            tableName: orders
			            columns:
			              - column:
			                  name: id
			                  type: bigint
			                  autoIncrement: true
			                  constraints:
			                    primaryKey: true
			              - column:
			                  name: customer_id
			                  type: bigint
			                  constraints:
			                    nullable: false
			              - column:
			                  name: status
			                  type: varchar(32)
			                  constraints:
			                    nullable: false
			              - column:
			                  name: note
			                  type: varchar(255)
			              - column:
			                  name: legacy_flag
			                  type: boolean
			""";

	/** What v1.0.0's code reads and writes. */
	static final String CODE = """
			package com.example;

			class OrderRepository {
			    static final String INSERT = "INSERT INTO orders (customer_id, status, note) VALUES (?, ?, ?)";
			}
			""";

	private final Map<String, String> releases = new LinkedHashMap<>();

	private String code = CODE;

	static ChangelogFixture base() {
		return new ChangelogFixture().release("v1.0.0.yaml", BASE);
	}

	ChangelogFixture release(String file, String content) {
		this.releases.put(file, content);
		return this;
	}

	/** The next release as YAML changesets (the text under {@code databaseChangeLog:}). */
	ChangelogFixture next(String changeSets) {
		return release("v1.1.0.yaml", "databaseChangeLog:\n" + changeSets);
	}

	/** The linter's findings on this shop alone, written into {@code dir}. */
	List<Finding> lint(Path dir) {
		return MigrationLint.lint(write(dir), null, null).findings();
	}

	Path write(Path dir) {
		try {
			StringBuilder master = new StringBuilder("databaseChangeLog:\n");
			for (Map.Entry<String, String> release : this.releases.entrySet()) {
				Path file = dir.resolve(CHANGELOG + "releases/" + release.getKey());
				Files.createDirectories(file.getParent());
				Files.writeString(file, release.getValue());
				master.append("  - include:\n      file: releases/").append(release.getKey())
					.append("\n      relativeToChangelogFile: true\n");
			}
			Files.writeString(dir.resolve(CHANGELOG + "db.changelog-master.yaml"), master.toString());
			Path code = dir.resolve("checkout-service/src/main/java/com/example/OrderRepository.java");
			Files.createDirectories(code.getParent());
			Files.writeString(code, this.code);
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
