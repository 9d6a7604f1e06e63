package io.firedrill.kit.grade.run;

/** What happened to one test, as a Surefire or Failsafe report says. */
public enum TestOutcome {

	PASSED, FAILED, ERROR, SKIPPED;

	/** The worse of two outcomes of the same test (several instances of a parameterized test, for example). */
	public TestOutcome worse(TestOutcome other) {
		return (rank(other) > rank(this)) ? other : this;
	}

	private static int rank(TestOutcome outcome) {
		return switch (outcome) {
			case PASSED -> 0;
			case SKIPPED -> 1;
			case FAILED -> 2;
			case ERROR -> 3;
		};
	}

}
