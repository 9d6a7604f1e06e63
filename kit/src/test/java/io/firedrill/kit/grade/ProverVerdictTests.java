package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as the expected verdict in prove's matrix. */
class ProverVerdictTests {

	@Test
	void aWrongFixMustFailAsAGradedFail() {
		assertThat(verdict("wrong", "fail", "fail").matches()).isTrue();
		assertThat(verdict("wrong", "fail", "fail (not graded)").matches()).isFalse();
	}

	@Test
	void aTamperFixtureMayFailUngradedSinceItProvesOnlyThatTheAttackGainedNothing() {
		assertThat(verdict("tamper", "fail", "fail (not graded)").matches()).isTrue();
		assertThat(verdict("tamper", "fail", "pass").matches()).isFalse();
	}

	private static Prover.Verdict verdict(String kind, String expected, String actual) {
		return new Prover.Verdict("ungated-discount", "variant", kind, "flag-gated-backend", expected, actual);
	}

}
