package io.firedrill.grading.saferollback250;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Criterion safe-rollback-2.5.0: what a fix must do, as behaviour (start the candidate's service, call it, read its
 * database) and, where the fix is structural, as an ArchUnit rule. Name each test for the behaviour it pins; list
 * each in grading/criteria.yaml.
 */
class SafeRollback250Tests {

	@Test
	void aFixOfSafeRollback250DoesWhatTheCriterionSays() {
		// check-incident names a hidden test that no variant makes fail as useless: this one fails everywhere
		// until it is written
		fail("criterion safe-rollback-2.5.0 has no hidden test yet");
	}

}
