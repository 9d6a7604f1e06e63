package io.firedrill.kit.guardrails;

import java.time.Duration;
import java.util.List;

/**
 * What one guardrail said about one version of the shop.
 *
 * @param id the guardrail's id
 * @param status pass, caught or error
 * @param summary one line: what was checked and the verdict
 * @param findings what it caught, empty unless {@link Status#CAUGHT}
 * @param notes what a reader should know about how it checked (what it compared, what it skipped)
 * @param duration how long it took
 */
public record GuardrailResult(String id, Status status, String summary, List<Finding> findings, List<String> notes,
		Duration duration) {

	/** The verdict of one guardrail. */
	public enum Status {

		/** Checked, nothing wrong. */
		PASS("pass"),
		/** Checked, and caught at least one problem. */
		CAUGHT("caught"),
		/** Could not check: no verdict (the shop does not build, a tool failed). */
		ERROR("error");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	public GuardrailResult {
		findings = List.copyOf(findings);
		notes = List.copyOf(notes);
	}

	public static GuardrailResult pass(String id, String summary, List<String> notes) {
		return new GuardrailResult(id, Status.PASS, summary, List.of(), notes, Duration.ZERO);
	}

	public static GuardrailResult caught(String id, String summary, List<Finding> findings, List<String> notes) {
		return new GuardrailResult(id, Status.CAUGHT, summary, findings, notes, Duration.ZERO);
	}

	public static GuardrailResult error(String id, String summary, List<String> notes) {
		return new GuardrailResult(id, Status.ERROR, summary, List.of(), notes, Duration.ZERO);
	}

	/** Pass when nothing was found, caught otherwise. */
	public static GuardrailResult of(String id, List<Finding> findings, String passSummary, String caughtSummary,
			List<String> notes) {
		return findings.isEmpty() ? pass(id, passSummary, notes) : caught(id, caughtSummary, findings, notes);
	}

	/** This result with how long its guardrail ran; public for the runner, {@code guardrails.run.Guardrails}. */
	public GuardrailResult took(Duration took) {
		return new GuardrailResult(this.id, this.status, this.summary, this.findings, this.notes, took);
	}

}
