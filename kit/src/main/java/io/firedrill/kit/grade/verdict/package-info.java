/**
 * Grading's judgements: a criterion's verdict from its hidden tests' reports ({@code Verdicts},
 * {@code CriterionResult}, {@code Evidence}), the integrity scan of the candidate's tree before anything runs
 * ({@code IntegrityScan}, {@code PomFacts}), and what the grader noticed ({@code Finding}, {@code Severity}). It
 * depends on run (the reports it judges), workspace (the trees it scans), the catalog and the root package, never on
 * card or the orchestrating {@code grade}.
 * <p>
 * {@code IntegrityScan} stays one class of about 330 lines: one walk of the candidate's tree against the
 * incident's, with its list of rules (test-library packages, engine hooks, {@code System.exit}, weakened visible
 * tests) in one place for the reviewer of the threat model.
 */
package io.firedrill.kit.grade.verdict;
