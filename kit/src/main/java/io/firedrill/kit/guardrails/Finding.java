package io.firedrill.kit.guardrails;

/**
 * One problem a guardrail caught, in plain words.
 *
 * @param rule stable id of what was violated ({@code required-column-breaks-old-writers}, {@code METHOD_REMOVED})
 * @param where what it is about: a changeset (file, id, author), a module, a class path, a job
 * @param what what was found, one line
 * @param why why it breaks production, one sentence
 * @param fix the safe alternative, or {@code null} when there is nothing more to say than {@code why}
 */
public record Finding(String rule, String where, String what, String why, String fix) {
}
