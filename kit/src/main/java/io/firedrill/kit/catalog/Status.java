package io.firedrill.kit.catalog;

import java.util.Locale;

/** The verdict of a criterion. */
public enum Status {

	PASS, PARTIAL, FAIL;

	/** As the scorecard and {@code fixes.yaml} write it: {@code pass}, {@code partial}, {@code fail}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The status a label names.
	 * @throws IllegalArgumentException if it names none
	 */
	public static Status of(String label) {
		for (Status status : values()) {
			if (status.label().equals((label != null) ? label.strip().toLowerCase(Locale.ROOT) : null)) {
				return status;
			}
		}
		throw new IllegalArgumentException("'" + label + "' is not pass, partial or fail");
	}

}
