/**
 * {@code flag-gating}: an ArchUnit rule that every backend path to a flag-guarded service consults the flag. It
 * depends on the frame, {@code guardrails}, only, not on the other guardrails or the runner. The call-graph walk
 * it judges with is {@code grading/flag-paths}, built before the kit, which the hidden suite of
 * {@code flag-gated-backend} uses too: one judgement for both.
 */
package io.firedrill.kit.guardrails.flags;
