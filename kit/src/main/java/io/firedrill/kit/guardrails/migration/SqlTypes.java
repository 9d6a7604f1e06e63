package io.firedrill.kit.guardrails.migration;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares SQL column types: does the new one reject values the old one held? */
final class SqlTypes {

	private static final Pattern SIZED = Pattern.compile("^([a-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?(\\[\\])?$");

	/** Decimal digits each integer type holds. */
	private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);

	private SqlTypes() {
	}

	/**
	 * A type in a canonical form.
	 * @param family integer, numeric, string, json, or the type's own name for the rest
	 * @param name the canonical name ({@code integer}, {@code varchar}, {@code text}, ...)
	 * @param size length or precision, {@code -1} when unbounded
	 * @param scale scale of a numeric, {@code 0} otherwise
	 */
	record Type(String family, String name, int size, int scale) {
	}

	static Optional<Type> parse(String declared) {
		if (declared == null || declared.contains("${")) {
			return Optional.empty();
		}
		String text = declared.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
		Matcher m = SIZED.matcher(text);
		if (!m.matches() || m.group(4) != null) {
			return Optional.empty();
		}
		String name = m.group(1).strip();
		int size = (m.group(2) != null) ? Integer.parseInt(m.group(2)) : -1;
		int scale = (m.group(3) != null) ? Integer.parseInt(m.group(3)) : 0;
		switch (name) {
			case "int2", "smallint", "smallserial", "serial2":
				return Optional.of(new Type("integer", "smallint", INTEGER_DIGITS.get("smallint"), 0));
			case "int", "int4", "integer", "serial", "serial4":
				return Optional.of(new Type("integer", "integer", INTEGER_DIGITS.get("integer"), 0));
			case "int8", "bigint", "bigserial", "serial8":
				return Optional.of(new Type("integer", "bigint", INTEGER_DIGITS.get("bigint"), 0));
			case "numeric", "decimal", "number":
				return Optional.of(new Type("numeric", "numeric", size, (size < 0) ? -1 : scale));
			case "varchar", "character varying", "nvarchar", "varchar2":
				return Optional.of(new Type("string", "varchar", size, 0));
			case "char", "character", "bpchar", "nchar":
				return Optional.of(new Type("string", "char", (size < 0) ? 1 : size, 0));
			case "text", "clob", "longtext", "string":
				return Optional.of(new Type("string", "text", -1, 0));
			case "json", "jsonb":
				return Optional.of(new Type("json", name, -1, 0));
			case "timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz", "datetime":
				return Optional.of(new Type("timestamp", "timestamp", -1, 0));
			case "bool", "boolean":
				return Optional.of(new Type("boolean", "boolean", -1, 0));
			default:
				return Optional.of(new Type(name, name, size, scale));
		}
	}

	/**
	 * Why {@code to} rejects or alters values {@code from} held, or empty when it holds them all (or either type
	 * is not understood).
	 */
	static Optional<String> narrowing(String from, String to) {
		Optional<Type> before = parse(from);
		Optional<Type> after = parse(to);
		if (before.isEmpty() || after.isEmpty()) {
			return Optional.empty();
		}
		Type a = before.get();
		Type b = after.get();
		if (a.equals(b)) {
			return Optional.empty();
		}
		String change = from.strip() + " -> " + to.strip();
		switch (a.family()) {
			case "string":
				if (!b.family().equals("string")) {
					return Optional.of(change + ": not every string the previous release writes converts");
				}
				if (b.size() >= 0 && (a.size() < 0 || b.size() < a.size())) {
					return Optional.of(change + ": longer values than " + b.size() + " characters are rejected");
				}
				return Optional.empty();
			case "integer":
				if (b.family().equals("integer") || (b.family().equals("numeric") && b.size() < 0)) {
					return (b.size() >= 0 && b.size() < a.size())
							? Optional.of(change + ": values beyond its range are rejected") : Optional.empty();
				}
				if (b.family().equals("numeric")) {
					return (b.size() - b.scale() < a.size())
							? Optional.of(change + ": values beyond " + (b.size() - b.scale()) + " digits are rejected")
							: Optional.empty();
				}
				if (b.family().equals("string")) {
					return (b.size() >= 0 && b.size() < a.size() + 1)
							? Optional.of(change + ": long numbers no longer fit") : Optional.empty();
				}
				return Optional.of(change + ": integers do not convert");
			case "numeric":
				if (b.family().equals("numeric")) {
					if (b.size() < 0) {
						return Optional.empty();
					}
					if (a.size() < 0) {
						return Optional.of(change + ": an unbounded numeric becomes bounded");
					}
					if (b.scale() < a.scale()) {
						return Optional.of(change + ": decimals beyond " + b.scale() + " are rounded away");
					}
					if (b.size() - b.scale() < a.size() - a.scale()) {
						return Optional.of(change + ": values beyond " + (b.size() - b.scale()) + " integer digits are rejected");
					}
					return Optional.empty();
				}
				if (b.family().equals("integer")) {
					return Optional.of(change + ": decimals are lost");
				}
				return Optional.of(change + ": numbers do not convert");
			case "json":
				return b.family().equals("json") || (b.family().equals("string") && b.size() < 0) ? Optional.empty()
						: Optional.of(change + ": JSON documents do not convert");
			default:
				if (a.family().equals(b.family())) {
					return (b.size() >= 0 && a.size() >= 0 && b.size() < a.size())
							? Optional.of(change + ": smaller than before") : Optional.empty();
				}
				if (b.family().equals("string") && b.size() < 0) {
					return Optional.empty();
				}
				return Optional.of(change + ": values of the old type do not all convert");
		}
	}

}
