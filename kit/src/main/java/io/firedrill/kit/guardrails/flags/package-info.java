/**
 * {@code flag-gating}: an ArchUnit rule that every backend path to a flag-guarded service consults the flag. It
 * depends on the frame, {@code guardrails}, only, not on the other guardrails or the runner.
 */
package io.firedrill.kit.guardrails.flags;
