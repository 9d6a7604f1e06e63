package io.firedrill.kit.catalog;

import java.util.List;
import java.util.Optional;

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
 * @param feedback what the candidate's feedback card says about it, and whether it says anything
 * @param uses other folders under {@code grading/} its suite is built with, besides the support module (code the
 * kit shares with it, such as {@code flag-paths})
 */
public record Criterion(String id, String title, int points, String module, List<String> needs, String sdk,
		List<String> tests, Partial partial, List<String> composite, Feedback feedback, List<String> uses) {

	public Criterion {
		needs = List.copyOf(needs);
		tests = List.copyOf(tests);
		composite = List.copyOf(composite);
		feedback = (feedback != null) ? feedback : Feedback.AFTER_REVIEW;
		uses = List.copyOf(uses);
	}

	/** A criterion whose feedback is the default (shared after the review, with no text) and whose suite uses nothing else. */
	public Criterion(String id, String title, int points, String module, List<String> needs, String sdk,
			List<String> tests, Partial partial, List<String> composite) {
		this(id, title, points, module, needs, sdk, tests, partial, composite, Feedback.AFTER_REVIEW, List.of());
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

	/** When the candidate's feedback card may show a criterion's verdict. */
	public enum Visibility {

		/** Its status, points and plain-words text are on the card. */
		VISIBLE("visible"),
		/** Listed as shared after the review, without status. */
		AFTER_REVIEW("after-review"),
		/** Not on the card at all. */
		HIDDEN("hidden");

		private final String label;

		Visibility(String label) {
			this.label = label;
		}

		/** As {@code criteria.yaml} writes it. */
		public String label() {
			return this.label;
		}

		/** The visibility a label names, if any. */
		public static Optional<Visibility> of(String label) {
			for (Visibility visibility : values()) {
				if (visibility.label.equals(label)) {
					return Optional.of(visibility);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * The candidate-facing words about a criterion: what to look at, never the hidden tests or the fix.
	 * @param title its name on the candidate's card (the criterion's own title may state the fix), or {@code null}
	 * @param pass said when it passed, or {@code null}
	 * @param partial said when it earned partial credit, or {@code null}
	 * @param fail said when it failed, or {@code null}
	 */
	public record Feedback(Visibility visibility, String title, String pass, String partial, String fail) {

		public static final Feedback AFTER_REVIEW = new Feedback(Visibility.AFTER_REVIEW, null, null, null, null);

		public Feedback {
			visibility = (visibility != null) ? visibility : Visibility.AFTER_REVIEW;
		}

		/** The text for a verdict: the partial text falls back to the failure's. */
		public String text(Status status) {
			return switch (status) {
				case PASS -> this.pass;
				case PARTIAL -> (this.partial != null) ? this.partial : this.fail;
				case FAIL -> this.fail;
			};
		}

	}

}
