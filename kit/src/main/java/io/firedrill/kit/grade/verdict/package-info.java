/**
 * Grading's judgements: a criterion's verdict from its hidden tests' reports ({@code Verdicts},
 * {@code CriterionResult}, {@code Evidence}), the integrity scan of the candidate's tree before anything runs
 * ({@code IntegrityScan}, {@code PomFacts}), and what the grader noticed ({@code Finding}, {@code Severity}). It
 * depends on run (the reports it judges), workspace (the trees it scans), the catalog and the root package, never on
 * card or the orchestrating {@code grade}.
 */
package io.firedrill.kit.grade.verdict;
