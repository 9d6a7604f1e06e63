/**
 * {@code firedrill rollback-check}: can the older release run on the newer release's schema, tried with each
 * release's own persistence code on fresh databases. It builds on the guardrails' frame and changelogs and on
 * maven, never on cli.
 */
package io.firedrill.kit.rollback;
