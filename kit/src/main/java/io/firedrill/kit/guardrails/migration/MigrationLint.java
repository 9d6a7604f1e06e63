package io.firedrill.kit.guardrails.migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.migration.Changelogs.Changelog;
import io.firedrill.kit.guardrails.migration.Changelogs.Entry;

/**
 * The migration linter: reads the shop's Liquibase changelog, replays it into a model of the schema, and applies
 * the rules of {@link MigrationRule} to the changesets of this release.
 * <ul>
 * <li>The changelog is laid out per release ({@code releases/vX.Y.Z.yaml}): the last file in run order is "this
 * release", a table is "existing" (populated) when an earlier file created it, or no file did.</li>
 * <li>Changesets of this release that the baseline (the release in production, {@code v2.3.0} by default) already
 * holds unchanged have run already: they are not linted again. Every changeset the baseline holds is compared
 * with it by Liquibase checksum ({@code executed-changeset-edited}).</li>
 * <li>"What the previous release reads or writes" is a search of the baseline's code for the column name
 * ({@link PreviousReleaseCode}); without a baseline, of this version's own code.</li>
 * </ul>
 */
public final class MigrationLint {

	private MigrationLint() {
	}

	/** The findings, and notes on what was linted against what. */
	public record Result(List<Finding> findings, List<String> notes, int linted) {
	}

	/**
	 * Lints a shop checkout.
	 * @param shop the version under test
	 * @param baseline the release in production before it, or {@code null}
	 * @param baselineLabel how to name the baseline in messages
	 */
	public static Result lint(Path shop, Path baseline, String baselineLabel) {
		List<Finding> findings = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		List<Path> masters = Changelogs.findMasters(shop);
		if (masters.isEmpty()) {
			notes.add("no Liquibase changelog (db.changelog-master.*) under a module's src/main/resources");
			return new Result(findings, notes, 0);
		}
		int linted = 0;
		for (Path master : masters) {
			String shown = shop.relativize(master).toString().replace('\\', '/');
			Changelog changelog = Changelogs.read(master);
			notes.add("changelog " + shown + ": " + changelog.entries().size() + " changesets in "
					+ changelog.files().size() + " files, read with Liquibase's own parser");
			Map<String, Entry> executed = new LinkedHashMap<>();
			if (baseline != null) {
				Path baselineMaster = baseline.resolve(shop.relativize(master).toString());
				if (baselineMaster.toFile().isFile()) {
					Changelogs.read(baselineMaster).entries().forEach((entry) -> executed.put(entry.key(), entry));
				}
				else {
					notes.add("baseline " + baselineLabel + " has no " + shown + ": nothing compared with it");
				}
			}
			PreviousReleaseCode previous = PreviousReleaseCode.of((baseline != null) ? baseline : shop);
			Linter linter = new Linter(shop, changelog, executed, previous, findings);
			linted += linter.run();
			notes.addAll(linter.notes);
			notes.add((baseline != null)
					? "what the previous release reads or writes: its code (" + baselineLabel
							+ ") searched for the column name, Java/Kotlin/SQL/XML under src/main"
					: "no baseline: executed changesets are not compared, and 'the previous release' is this version's "
							+ "own code searched for the column name");
		}
		return new Result(findings, notes, linted);
	}

	/** The replay of one changelog. */
	private static final class Linter {

		private final Path shop;

		private final Changelog changelog;

		private final Map<String, Entry> executed;

		private final PreviousReleaseCode previous;

		private final List<Finding> findings;

		private final List<String> notes = new ArrayList<>();

		private final Map<String, TableState> tables = new HashMap<>();

		/** Columns whose NOT NULL without default is judged on the final schema: table.column to its history. */
		private final Map<String, Required> required = new LinkedHashMap<>();

		private final String thisRelease;

		Linter(Path shop, Changelog changelog, Map<String, Entry> executed, PreviousReleaseCode previous,
				List<Finding> findings) {
			this.shop = shop.toAbsolutePath().normalize();
			this.changelog = changelog;
			this.executed = executed;
			this.previous = previous;
			this.findings = findings;
			List<String> files = changelog.files();
			this.thisRelease = files.isEmpty() ? null : files.get(files.size() - 1);
		}

		int run() {
			int linted = 0;
			int alreadyRun = 0;
			int compared = 0;
			for (Entry entry : this.changelog.entries()) {
				Entry before = this.executed.get(entry.key());
				if (before != null) {
					compared++;
					checkNotEdited(entry, before);
				}
				boolean lint = entry.file().equals(this.thisRelease)
						&& (before == null || !before.checksum().equals(entry.checksum()));
				if (entry.file().equals(this.thisRelease) && !lint) {
					alreadyRun++;
				}
				if (lint) {
					linted++;
				}
				for (Changelogs.Op op : entry.ops()) {
					boolean postgres = Changelogs.appliesToPostgres(entry.dbms()) && Changelogs.appliesToPostgres(op.dbms());
					if (lint) {
						check(entry, op.op(), postgres);
					}
					apply(entry, op.op(), lint);
				}
			}
			judgeRequiredColumns();
			this.notes.add("this release: " + this.thisRelease + ", " + linted + " changeset(s) linted"
					+ ((alreadyRun > 0) ? ", " + alreadyRun + " already in the baseline unchanged (they have run: not linted)"
							: ""));
			if (!this.executed.isEmpty()) {
				this.notes.add(compared + " changeset(s) the baseline holds compared with it by Liquibase checksum");
			}
			return linted;
		}

		private void checkNotEdited(Entry entry, Entry before) {
			if (entry.checksum().equals(before.checksum()) || entry.runOnChange()
					|| entry.accepts().test(before.checksum())) {
				return;
			}
			finding(MigrationRule.EXECUTED_CHANGESET_EDITED, entry,
					"changed since the baseline ran it: checksum " + before.checksum() + " -> " + entry.checksum());
		}

		private void check(Entry entry, SchemaOp op, boolean postgres) {
			TableState table = this.tables.get(op.table());
			boolean existing = table == null || !this.thisRelease.equals(table.createdIn);
			if (op instanceof SchemaOp.CreateTable create) {
				checkJson(entry, create.table(), create.columns(), postgres);
			}
			else if (op instanceof SchemaOp.AddColumn add) {
				checkJson(entry, add.table(), List.of(add.column()), postgres);
				if (existing && !add.column().nullable() && !add.column().hasDefault()) {
					finding(MigrationRule.NOT_NULL_WITHOUT_BACKFILL, entry, "adds " + add.table() + "."
							+ add.column().name() + " NOT NULL without a default: the rows already there have no value");
				}
			}
			else if (op instanceof SchemaOp.SetNotNull notNull) {
				if (existing) {
					checkSetNotNull(entry, notNull, table, postgres);
				}
			}
			else if (op instanceof SchemaOp.DropColumn drop) {
				if (existing) {
					checkStillUsed(entry, drop.table(), drop.column(), "drops");
				}
			}
			else if (op instanceof SchemaOp.RenameColumn rename) {
				if (existing) {
					checkStillUsed(entry, rename.table(), rename.from(), "renames");
				}
			}
			else if (op instanceof SchemaOp.ModifyType modify) {
				checkJson(entry, modify.table(),
						List.of(new SchemaOp.Column(modify.column(), modify.newType(), true, false)), postgres);
				ColumnState column = (table != null) ? table.columns.get(modify.column()) : null;
				if (existing && column != null && !this.thisRelease.equals(column.addedIn)) {
					SqlTypes.narrowing(column.type, modify.newType())
						.ifPresent((why) -> finding(MigrationRule.TYPE_NARROWED, entry,
								"changes " + modify.table() + "." + modify.column() + " " + why));
				}
			}
			else if (op instanceof SchemaOp.CreateIndex index) {
				if (existing && postgres) {
					String name = (index.name() != null) ? " " + index.name() : "";
					if (!index.concurrently()) {
						finding(MigrationRule.INDEX_NOT_CONCURRENT, entry, "creates index" + name + " on "
								+ index.table() + ", a table that already has rows, without CONCURRENTLY");
					}
					else if (entry.runInTransaction()) {
						finding(MigrationRule.INDEX_NOT_CONCURRENT, entry, "creates index" + name + " CONCURRENTLY on "
								+ index.table() + " inside a transaction, which PostgreSQL refuses");
					}
				}
			}
			else if (op instanceof SchemaOp.DropDefault drop) {
				ColumnState column = (table != null) ? table.columns.get(drop.column()) : null;
				if (existing && column != null && !column.nullable && column.addedIn != null
						&& !column.addedIn.equals(this.thisRelease) && !this.previous.uses(drop.column())) {
					this.required.putIfAbsent(drop.table() + "." + drop.column(),
							new Required(entry, drop.table(), drop.column(), "dropsDefault"));
				}
			}
		}

		private void checkSetNotNull(Entry entry, SchemaOp.SetNotNull notNull, TableState table, boolean postgres) {
			ColumnState column = (table != null) ? table.columns.get(notNull.column()) : null;
			String name = notNull.table() + "." + notNull.column();
			if (postgres && !table(notNull.table()).validatedNotNull.contains(notNull.column())) {
				finding(MigrationRule.NOT_NULL_ON_EXISTING_COLUMN, entry,
						"sets NOT NULL on " + name + " of a table that already has rows, in one step");
			}
			if (column != null && this.thisRelease.equals(column.addedIn)) {
				finding(MigrationRule.NOT_NULL_WITHOUT_BACKFILL, entry,
						"sets NOT NULL on " + name + " in the same release that adds the column");
			}
			else if (!notNull.fillsNulls() && !table(notNull.table()).backfilled.contains(notNull.column())) {
				finding(MigrationRule.NOT_NULL_WITHOUT_BACKFILL, entry,
						"sets NOT NULL on " + name + " with no backfill changeset before it");
			}
		}

		private void checkJson(Entry entry, String table, List<SchemaOp.Column> columns, boolean postgres) {
			if (!postgres) {
				return;
			}
			for (SchemaOp.Column column : columns) {
				if (column.type() != null && column.type().strip().equals("json")) {
					finding(MigrationRule.JSON_NOT_JSONB, entry, "declares " + table + "." + column.name() + " as json");
				}
			}
		}

		private void checkStillUsed(Entry entry, String table, String column, String verb) {
			TableState state = this.tables.get(table);
			ColumnState known = (state != null) ? state.columns.get(column) : null;
			if (known != null && this.thisRelease.equals(known.addedIn)) {
				return;
			}
			List<String> uses = this.previous.usesOf(column, 3);
			if (!uses.isEmpty()) {
				finding(MigrationRule.COLUMN_REMOVED_WHILE_READ, entry, verb + " " + table + "." + column
						+ ", which the previous release still uses (" + String.join(", ", uses) + ")");
			}
		}

		/** Replays an operation into the model; inside this release, records what the N-1 rules need. */
		private void apply(Entry entry, SchemaOp op, boolean lint) {
			if (op instanceof SchemaOp.CreateTable create) {
				TableState table = new TableState(entry.file());
				for (SchemaOp.Column column : create.columns()) {
					table.columns.put(column.name(), new ColumnState(column, entry.file()));
				}
				this.tables.put(create.table(), table);
			}
			else if (op instanceof SchemaOp.AddColumn add) {
				TableState table = table(add.table());
				table.columns.put(add.column().name(), new ColumnState(add.column(), entry.file()));
				if (lint && !this.thisRelease.equals(table.createdIn)) {
					Required history = this.required.computeIfAbsent(add.table() + "." + add.column().name(),
							(key) -> new Required(entry, add.table(), add.column().name(), "added"));
					history.addedNotNull = !add.column().nullable();
					history.addedWithDefault = add.column().hasDefault();
				}
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
				Required history = this.required.get(notNull.table() + "." + notNull.column());
				if (history != null && lint) {
					history.setNotNull = true;
				}
			}
			else if (op instanceof SchemaOp.DropNotNull dropNotNull) {
				column(dropNotNull.table(), dropNotNull.column()).nullable = true;
			}
			else if (op instanceof SchemaOp.SetDefault setDefault) {
				column(setDefault.table(), setDefault.column()).hasDefault = true;
			}
			else if (op instanceof SchemaOp.DropDefault dropDefault) {
				column(dropDefault.table(), dropDefault.column()).hasDefault = false;
				Required history = this.required.get(dropDefault.table() + "." + dropDefault.column());
				if (history != null && lint) {
					history.defaultDropped = true;
				}
			}
			else if (op instanceof SchemaOp.Update update) {
				if (lint) {
					TableState table = table(update.table());
					if (update.columns().isEmpty()) {
						table.backfilled.addAll(table.columns.keySet());
					}
					table.backfilled.addAll(update.columns());
				}
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

		/** A column added NOT NULL in this release (or made so) breaks old writers if it ends NOT NULL with no default. */
		private void judgeRequiredColumns() {
			for (Required history : this.required.values()) {
				TableState table = this.tables.get(history.table);
				ColumnState column = (table != null) ? table.columns.get(history.column) : null;
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
				finding(MigrationRule.REQUIRED_COLUMN_BREAKS_OLD_WRITERS, history.addedBy, what);
			}
		}

		private TableState table(String name) {
			return this.tables.computeIfAbsent(name, (key) -> new TableState(null));
		}

		private ColumnState column(String table, String column) {
			return table(table).columns.computeIfAbsent(column,
					(key) -> new ColumnState(new SchemaOp.Column(key, null, true, false), null));
		}

		private void finding(MigrationRule rule, Entry entry, String what) {
			Path file = this.changelog.resourceRoot().resolve(entry.file()).toAbsolutePath().normalize();
			// where the changeset is, for SARIF readers that annotate the line (code scanning, IDEs)
			String relative = file.startsWith(this.shop) ? this.shop.relativize(file).toString().replace('\\', '/') : null;
			this.findings.add(new Finding(rule.id(), entry.describe(), what, rule.why(), rule.fix(), relative,
					(relative != null) ? Changelogs.lineOf(file, entry.id()) : null));
		}

	}

	/** A table as the changelog left it so far. */
	private static final class TableState {

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

	private static final class ColumnState {

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
