package io.firedrill.kit;

/**
 * Text the kit does not control (a candidate's titles, messages, test output) written into an HTML page, or into
 * Markdown that a renderer turns into HTML.
 */
public final class HtmlText {

	private HtmlText() {
	}

	/** Text as HTML content or a quoted attribute value: the one escaping every page of the kit uses. */
	public static String escape(String value) {
		return escape(value, true);
	}

	/**
	 * Text as HTML content only, its quotes left as they are: for Markdown, which is read as plain text too, where an
	 * {@code &quot;} would stand in the way.
	 */
	public static String escapeContent(String value) {
		return escape(value, false);
	}

	private static String escape(String value, boolean quotes) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append(quotes ? "&quot;" : "\"");
				case '\'' -> out.append(quotes ? "&#39;" : "'");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
