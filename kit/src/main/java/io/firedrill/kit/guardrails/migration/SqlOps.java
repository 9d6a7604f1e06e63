package io.firedrill.kit.guardrails.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema operations out of raw SQL (PostgreSQL dialect), statement by statement. It understands the
 * statements migrations are made of (CREATE TABLE, ALTER TABLE ... ADD/DROP/RENAME/ALTER COLUMN, ADD CONSTRAINT
 * ... CHECK, VALIDATE CONSTRAINT, CREATE INDEX, UPDATE, DROP/RENAME TABLE) and ignores the rest.
 */
final class SqlOps {

	private static final String NAME = "\"?([A-Za-z_][A-Za-z0-9_]*)\"?";

	private static final String QUALIFIED = "(?:\"?[A-Za-z_][A-Za-z0-9_]*\"?\\.)?" + NAME;

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?is)^CREATE\\s+(?:UNLOGGED\\s+|TEMP(?:ORARY)?\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QUALIFIED
				+ "\\s*\\((.*)\\)[^)]*$");

	private static final Pattern ALTER_TABLE = Pattern
		.compile("(?is)^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + QUALIFIED + "\\s+(.*)$");

	private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
			+ "(CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?" + QUALIFIED + ".*$");

	private static final Pattern UPDATE = Pattern.compile("(?is)^UPDATE\\s+(?:ONLY\\s+)?" + QUALIFIED + "\\s+SET\\s+(.*)$");

	private static final Pattern DROP_TABLE = Pattern
		.compile("(?is)^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + QUALIFIED + ".*$");

	private static final Pattern ADD_COLUMN = Pattern
		.compile("(?is)^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+(.*)$");

	private static final Pattern DROP_COLUMN = Pattern
		.compile("(?is)^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + NAME + "(?:\\s+(?:CASCADE|RESTRICT))?$");

	private static final Pattern RENAME_COLUMN = Pattern
		.compile("(?is)^RENAME\\s+(?:COLUMN\\s+)?" + NAME + "\\s+TO\\s+" + NAME + "$");

	private static final Pattern RENAME_TABLE = Pattern.compile("(?is)^RENAME\\s+TO\\s+" + NAME + "$");

	private static final Pattern ALTER_COLUMN = Pattern
		.compile("(?is)^ALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(.*)$");

	private static final Pattern CHECK_NOT_NULL = Pattern.compile("(?is)^ADD\\s+(?:CONSTRAINT\\s+" + NAME
			+ "\\s+)?CHECK\\s*\\(\\s*" + NAME + "\\s+IS\\s+NOT\\s+NULL\\s*\\)(\\s+NOT\\s+VALID)?\\s*$");

	private static final Pattern VALIDATE = Pattern.compile("(?is)^VALIDATE\\s+CONSTRAINT\\s+" + NAME + "\\s*$");

	private static final Pattern SET_COLUMN = Pattern.compile("(?is)(?:^|,)\\s*" + NAME + "\\s*=");

	private SqlOps() {
	}

	static List<SchemaOp> parse(String sql) {
		List<SchemaOp> ops = new ArrayList<>();
		for (String statement : statements(sql)) {
			parseStatement(statement, ops);
		}
		return ops;
	}

	private static void parseStatement(String statement, List<SchemaOp> ops) {
		Matcher m = CREATE_TABLE.matcher(statement);
		if (m.matches()) {
			List<SchemaOp.Column> columns = new ArrayList<>();
			for (String definition : splitTopLevel(m.group(2))) {
				column(definition).ifPresent(columns::add);
			}
			ops.add(new SchemaOp.CreateTable(lower(m.group(1)), columns));
			return;
		}
		m = CREATE_INDEX.matcher(statement);
		if (m.matches()) {
			ops.add(new SchemaOp.CreateIndex(lower(m.group(3)), lower(m.group(2)), m.group(1) != null));
			return;
		}
		m = UPDATE.matcher(statement);
		if (m.matches()) {
			String assignments = m.group(2).split("(?i)\\sWHERE\\s")[0];
			Set<String> columns = new LinkedHashSet<>();
			Matcher set = SET_COLUMN.matcher(assignments);
			while (set.find()) {
				columns.add(lower(set.group(1)));
			}
			ops.add(new SchemaOp.Update(lower(m.group(1)), columns));
			return;
		}
		m = DROP_TABLE.matcher(statement);
		if (m.matches()) {
			ops.add(new SchemaOp.DropTable(lower(m.group(1))));
			return;
		}
		m = ALTER_TABLE.matcher(statement);
		if (m.matches()) {
			String table = lower(m.group(1));
			for (String action : splitTopLevel(m.group(2))) {
				alterAction(table, action.strip(), ops);
			}
		}
	}

	private static void alterAction(String table, String action, List<SchemaOp> ops) {
		Matcher m = CHECK_NOT_NULL.matcher(action);
		if (m.matches()) {
			ops.add(new SchemaOp.CheckNotNull(table, lower(m.group(2)), lower(m.group(1)), m.group(3) == null));
			return;
		}
		m = VALIDATE.matcher(action);
		if (m.matches()) {
			ops.add(new SchemaOp.ValidateConstraint(table, lower(m.group(1))));
			return;
		}
		if (action.matches("(?is)^ADD\\s+(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK)\\b.*")) {
			return;
		}
		m = ADD_COLUMN.matcher(action);
		if (m.matches()) {
			column(m.group(1) + " " + m.group(2)).ifPresent((c) -> ops.add(new SchemaOp.AddColumn(table, c)));
			return;
		}
		if (action.matches("(?is)^DROP\\s+CONSTRAINT\\b.*")) {
			return;
		}
		m = DROP_COLUMN.matcher(action);
		if (m.matches()) {
			ops.add(new SchemaOp.DropColumn(table, lower(m.group(1))));
			return;
		}
		m = RENAME_COLUMN.matcher(action);
		if (m.matches() && !action.matches("(?is)^RENAME\\s+CONSTRAINT\\b.*")) {
			ops.add(new SchemaOp.RenameColumn(table, lower(m.group(1)), lower(m.group(2))));
			return;
		}
		m = RENAME_TABLE.matcher(action);
		if (m.matches()) {
			ops.add(new SchemaOp.RenameTable(table, lower(m.group(1))));
			return;
		}
		m = ALTER_COLUMN.matcher(action);
		if (m.matches()) {
			String column = lower(m.group(1));
			String rest = m.group(2).strip();
			String upper = rest.toUpperCase(Locale.ROOT);
			if (upper.startsWith("SET NOT NULL")) {
				ops.add(new SchemaOp.SetNotNull(table, column, false));
			}
			else if (upper.startsWith("DROP NOT NULL")) {
				ops.add(new SchemaOp.DropNotNull(table, column));
			}
			else if (upper.startsWith("SET DEFAULT")) {
				ops.add(new SchemaOp.SetDefault(table, column));
			}
			else if (upper.startsWith("DROP DEFAULT")) {
				ops.add(new SchemaOp.DropDefault(table, column));
			}
			else if (upper.startsWith("TYPE") || upper.startsWith("SET DATA TYPE")) {
				String type = rest.replaceFirst("(?is)^(SET\\s+DATA\\s+)?TYPE\\s+", "")
					.split("(?i)\\s+(USING|COLLATE)\\s+")[0];
				ops.add(new SchemaOp.ModifyType(table, column, lower(type.strip())));
			}
		}
	}

	/** A column definition ({@code name type [NOT NULL] [DEFAULT ...]}), unless it is a table constraint. */
	private static java.util.Optional<SchemaOp.Column> column(String definition) {
		String text = definition.strip();
		if (text.isEmpty() || text.matches("(?is)^(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE|LIKE)\\b.*")) {
			return java.util.Optional.empty();
		}
		Matcher m = Pattern.compile("(?is)^" + NAME + "\\s+(.*)$").matcher(text);
		if (!m.matches()) {
			return java.util.Optional.empty();
		}
		String rest = m.group(2);
		String type = rest.split("(?i)\\s+(NOT\\s+NULL|NULL|DEFAULT|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT|GENERATED|COLLATE)\\b")[0]
			.strip();
		String upper = rest.toUpperCase(Locale.ROOT);
		boolean primaryKey = upper.contains("PRIMARY KEY");
		boolean nullable = !upper.matches("(?s).*\\bNOT\\s+NULL\\b.*") && !primaryKey;
		boolean hasDefault = upper.matches("(?s).*\\b(DEFAULT|GENERATED)\\b.*")
				|| type.toLowerCase(Locale.ROOT).matches("(big|small)?serial.*");
		return java.util.Optional.of(new SchemaOp.Column(lower(m.group(1)), lower(type), nullable, hasDefault));
	}

	/** Splits on commas outside parentheses and quotes. */
	static List<String> splitTopLevel(String text) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && c == ',') {
				parts.add(current.toString());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		if (!current.toString().isBlank()) {
			parts.add(current.toString());
		}
		return parts;
	}

	/** The statements of a script: comments removed, split on semicolons outside quotes. */
	static List<String> statements(String sql) {
		String text = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)--.*$", "");
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			if (c == ';' && !quoted) {
				add(statements, current);
				continue;
			}
			current.append(c);
		}
		add(statements, current);
		return statements;
	}

	private static void add(List<String> statements, StringBuilder current) {
		String statement = current.toString().strip().replaceAll("\\s+", " ");
		if (!statement.isEmpty()) {
			statements.add(statement);
		}
		current.setLength(0);
	}

	private static String lower(String name) {
		return (name != null) ? name.toLowerCase(Locale.ROOT) : null;
	}

}
