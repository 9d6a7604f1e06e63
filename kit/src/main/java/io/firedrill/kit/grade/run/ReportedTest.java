package io.firedrill.kit.grade.run;

/**
 * One {@code <testcase>} of a Surefire or Failsafe XML report.
 *
 * @param className the test class ({@code classname}), nested classes with {@code $}
 * @param name the test's name as reported: {@code method}, {@code method(String)[1]}, or empty when the class itself
 * failed (a failing {@code @BeforeAll}, for example)
 * @param outcome what happened
 * @param message what it said, trimmed to a line or two (empty when it passed)
 * @param flaky whether it failed first and passed on a rerun
 */
public record ReportedTest(String className, String name, TestOutcome outcome, String message, boolean flaky) {

	/** Names longer than this are cut: a report of the candidate's own tests may carry anything. */
	static final int NAME_LIMIT = 300;

	public ReportedTest {
		className = SurefireReports.abbreviate(className, NAME_LIMIT);
		name = SurefireReports.abbreviate(name, NAME_LIMIT);
		message = SurefireReports.abbreviate(message, SurefireReports.MESSAGE_LIMIT);
	}

	/** {@code Class#method}, with the parameters and the instance of a parameterized or repeated test removed. */
	public String id() {
		return TestIds.id(this.className, this.name);
	}

	/** Whether this entry is about the whole class rather than one of its tests. */
	public boolean isClassLevel() {
		return TestIds.method(this.name).isEmpty() || this.name.equals(this.className)
				|| this.className.endsWith("." + this.name);
	}

	/** Whether the report names an instance ({@code method(String)[2]}) rather than the method. */
	public boolean isInstance() {
		return !this.name.equals(TestIds.method(this.name));
	}

}
