/**
 * The frame every guardrail plugs into: {@code Guardrail}, its context and result, {@code Finding}, and the shop
 * checkouts, builds and modules they check. It must not depend on the guardrails themselves (its subpackages) nor
 * on the runner, {@code guardrails.run}; they depend on it.
 */
package io.firedrill.kit.guardrails;
