/**
 * {@code migration-lint}: the shop's Liquibase changelog, parsed with Liquibase's own parser, checked against the
 * rules of {@code MigrationRule}. It depends on the frame, {@code guardrails}, only; {@code jobs} and
 * {@code rollback} reuse its {@code Changelogs}.
 */
package io.firedrill.kit.guardrails.migration;
