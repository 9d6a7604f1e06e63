/**
 * {@code firedrill export}: a candidate's repository for one incident, written from the history and nothing of the
 * kit. It depends on history, the catalog and the root package, not on grade or cli.
 */
package io.firedrill.kit.export;
