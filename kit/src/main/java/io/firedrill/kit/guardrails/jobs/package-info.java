/**
 * {@code jobs-on-runtime}: every job of the shop run once, as its hosts start it, against a seeded database. It
 * depends on the frame, {@code guardrails}, and on {@code guardrails.migration} for the changelog, not on the runner.
 */
package io.firedrill.kit.guardrails.jobs;
