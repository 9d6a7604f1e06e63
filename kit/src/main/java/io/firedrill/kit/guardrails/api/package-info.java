/**
 * {@code api-compat}: japicmp between the host-provided library a module compiles against and the one the hosts
 * carry, with the call sites of what broke. It depends on the frame, {@code guardrails}, and on maven, not on the
 * other guardrails or the runner.
 */
package io.firedrill.kit.guardrails.api;
