package io.firedrill.kit.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (version 0.0.4), as {@code /actuator/prometheus} writes it.
 * Comments and {@code # HELP}/{@code # TYPE} lines are skipped; timestamps and OpenMetrics exemplars after the
 * value are ignored.
 */
public final class PrometheusText {

	/** One line of the exposition: a metric name, its labels and its value. */
	public record Sample(String name, Map<String, String> labels, double value) {

		public Sample {
			labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
		}

		public String label(String name) {
			return this.labels.get(name);
		}

	}

	private PrometheusText() {
	}

	/**
	 * Parses a whole exposition.
	 * @throws IllegalArgumentException on a line that is not a sample, with its line number
	 */
	public static List<Sample> parse(String text) {
		List<Sample> samples = new ArrayList<>();
		int number = 0;
		for (String line : text.split("\n")) {
			number++;
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			try {
				samples.add(parseLine(trimmed));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("line " + number + " is not a Prometheus sample: " + ex.getMessage()
						+ ": " + abbreviate(trimmed), ex);
			}
		}
		return samples;
	}

	static Sample parseLine(String line) {
		int at = 0;
		while (at < line.length() && isNameChar(line.charAt(at), at == 0)) {
			at++;
		}
		if (at == 0) {
			throw new IllegalArgumentException("no metric name");
		}
		String name = line.substring(0, at);
		Map<String, String> labels = new LinkedHashMap<>();
		if (at < line.length() && line.charAt(at) == '{') {
			at = parseLabels(line, at + 1, labels);
		}
		String rest = line.substring(at).strip();
		int exemplar = rest.indexOf(" # ");
		if (exemplar >= 0) {
			rest = rest.substring(0, exemplar).strip();
		}
		if (rest.isEmpty()) {
			throw new IllegalArgumentException("no value");
		}
		String value = rest.split("\\s+")[0];
		return new Sample(name, labels, parseValue(value));
	}

	/** Reads {@code name="value",...}} from {@code at}, returns the index after the closing brace. */
	private static int parseLabels(String line, int at, Map<String, String> labels) {
		int i = at;
		while (true) {
			while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
				i++;
			}
			if (i >= line.length()) {
				throw new IllegalArgumentException("unterminated labels");
			}
			if (line.charAt(i) == '}') {
				return i + 1;
			}
			int nameStart = i;
			while (i < line.length() && isNameChar(line.charAt(i), i == nameStart) && line.charAt(i) != ':') {
				i++;
			}
			String labelName = line.substring(nameStart, i);
			if (labelName.isEmpty() || i >= line.length() || line.charAt(i) != '=') {
				throw new IllegalArgumentException("bad label at column " + (i + 1));
			}
			i++;
			if (i >= line.length() || line.charAt(i) != '"') {
				throw new IllegalArgumentException("label value of " + labelName + " is not quoted");
			}
			i++;
			StringBuilder value = new StringBuilder();
			boolean closed = false;
			while (i < line.length()) {
				char c = line.charAt(i++);
				if (c == '\\' && i < line.length()) {
					char escaped = line.charAt(i++);
					value.append(switch (escaped) {
						case 'n' -> '\n';
						case '"' -> '"';
						case '\\' -> '\\';
						default -> escaped;
					});
				}
				else if (c == '"') {
					closed = true;
					break;
				}
				else {
					value.append(c);
				}
			}
			if (!closed) {
				throw new IllegalArgumentException("unterminated value of label " + labelName);
			}
			labels.put(labelName, value.toString());
		}
	}

	static double parseValue(String value) {
		return switch (value) {
			case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			case "NaN" -> Double.NaN;
			default -> Double.parseDouble(value);
		};
	}

	private static boolean isNameChar(char c, boolean first) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
				|| (!first && c >= '0' && c <= '9');
	}

	private static String abbreviate(String line) {
		return (line.length() > 120) ? line.substring(0, 117) + "..." : line;
	}

}
