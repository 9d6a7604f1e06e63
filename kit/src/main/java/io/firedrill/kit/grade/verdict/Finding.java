package io.firedrill.kit.grade.verdict;

import io.firedrill.kit.grade.run.SurefireReports;

/**
 * Something the grader noticed about the submission or the run: an integrity problem, a build change, a test that
 * did not run.
 *
 * @param severity how much it matters
 * @param code stable identifier of the kind of finding ({@code shadows-test-library}, {@code hidden-test-missing}...)
 * @param message one sentence saying what and why it matters
 */
public record Finding(Severity severity, String code, String message) {

	/** A message longer than this is cut: findings quote the candidate's paths and text. */
	static final int MESSAGE_LIMIT = 1000;

	public Finding {
		message = SurefireReports.abbreviate(message, MESSAGE_LIMIT);
	}

	public static Finding critical(String code, String message) {
		return new Finding(Severity.CRITICAL, code, message);
	}

	public static Finding warning(String code, String message) {
		return new Finding(Severity.WARNING, code, message);
	}

	public static Finding info(String code, String message) {
		return new Finding(Severity.INFO, code, message);
	}

}
