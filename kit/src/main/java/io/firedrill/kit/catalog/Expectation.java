package io.firedrill.kit.catalog;

import java.util.List;

/**
 * One figure a replay of the incident must show, as the author wrote it under {@code replay.expect}. Exactly one
 * form per entry:
 * <ul>
 * <li>{@code figure: summary.after.errorRatePercent} with {@code atLeast} and/or {@code atMost}: a number of
 * {@code replay.json} ({@link #figure()} is a dotted path, {@code jobs[0]} or {@code jobs[job=refund-processor]}
 * select array elements);</li>
 * <li>{@code ratio: [a, b]} with bounds: the figure a divided by the figure b;</li>
 * <li>{@code logContains: "java.lang.NoSuchMethodError"}: text in one of the replay's logs;</li>
 * <li>{@code jobsFailing: {release: after, exactly: [..], diedOf: NoSuchMethodError}}: the jobs run on that
 * release ({@code before} or {@code after}) that failed at least once are exactly these, and each failed run's first
 * error names {@code diedOf}.</li>
 * </ul>
 * {@code checked: false} makes a figure or ratio shown beside the checks, never a miss.
 *
 * @param says what the check means, as the report line says it
 */
public record Expectation(String says, Form form, String figure, List<String> ratio, Double atLeast, Double atMost,
		String logContains, JobsFailing jobsFailing, boolean checked) {

	public enum Form {
		FIGURE, RATIO, LOG_CONTAINS, JOBS_FAILING
	}

	/**
	 * @param release {@code before} or {@code after}: the release whose job runs are looked at
	 * @param exactly the jobs that must have failed on it, every other job that ran there must not
	 * @param diedOf text every failed run's first error holds, or {@code null}
	 */
	public record JobsFailing(String release, List<String> exactly, String diedOf) {

		public JobsFailing {
			exactly = List.copyOf(exactly);
		}

	}

	public Expectation {
		ratio = (ratio != null) ? List.copyOf(ratio) : null;
	}

	/** Whether a number lies within the bounds. */
	public boolean holds(double value) {
		return (this.atLeast == null || value >= this.atLeast) && (this.atMost == null || value <= this.atMost);
	}

}
