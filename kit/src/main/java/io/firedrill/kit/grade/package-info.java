/**
 * {@code firedrill grade}, {@code prove} and {@code demo}: a submission run against the hidden suites, judged by
 * the rubric into a scorecard. This package orchestrates the stages, each a subpackage: {@code GradingSession}
 * (one grading, stage by stage), {@code Prover}, {@code Demo}, {@code FixCommits}, and the steps that join stages:
 * the trusted {@code Resolution} before the sealed runs (workspace, Maven and findings), and what the runs say about
 * the candidate's build, own tests and behaviour ({@code CandidateBuild}, {@code OwnTestResults},
 * {@code RunFindings}: run results into the card's parts and findings).
 * <p>
 * The stages, bottom up: {@code run} (Maven and its reports), {@code workspace} (the grader's folder and the
 * submission), {@code verdict} (verdicts and integrity), {@code card} (the scorecard and its renderings). A stage
 * uses only the stages below it and never this package ({@code KitArchitectureTests}). Grading depends on the
 * catalog, history, export, maven, shop and the root package, never on cli (its failures carry an {@code ExitCode}
 * from the root package).
 * <p>
 * Two classes stay long, and why. {@code GradingSession}: the order of its steps is the seal (which files exist and
 * which processes may run at each moment: the suites out of the workspace while the candidate's build runs, each
 * suite copied afresh, fingerprinted and read before the next), and a reviewer checks that order by reading one
 * method top to bottom; the stages' own work is in the subpackages. {@code Resolution}: one trusted step whose most
 * part is telling, from Maven's own words, which artifact failed from which repository and why, so that the kit's
 * needs stop the grading and the candidate's become the candidate's build failure.
 */
package io.firedrill.kit.grade;
