/**
 * Grading's first stage: running Maven on the workspace ({@code MavenRun}, its output bounded by
 * {@code BoundedLog}) and reading what the runs left, their console ({@code BuildLog}) and their Surefire and
 * Failsafe reports ({@code SurefireReports}, {@code ReportedTest}, {@code TestIds}), each checked against the
 * other ({@code ReportCrossCheck}). It depends on maven and the root package only, on no other stage of grade.
 */
package io.firedrill.kit.grade.run;
