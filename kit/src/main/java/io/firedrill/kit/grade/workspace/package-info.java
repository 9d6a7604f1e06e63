/**
 * Grading's folders: the grader's own workspace ({@code GradingWorkspace}: the generated aggregator, the candidate's
 * clone, the hidden suites), the submission it is filled from ({@code Submission}: a folder, a bundle, a ref),
 * commit trees read without a checkout ({@code SourceTree}) and the incident's base release to compare with
 * ({@code IncidentBaseline}). It depends on run (the report folders it clears), the catalog, history, shop and the
 * root package, on no other stage of grade.
 */
package io.firedrill.kit.grade.workspace;
