package io.firedrill.kit.history;

/**
 * What a candidate repository holds besides the shop ({@link io.firedrill.kit.shop.ShopLayout} says which paths
 * that is): a README of its own, and nothing of the kit.
 */
final class CandidateLayout {

	/** The candidate's README, a file of the kit. */
	static final String CANDIDATE_README = "kit/src/main/resources/candidate/README.md";

	static final String README = "README.md";

	private CandidateLayout() {
	}

}
