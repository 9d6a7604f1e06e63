package io.firedrill.kit.guardrails.migration;

/**
 * The rules of the migration linter, with their stable ids, the reason each exists (one sentence) and the safe
 * alternative (the texts of guardrails.md). Two families: N-1 compatibility (can the previous release still run
 * against the migrated schema, during a rolling deploy and after a rollback?) and locking or rewriting a table.
 */
public enum MigrationRule {

	REQUIRED_COLUMN_BREAKS_OLD_WRITERS("required-column-breaks-old-writers",
			"the previous release's INSERTs do not set this column, so during a rolling deploy and after a rollback "
					+ "every one of them fails with a NOT NULL violation",
			"add it nullable (or NOT NULL with a default) now; write it in the next release; enforce NOT NULL in the "
					+ "one after (expand-contract)"),

	COLUMN_REMOVED_WHILE_READ("column-removed-while-read",
			"the previous release still reads or writes this column, so its queries fail during a rolling deploy and "
					+ "after a rollback",
			"stop using it in release N, drop it in N+1"),

	TYPE_NARROWED("type-narrowed",
			"the new type rejects values the previous release writes, so its writes fail during a rolling deploy and "
					+ "after a rollback",
			"add a new column, dual-write, backfill, switch reads, drop later"),

	EXECUTED_CHANGESET_EDITED("executed-changeset-edited",
			"Liquibase stores the checksum of every changeset it ran and refuses to start on every database where the "
					+ "original already ran",
			"never edit; add a new changeset"),

	NOT_NULL_ON_EXISTING_COLUMN("not-null-on-existing-column",
			"SET NOT NULL scans the whole populated table under an ACCESS EXCLUSIVE lock, blocking its reads and writes "
					+ "until the scan ends",
			"`CHECK (col IS NOT NULL) NOT VALID`, then `VALIDATE CONSTRAINT`, then `SET NOT NULL` (PostgreSQL 12+ uses "
					+ "the validated check and skips the scan), then drop the check"),

	NOT_NULL_WITHOUT_BACKFILL("not-null-without-backfill",
			"rows that exist, and rows the previous release still writes, have no value for the column, so the "
					+ "constraint fails on them or forces one long locking rewrite",
			"backfill in batches first"),

	INDEX_NOT_CONCURRENT("index-not-concurrent",
			"CREATE INDEX without CONCURRENTLY blocks every write to the table until the whole index is built",
			"create concurrently, outside a transaction (`runInTransaction: false`)"),

	JSON_NOT_JSONB("json-not-jsonb",
			"json keeps the raw text and re-parses it on every access, and has no equality operator and no GIN "
					+ "indexing",
			"`jsonb`");

	private final String id;

	private final String why;

	private final String fix;

	MigrationRule(String id, String why, String fix) {
		this.id = id;
		this.why = why;
		this.fix = fix;
	}

	public String id() {
		return this.id;
	}

	public String why() {
		return this.why;
	}

	public String fix() {
		return this.fix;
	}

}
