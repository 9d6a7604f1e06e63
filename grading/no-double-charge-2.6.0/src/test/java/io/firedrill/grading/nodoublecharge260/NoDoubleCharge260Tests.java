package io.firedrill.grading.nodoublecharge260;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Criterion no-double-charge-2.6.0: what a fix must do, as behaviour (start the candidate's service, call it, read its
 * database) and, where the fix is structural, as an ArchUnit rule. Name each test for the behaviour it pins; list
 * each in grading/criteria.yaml.
 */
class NoDoubleCharge260Tests {

	@Test
	void aFixOfNoDoubleCharge260DoesWhatTheCriterionSays() {
		// check-incident names a hidden test that no variant makes fail as useless: this one fails everywhere
		// until it is written
		fail("criterion no-double-charge-2.6.0 has no hidden test yet");
	}

}
