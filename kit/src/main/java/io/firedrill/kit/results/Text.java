package io.firedrill.kit.results;

import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;

/** Text shared by the writers: what a criterion's verdict says, and text made safe for XML 1.0. */
final class Text {

	/** Stands for a character XML 1.0 cannot carry. */
	static final char REPLACEMENT = '\uFFFD';

	private Text() {
	}

	/** {@code pass}, {@code partial (mitigated, not gated)}, {@code fail} or {@code fail (not graded)}. */
	static String verdict(CriterionResult result) {
		String text = result.status().label();
		if (result.label() != null) {
			text += " (" + result.label() + ")";
		}
		return result.graded() ? text : text + " (not graded)";
	}

	/** One line per evidence: {@code test: message}, or the message alone. */
	static String evidence(CriterionResult result) {
		StringBuilder text = new StringBuilder();
		for (Evidence evidence : result.evidence()) {
			if (evidence.test() != null) {
				text.append(evidence.test()).append(": ");
			}
			text.append(evidence.message()).append('\n');
		}
		return text.toString();
	}

	/**
	 * {@code value} escaped for XML text and attribute values; the characters XML 1.0 forbids (most C0 controls, lone
	 * surrogates, U+FFFE and U+FFFF) become {@link #REPLACEMENT}: evidence quotes whatever the candidate's code printed.
	 */
	static String xml(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				out.append(c).append(value.charAt(++i));
				continue;
			}
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				// kept literally in attributes they would be normalised to spaces
				case '\n' -> out.append("&#10;");
				case '\r' -> out.append("&#13;");
				case '\t' -> out.append("&#9;");
				default -> out.append(allowedInXml(c) ? c : REPLACEMENT);
			}
		}
		return out.toString();
	}

	private static boolean allowedInXml(char c) {
		return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
	}

}
