/**
 * {@code firedrill cohort}: many submissions of one incident graded as {@code grade} grades one (the roster, the
 * chunk of it one machine takes, the workers that reuse a grading session each, the skip rule of a rerun), and the
 * cohort report over the scorecard folders written ({@code cohort.json}, {@code cohort.csv}, {@code cohort.html}, a
 * Markdown job summary). It builds on grade, the catalog and the root package, never on cli.
 * <p>
 * CohortRun stays just over 300 lines on purpose: it is one worker pool (the queue of rows, the counters its
 * progress lines print, each thread's grading session and when to replace it), and the skip rule and the error card
 * it applies to a row read best beside the loop that chooses between them.
 */
package io.firedrill.kit.cohort;
