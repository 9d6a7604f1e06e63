package io.firedrill.kit.grade.verdict;

import java.util.Locale;

/** How much a finding matters. */
public enum Severity {

	/** Voids every criterion: the hidden suites' results cannot be trusted. */
	CRITICAL,
	/** May have changed a result, or hides something the interviewer should look at. */
	WARNING,
	/** Worth knowing; changes no result. */
	INFO;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
