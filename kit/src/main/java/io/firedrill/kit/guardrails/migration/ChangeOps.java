package io.firedrill.kit.guardrails.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.change.core.UpdateDataChange;

/** The {@link SchemaOp}s of a Liquibase change, whichever format its changelog is written in. */
final class ChangeOps {

	private ChangeOps() {
	}

	static List<SchemaOp> of(Change change) {
		List<SchemaOp> ops = new ArrayList<>();
		if (change instanceof CreateTableChange create) {
			List<SchemaOp.Column> columns = new ArrayList<>();
			for (ColumnConfig column : create.getColumns()) {
				columns.add(column(column));
			}
			ops.add(new SchemaOp.CreateTable(lower(create.getTableName()), columns));
		}
		else if (change instanceof AddColumnChange add) {
			for (ColumnConfig column : add.getColumns()) {
				ops.add(new SchemaOp.AddColumn(lower(add.getTableName()), column(column)));
			}
		}
		else if (change instanceof DropColumnChange drop) {
			if (drop.getColumnName() != null) {
				ops.add(new SchemaOp.DropColumn(lower(drop.getTableName()), lower(drop.getColumnName())));
			}
			if (drop.getColumns() != null) {
				for (ColumnConfig column : drop.getColumns()) {
					ops.add(new SchemaOp.DropColumn(lower(drop.getTableName()), lower(column.getName())));
				}
			}
		}
		else if (change instanceof RenameColumnChange rename) {
			ops.add(new SchemaOp.RenameColumn(lower(rename.getTableName()), lower(rename.getOldColumnName()),
					lower(rename.getNewColumnName())));
		}
		else if (change instanceof ModifyDataTypeChange modify) {
			ops.add(new SchemaOp.ModifyType(lower(modify.getTableName()), lower(modify.getColumnName()),
					lower(modify.getNewDataType())));
		}
		else if (change instanceof AddNotNullConstraintChange notNull) {
			ops.add(new SchemaOp.SetNotNull(lower(notNull.getTableName()), lower(notNull.getColumnName()),
					notNull.getDefaultNullValue() != null));
		}
		else if (change instanceof DropNotNullConstraintChange dropNotNull) {
			ops.add(new SchemaOp.DropNotNull(lower(dropNotNull.getTableName()), lower(dropNotNull.getColumnName())));
		}
		else if (change instanceof AddDefaultValueChange addDefault) {
			ops.add(new SchemaOp.SetDefault(lower(addDefault.getTableName()), lower(addDefault.getColumnName())));
		}
		else if (change instanceof DropDefaultValueChange dropDefault) {
			ops.add(new SchemaOp.DropDefault(lower(dropDefault.getTableName()), lower(dropDefault.getColumnName())));
		}
		else if (change instanceof CreateIndexChange index) {
			// Liquibase's createIndex has no CONCURRENTLY: it always locks the table's writes on PostgreSQL.
			ops.add(new SchemaOp.CreateIndex(lower(index.getTableName()), lower(index.getIndexName()), false));
		}
		else if (change instanceof UpdateDataChange update) {
			Set<String> columns = new LinkedHashSet<>();
			for (ColumnConfig column : update.getColumns()) {
				columns.add(lower(column.getName()));
			}
			ops.add(new SchemaOp.Update(lower(update.getTableName()), columns));
		}
		else if (change instanceof DropTableChange drop) {
			ops.add(new SchemaOp.DropTable(lower(drop.getTableName())));
		}
		else if (change instanceof RenameTableChange rename) {
			ops.add(new SchemaOp.RenameTable(lower(rename.getOldTableName()), lower(rename.getNewTableName())));
		}
		else if (change instanceof AbstractSQLChange sql) {
			String text = sql.getSql();
			if (text != null) {
				ops.addAll(SqlOps.parse(text));
			}
		}
		return ops;
	}

	/** The change's own {@code dbms} filter (only SQL changes have one), or {@code null}. */
	static String dbms(Change change) {
		return (change instanceof AbstractSQLChange sql) ? sql.getDbms() : null;
	}

	private static SchemaOp.Column column(ColumnConfig column) {
		ConstraintsConfig constraints = column.getConstraints();
		boolean primaryKey = constraints != null && Boolean.TRUE.equals(constraints.isPrimaryKey());
		boolean nullable = !primaryKey && (constraints == null || !Boolean.FALSE.equals(constraints.isNullable()));
		boolean hasDefault = column.getDefaultValueObject() != null || column.getDefaultValueComputed() != null
				|| Boolean.TRUE.equals(column.isAutoIncrement());
		return new SchemaOp.Column(lower(column.getName()), lower(column.getType()), nullable, hasDefault);
	}

	private static String lower(String name) {
		return (name != null) ? name.toLowerCase(Locale.ROOT) : null;
	}

}
