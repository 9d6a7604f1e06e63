package io.firedrill.kit.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A known fix of an incident ({@code incidents/<id>/fixes/fixes.yaml}): a patch on the incident's tag and the
 * verdict each criterion must give for it.
 *
 * @param id identifier, unique in the incident
 * @param kind accepted, wrong, or a tamper fixture (an attack on the grader)
 * @param description what it does
 * @param patchPath the patch's path in the firedrill repository
 * @param patch the {@code git format-patch} file
 * @param expect the verdict of every criterion of the incident
 * @param reference whether it is the incident's reference fix (the demo applies it)
 * @param findings the integrity findings (codes) the scorecard must show: a tamper fixture's proof of detection
 */
public record Fix(String id, Kind kind, String description, String patchPath, byte[] patch,
		Map<String, Status> expect, boolean reference, List<String> findings) {

	public Fix {
		expect = Map.copyOf(expect);
		findings = List.copyOf(findings);
	}

	/**
	 * Whether a fix is one the grader must accept, a known-wrong one, or a tamper fixture: a submission that attacks
	 * the grader (its own tests run, since that is where attacks live), which must never pass and must be reported.
	 */
	public enum Kind {

		ACCEPTED, WRONG, TAMPER;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
