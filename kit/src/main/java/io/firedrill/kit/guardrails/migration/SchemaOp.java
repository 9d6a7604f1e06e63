package io.firedrill.kit.guardrails.migration;

import java.util.List;
import java.util.Set;

/**
 * What a change does to the schema, whatever wrote it (a Liquibase change of a YAML, XML or JSON changelog, or
 * the SQL of a {@code sql}/{@code sqlFile} change or a formatted SQL changelog). Names are lower case.
 */
sealed interface SchemaOp {

	/** The table it is about. */
	String table();

	/**
	 * A column as declared.
	 * @param type declared type, lower case, or {@code null} when unknown
	 * @param nullable whether it accepts NULL
	 * @param hasDefault whether it has a default (or fills itself: auto-increment, identity)
	 */
	record Column(String name, String type, boolean nullable, boolean hasDefault) {
	}

	record CreateTable(String table, List<Column> columns) implements SchemaOp {
	}

	record AddColumn(String table, Column column) implements SchemaOp {
	}

	record DropColumn(String table, String column) implements SchemaOp {
	}

	record RenameColumn(String table, String from, String to) implements SchemaOp {
	}

	record ModifyType(String table, String column, String newType) implements SchemaOp {
	}

	/** @param fillsNulls whether the same change first sets existing NULLs to a value (Liquibase's defaultNullValue) */
	record SetNotNull(String table, String column, boolean fillsNulls) implements SchemaOp {
	}

	record DropNotNull(String table, String column) implements SchemaOp {
	}

	record SetDefault(String table, String column) implements SchemaOp {
	}

	record DropDefault(String table, String column) implements SchemaOp {
	}

	record CreateIndex(String table, String name, boolean concurrently) implements SchemaOp {
	}

	/** An UPDATE of existing rows (a backfill when it sets a column). */
	record Update(String table, Set<String> columns) implements SchemaOp {
	}

	/** {@code CHECK (column IS NOT NULL)}, validated now or {@code NOT VALID}. */
	record CheckNotNull(String table, String column, String constraint, boolean validated) implements SchemaOp {
	}

	record ValidateConstraint(String table, String constraint) implements SchemaOp {
	}

	record DropTable(String table) implements SchemaOp {
	}

	record RenameTable(String table, String to) implements SchemaOp {
	}

}
