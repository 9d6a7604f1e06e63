package io.firedrill.kit.guardrails;

/**
 * A check that would have caught one of v2.4.0's bugs before it reached production, run against any version of
 * the shop. Implementations say what they caught in plain words: a {@link Finding} per problem.
 */
public interface Guardrail {

	/** Stable id, used on the command line ({@code --only}) and in reports. */
	String id();

	/** One line: what it checks. */
	String description();

	/** Whether it needs the shop built ({@code mvn package}); the runner builds once for all that do. */
	boolean needsBuild();

	/**
	 * Checks one version of the shop.
	 * @return pass, caught (with findings) or error; an exception is reported as an error too
	 */
	GuardrailResult check(GuardrailContext context);

}
