package io.firedrill.kit.grade.card;

import java.nio.charset.StandardCharsets;

import io.firedrill.kit.TerminalText;
import io.firedrill.kit.grade.workspace.SourceTree;

/**
 * The candidate's {@value #FILE} at the root of the graded commit: the brief asks for it, and the rubric's
 * rollback, root cause and prevention dimensions are scored from it. It is the candidate's text: bounded here,
 * escaped by each rendering.
 *
 * @param present whether the graded commit has the file
 * @param text its text (line breaks and tabs kept, other control characters shown as escapes), or {@code ""}
 * @param truncated whether it was cut at {@link #LIMIT} characters
 */
public record Decision(boolean present, String text, boolean truncated) {

	public static final String FILE = "DECISION.md";

	/** A page or two of prose; a longer file is cut so the card stays one page to read. */
	public static final int LIMIT = 20_000;

	public Decision {
		text = (text != null) ? text : "";
	}

	public static Decision absent() {
		return new Decision(false, "", false);
	}

	/** Reads the file of a commit's tree. */
	public static Decision of(SourceTree tree) {
		return tree.read(FILE).map(Decision::of).orElseGet(Decision::absent);
	}

	static Decision of(byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
		boolean truncated = text.length() > LIMIT;
		if (truncated) {
			int end = Character.isHighSurrogate(text.charAt(LIMIT - 1)) ? LIMIT - 1 : LIMIT;
			text = text.substring(0, end);
		}
		return new Decision(true, safe(text), truncated);
	}

	/** Like {@code TerminalText.safe}, but keeps the line breaks that make prose readable. */
	private static String safe(String text) {
		StringBuilder safe = new StringBuilder(text.length());
		text.lines().forEach((line) -> safe.append(TerminalText.safe(line)).append('\n'));
		return text.endsWith("\n") || safe.isEmpty() ? safe.toString() : safe.substring(0, safe.length() - 1);
	}

}
