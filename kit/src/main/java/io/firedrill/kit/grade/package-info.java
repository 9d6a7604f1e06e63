/**
 * {@code firedrill grade}, {@code prove} and {@code demo}: a submission run against the hidden suites, judged by
 * the rubric into a scorecard. It depends on the catalog, history, export, maven and the root package, never on
 * cli (its failures carry an {@code ExitCode} from the root package).
 */
package io.firedrill.kit.grade;
