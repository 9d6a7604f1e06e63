package io.firedrill.kit.guardrails.migration;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The schema as the changesets replayed so far left it: its tables, their columns, and what the rules ask of a
 * table (which columns a linted changeset backfilled, which have a validated NOT NULL check). A table or column
 * the changelog never created is made up when first touched: it was there before the changelog.
 */
final class SchemaModel {

	private final Map<String, TableState> tables = new HashMap<>();

	/** The table, or {@code null} when no changeset created or touched it. */
	TableState find(String name) {
		return this.tables.get(name);
	}

	/** The column, or {@code null} when its table or itself is unknown. */
	ColumnState findColumn(String table, String column) {
		TableState state = this.tables.get(table);
		return (state != null) ? state.columns.get(column) : null;
	}

	TableState table(String name) {
		return this.tables.computeIfAbsent(name, (key) -> new TableState(null));
	}

	private ColumnState column(String table, String column) {
		return table(table).columns.computeIfAbsent(column,
				(key) -> new ColumnState(new SchemaOp.Column(key, null, true, false), null));
	}

	/** Replays one operation of a changeset of {@code file}; an update's backfill counts only when linted: {@link #backfill}. */
	void apply(SchemaOp op, String file) {
		if (op instanceof SchemaOp.CreateTable create) {
			TableState table = new TableState(file);
			for (SchemaOp.Column column : create.columns()) {
				table.columns.put(column.name(), new ColumnState(column, file));
			}
			this.tables.put(create.table(), table);
		}
		else if (op instanceof SchemaOp.AddColumn add) {
			table(add.table()).columns.put(add.column().name(), new ColumnState(add.column(), file));
		}
		else if (op instanceof SchemaOp.DropColumn drop) {
			table(drop.table()).columns.remove(drop.column());
		}
		else if (op instanceof SchemaOp.RenameColumn rename) {
			TableState table = table(rename.table());
			ColumnState column = table.columns.remove(rename.from());
			if (column != null) {
				table.columns.put(rename.to(), column);
			}
		}
		else if (op instanceof SchemaOp.ModifyType modify) {
			column(modify.table(), modify.column()).type = modify.newType();
		}
		else if (op instanceof SchemaOp.SetNotNull notNull) {
			column(notNull.table(), notNull.column()).nullable = false;
		}
		else if (op instanceof SchemaOp.DropNotNull dropNotNull) {
			column(dropNotNull.table(), dropNotNull.column()).nullable = true;
		}
		else if (op instanceof SchemaOp.SetDefault setDefault) {
			column(setDefault.table(), setDefault.column()).hasDefault = true;
		}
		else if (op instanceof SchemaOp.DropDefault dropDefault) {
			column(dropDefault.table(), dropDefault.column()).hasDefault = false;
		}
		else if (op instanceof SchemaOp.CheckNotNull check) {
			if (check.validated()) {
				table(check.table()).validatedNotNull.add(check.column());
			}
			else if (check.constraint() != null) {
				table(check.table()).pendingChecks.put(check.constraint(), check.column());
			}
		}
		else if (op instanceof SchemaOp.ValidateConstraint validate) {
			TableState table = table(validate.table());
			String column = table.pendingChecks.get(validate.constraint());
			if (column != null) {
				table.validatedNotNull.add(column);
			}
		}
		else if (op instanceof SchemaOp.DropTable drop) {
			this.tables.remove(drop.table());
		}
		else if (op instanceof SchemaOp.RenameTable rename) {
			TableState table = this.tables.remove(rename.table());
			if (table != null) {
				this.tables.put(rename.to(), table);
			}
		}
	}

	/** An update of this release fills the columns it sets (all of them when it names none). */
	void backfill(SchemaOp.Update update) {
		TableState table = table(update.table());
		if (update.columns().isEmpty()) {
			table.backfilled.addAll(table.columns.keySet());
		}
		table.backfilled.addAll(update.columns());
	}

	/** A table as the changelog left it so far. */
	static final class TableState {

		/** The file that created it, {@code null} when no changeset did (created outside the changelog). */
		final String createdIn;

		final Map<String, ColumnState> columns = new LinkedHashMap<>();

		final Set<String> backfilled = new HashSet<>();

		final Set<String> validatedNotNull = new HashSet<>();

		final Map<String, String> pendingChecks = new HashMap<>();

		TableState(String createdIn) {
			this.createdIn = createdIn;
		}

	}

	static final class ColumnState {

		String type;

		boolean nullable;

		boolean hasDefault;

		final String addedIn;

		ColumnState(SchemaOp.Column column, String addedIn) {
			this.type = column.type();
			this.nullable = column.nullable();
			this.hasDefault = column.hasDefault();
			this.addedIn = addedIn;
		}

	}

}
