package io.firedrill.kit.guardrails.migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.migration.Changelogs.Changelog;
import io.firedrill.kit.guardrails.migration.Changelogs.Entry;

/**
 * The migration linter: reads the shop's Liquibase changelog, replays it into a model of the schema
 * ({@link SchemaModel}), and applies the rules of {@link MigrationRule} to the changesets of this release (the
 * rule judged on the final schema, {@code required-column-breaks-old-writers}, in {@link RequiredColumns}).
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

		private final SchemaModel schema = new SchemaModel();

		private final RequiredColumns required = new RequiredColumns();

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
			this.required.judge(this.schema,
					(entry, what) -> finding(MigrationRule.REQUIRED_COLUMN_BREAKS_OLD_WRITERS, entry, what));
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
			SchemaModel.TableState table = this.schema.find(op.table());
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
				SchemaModel.ColumnState column = (table != null) ? table.columns.get(modify.column()) : null;
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
				SchemaModel.ColumnState column = (table != null) ? table.columns.get(drop.column()) : null;
				if (existing && column != null && !column.nullable && column.addedIn != null
						&& !column.addedIn.equals(this.thisRelease) && !this.previous.uses(drop.column())) {
					this.required.defaultDropped(entry, drop.table(), drop.column());
				}
			}
		}

		private void checkSetNotNull(Entry entry, SchemaOp.SetNotNull notNull, SchemaModel.TableState table,
				boolean postgres) {
			SchemaModel.ColumnState column = (table != null) ? table.columns.get(notNull.column()) : null;
			String name = notNull.table() + "." + notNull.column();
			if (postgres && !this.schema.table(notNull.table()).validatedNotNull.contains(notNull.column())) {
				finding(MigrationRule.NOT_NULL_ON_EXISTING_COLUMN, entry,
						"sets NOT NULL on " + name + " of a table that already has rows, in one step");
			}
			if (column != null && this.thisRelease.equals(column.addedIn)) {
				finding(MigrationRule.NOT_NULL_WITHOUT_BACKFILL, entry,
						"sets NOT NULL on " + name + " in the same release that adds the column");
			}
			else if (!notNull.fillsNulls() && !this.schema.table(notNull.table()).backfilled.contains(notNull.column())) {
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
			SchemaModel.ColumnState known = this.schema.findColumn(table, column);
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
			this.schema.apply(op, entry.file());
			if (lint) {
				if (op instanceof SchemaOp.Update update) {
					this.schema.backfill(update);
				}
				this.required.record(entry, op, this.schema, this.thisRelease);
			}
		}

		private void finding(MigrationRule rule, Entry entry, String what) {
			Path file = this.changelog.resourceRoot().resolve(entry.file()).toAbsolutePath().normalize();
			// where the changeset is, for SARIF readers that annotate the line (code scanning, IDEs)
			String relative = file.startsWith(this.shop) ? this.shop.relativize(file).toString().replace('\\', '/') : null;
			this.findings.add(new Finding(rule.id(), entry.describe(), what, rule.why(), rule.fix(), relative,
					(relative != null) ? Changelogs.lineOf(file, entry.id()) : null));
		}

	}

}
