package io.firedrill.kit.guardrails.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import io.firedrill.kit.guardrails.migration.Changelogs.Entry;

/**
 * The rule {@code required-column-breaks-old-writers}: a column this release adds NOT NULL (or makes so, or whose
 * default it drops) breaks the previous release's inserts only if it ends NOT NULL with no default, so each such
 * column's history in this release is recorded while the changelog is replayed and judged on the final schema.
 */
final class RequiredColumns {

	/** table.column to its history in this release, in the order first seen. */
	private final Map<String, Required> required = new LinkedHashMap<>();

	/**
	 * Records what a linted operation does to a column that may end up required; call it after the schema has
	 * applied the operation.
	 */
	void record(Entry entry, SchemaOp op, SchemaModel schema, String thisRelease) {
		if (op instanceof SchemaOp.AddColumn add) {
			if (!thisRelease.equals(schema.table(add.table()).createdIn)) {
				Required history = this.required.computeIfAbsent(add.table() + "." + add.column().name(),
						(key) -> new Required(entry, add.table(), add.column().name(), "added"));
				history.addedNotNull = !add.column().nullable();
				history.addedWithDefault = add.column().hasDefault();
			}
		}
		else if (op instanceof SchemaOp.SetNotNull notNull) {
			Required history = this.required.get(notNull.table() + "." + notNull.column());
			if (history != null) {
				history.setNotNull = true;
			}
		}
		else if (op instanceof SchemaOp.DropDefault dropDefault) {
			Required history = this.required.get(dropDefault.table() + "." + dropDefault.column());
			if (history != null) {
				history.defaultDropped = true;
			}
		}
	}

	/** This release drops the default of an older NOT NULL column that the previous release never writes. */
	void defaultDropped(Entry entry, String table, String column) {
		this.required.putIfAbsent(table + "." + column, new Required(entry, table, column, "dropsDefault"));
	}

	/** Says, for each column that ends NOT NULL without a default, how this release made it so. */
	void judge(SchemaModel schema, BiConsumer<Entry, String> finding) {
		for (Required history : this.required.values()) {
			SchemaModel.ColumnState column = schema.findColumn(history.table, history.column);
			if (column == null || column.nullable || column.hasDefault) {
				continue;
			}
			String name = history.table + "." + history.column;
			String what;
			if (history.how.equals("dropsDefault")) {
				what = "drops the default of " + name + ", NOT NULL, which the previous release never writes";
			}
			else if (history.addedNotNull && history.addedWithDefault && history.defaultDropped) {
				what = "adds " + name + " NOT NULL with a default for the existing rows, then drops the default "
						+ "in the same release: inserts that omit it now fail";
			}
			else if (history.addedNotNull && !history.addedWithDefault) {
				what = "adds " + name + " NOT NULL without a default";
			}
			else if (history.setNotNull) {
				what = "adds " + name + ", then makes it NOT NULL in the same release, with no default";
			}
			else if (history.defaultDropped) {
				what = "adds " + name + " NOT NULL, then drops its default in the same release";
			}
			else {
				what = "leaves " + name + ", added in this release, NOT NULL without a default";
			}
			finding.accept(history.addedBy, what);
		}
	}

	/** The history, in this release, of a column that may end up required. */
	private static final class Required {

		final Entry addedBy;

		final String table;

		final String column;

		final String how;

		boolean addedNotNull;

		boolean addedWithDefault;

		boolean defaultDropped;

		boolean setNotNull;

		Required(Entry addedBy, String table, String column, String how) {
			this.addedBy = addedBy;
			this.table = table;
			this.column = column;
			this.how = how;
		}

	}

}
