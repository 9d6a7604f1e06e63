/**
 * Grading's folders: the grader's own workspace ({@code GradingWorkspace}: the generated aggregator, the candidate's
 * clone, the hidden suites), the submission it is filled from ({@code Submission}: a folder, a bundle, a ref),
 * commit trees read without a checkout ({@code SourceTree}) and the incident's base release to compare with
 * ({@code IncidentBaseline}). It depends on run (the report folders it clears), the catalog, history, shop and the
 * root package, on no other stage of grade.
 * <p>
 * {@code GradingWorkspace} stays one class of about 650 lines on purpose: every file operation on the grader's own
 * folder (checkout, copying the suites afresh, the aggregator, the repositories, links, the fingerprint, what a
 * sealed run wrote among the grader's files) is in one file, so that what the candidate's code could reach there is
 * reviewed in one place.
 */
package io.firedrill.kit.grade.workspace;
