package io.firedrill.kit.guardrails;

/**
 * One problem a guardrail caught, in plain words.
 *
 * @param rule stable id of what was violated ({@code required-column-breaks-old-writers}, {@code METHOD_REMOVED})
 * @param where what it is about: a changeset (file, id, author), a module, a class path, a job
 * @param what what was found, one line
 * @param why why it breaks production, one sentence
 * @param fix the safe alternative, or {@code null} when there is nothing more to say than {@code why}
 * @param file the file it is about, relative to the shop's root with {@code /}, or {@code null} when the guardrail
 * does not know one (a module's bytecode, a job's run)
 * @param line its line in {@code file} (from 1), or {@code null} when unknown
 */
public record Finding(String rule, String where, String what, String why, String fix, String file, Integer line) {

	/** A finding about no one file. */
	public Finding(String rule, String where, String what, String why, String fix) {
		this(rule, where, what, why, fix, null, null);
	}

}
