package io.firedrill.kit.grade;

import java.util.List;

/**
 * One grading criterion of {@code grading/criteria.yaml}: the hidden tests that make it up and how their results
 * turn into a verdict.
 *
 * @param id the criterion's identifier, also the folder of its hidden suite
 * @param title one line a hiring manager understands
 * @param points points when it passes
 * @param module folder under {@code grading/} holding its hidden suite (a Maven project); {@code null} for a
 * composite criterion
 * @param needs candidate modules that must build for the suite to run
 * @param sdk payment SDK version the suite runs on, or {@code null} for the one the candidate's hosts carry
 * ({@code deploy/runtime.properties})
 * @param tests the hidden tests, {@code fully.qualified.Class#method}
 * @param partial when failures earn partial credit, or {@code null}
 * @param composite ids of the criteria this one is made of (empty unless composite)
 */
public record Criterion(String id, String title, int points, String module, List<String> needs, String sdk,
		List<String> tests, Partial partial, List<String> composite) {

	public Criterion {
		needs = List.copyOf(needs);
		tests = List.copyOf(tests);
		composite = List.copyOf(composite);
	}

	/**
	 * Partial credit: when only tests of {@code mayFail} failed (at least one did), the criterion is partial and
	 * earns {@code points}.
	 */
	public record Partial(String label, int points, List<String> mayFail) {

		public Partial {
			mayFail = List.copyOf(mayFail);
		}

	}

	public boolean isComposite() {
		return !this.composite.isEmpty();
	}

}
