package io.firedrill.kit;

/**
 * Text the kit does not control (a candidate's ref names and paths, messages quoting them), made safe to print on
 * a terminal.
 */
public final class TerminalText {

	private TerminalText() {
	}

	/**
	 * Replaces every control character but the tab (ESC, BEL, CR, LF, DEL, the C1 controls) and every bidirectional
	 * override by its Java escape ({@code \u001b}), so that what a candidate wrote can neither move the cursor,
	 * recolour, retitle or clear the terminal, nor break a line, nor reorder what is shown. Other text is unchanged.
	 * @param text the text, or {@code null}
	 * @return the text as it may be printed ({@code null} for {@code null})
	 */
	public static String safe(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder safe = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (unsafe(c)) {
				if (safe == null) {
					safe = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				safe.append(String.format("\\u%04x", (int) c));
			}
			else if (safe != null) {
				safe.append(c);
			}
		}
		return (safe != null) ? safe.toString() : text;
	}

	/** {@link #safe(String)} of an object's text, paths included. */
	public static String safe(Object value) {
		return (value != null) ? safe(value.toString()) : null;
	}

	private static boolean unsafe(char c) {
		return (Character.getType(c) == Character.CONTROL && c != '\t') || (c >= '\u202a' && c <= '\u202e')
				|| (c >= '\u2066' && c <= '\u2069');
	}

}
