package io.firedrill.kit.guardrails.jobs;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inserts rows into whatever schema a version of the shop has: the columns given, plus a placeholder for every
 * column that is NOT NULL without a default (so a seed written for v2.3.0 still goes into a table that gained a
 * required column since).
 */
public final class Rows {

	private Rows() {
	}

	/** Inserts a row and returns its generated {@code id}. */
	public static long insert(Connection connection, String table, Map<String, Object> values) throws SQLException {
		Map<String, Object> row = new LinkedHashMap<>(values);
		List<String> literals = new ArrayList<>();
		List<String> literalColumns = new ArrayList<>();
		boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		for (RequiredColumn column : requiredColumns(connection, table)) {
			if (!row.containsKey(column.name()) && !column.name().equals("id")) {
				literalColumns.add(column.name());
				literals.add(placeholder(column, postgres));
			}
		}
		List<String> columns = new ArrayList<>(row.keySet());
		List<String> all = new ArrayList<>(columns);
		all.addAll(literalColumns);
		List<String> valueSql = new ArrayList<>(columns.stream().map((c) -> "?").toList());
		valueSql.addAll(literals);
		String sql = "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES (" + String.join(", ", valueSql)
				+ ")";
		try (PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" })) {
			for (int i = 0; i < columns.size(); i++) {
				statement.setObject(i + 1, row.get(columns.get(i)));
			}
			statement.executeUpdate();
			try (ResultSet keys = statement.getGeneratedKeys()) {
				return keys.next() ? keys.getLong(1) : -1;
			}
		}
	}

	/** Whether the table exists (in any letter case). */
	public static boolean tableExists(Connection connection, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
			try (ResultSet tables = metaData.getTables(null, null, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	record RequiredColumn(String name, int type, String typeName) {
	}

	static List<RequiredColumn> requiredColumns(Connection connection, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		List<RequiredColumn> required = new ArrayList<>();
		for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
			try (ResultSet columns = metaData.getColumns(null, null, name, null)) {
				while (columns.next()) {
					boolean notNull = columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
					String columnDefault = columns.getString("COLUMN_DEF");
					// Liquibase drops a default on H2 with SET DEFAULT NULL: that is no default.
					boolean hasDefault = columnDefault != null && !columnDefault.strip().toUpperCase(Locale.ROOT).startsWith("NULL");
					boolean generated = "YES".equalsIgnoreCase(columns.getString("IS_AUTOINCREMENT"))
							|| "YES".equalsIgnoreCase(columns.getString("IS_GENERATEDCOLUMN"));
					if (notNull && !hasDefault && !generated) {
						required.add(new RequiredColumn(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
								columns.getInt("DATA_TYPE"), columns.getString("TYPE_NAME")));
					}
				}
			}
			if (!required.isEmpty()) {
				return required;
			}
		}
		return required;
	}

	private static String placeholder(RequiredColumn column, boolean postgres) {
		String typeName = (column.typeName() != null) ? column.typeName().toUpperCase(Locale.ROOT) : "";
		if (typeName.contains("JSON")) {
			return postgres ? "CAST('{}' AS " + typeName.toLowerCase(Locale.ROOT) + ")" : "JSON '{}'";
		}
		switch (column.type()) {
			case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.NUMERIC, Types.DECIMAL, Types.DOUBLE,
					Types.FLOAT, Types.REAL:
				return "0";
			case Types.DATE:
				return "CURRENT_DATE";
			case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
				return "CURRENT_TIMESTAMP";
			case Types.BOOLEAN, Types.BIT:
				return "FALSE";
			default:
				return "'firedrill'";
		}
	}

}
