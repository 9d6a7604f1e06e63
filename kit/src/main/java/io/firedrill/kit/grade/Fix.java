package io.firedrill.kit.grade;

import java.util.Locale;
import java.util.Map;

/**
 * A known fix of an incident ({@code incidents/<id>/fixes/fixes.yaml}): a patch on the incident's tag and the
 * verdict each criterion must give for it.
 *
 * @param id identifier, unique in the incident
 * @param kind accepted or wrong
 * @param description what it does
 * @param patchPath the patch's path in the firedrill repository
 * @param patch the {@code git format-patch} file
 * @param expect the verdict of every criterion of the incident
 * @param reference whether it is the incident's reference fix (the demo applies it)
 */
public record Fix(String id, Kind kind, String description, String patchPath, byte[] patch,
		Map<String, Status> expect, boolean reference) {

	public Fix {
		expect = Map.copyOf(expect);
	}

	/** Whether a fix is one the grader must accept, or a known-wrong one. */
	public enum Kind {

		ACCEPTED, WRONG;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
