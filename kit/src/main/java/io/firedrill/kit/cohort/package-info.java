/**
 * {@code firedrill cohort}: many submissions of one incident graded as {@code grade} grades one (the roster, the
 * chunk of it one machine takes, the workers that reuse a grading session each, the skip rule of a rerun), and the
 * cohort report over the scorecard folders written ({@code cohort.json}, {@code cohort.csv}, {@code cohort.html}, a
 * Markdown job summary). It builds on grade, the catalog and the root package, never on cli.
 */
package io.firedrill.kit.cohort;
