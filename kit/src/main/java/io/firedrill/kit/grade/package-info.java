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
 */
package io.firedrill.kit.grade;
