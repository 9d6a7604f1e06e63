package io.firedrill.kit.grade.verdict;

import java.util.List;

import io.firedrill.kit.catalog.Status;

/**
 * The verdict on one criterion.
 *
 * @param id the criterion
 * @param title its title
 * @param status pass, partial or fail
 * @param label the partial rule's label when partial ({@code "mitigated, not gated"}), else {@code null}
 * @param points points earned
 * @param max points when it passes
 * @param graded whether its hidden tests ran (false when a module it needs did not build, for example)
 * @param evidence why it did not pass, one entry per failed test or reason
 */
public record CriterionResult(String id, String title, Status status, String label, int points, int max,
		boolean graded, List<Evidence> evidence) {

	public CriterionResult {
		evidence = List.copyOf(evidence);
	}

}
