/**
 * The guardrails, in the order they run, the runner and its report (text and JSON). It sits above the frame,
 * {@code guardrails}, and every guardrail subpackage; only the command line uses it.
 */
package io.firedrill.kit.guardrails.run;
