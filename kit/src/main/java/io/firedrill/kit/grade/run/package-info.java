/**
 * Grading's first stage: running Maven on the workspace ({@code MavenRun}, its output bounded by
 * {@code BoundedLog}) and reading what the runs left, their console ({@code BuildLog}) and their Surefire and
 * Failsafe reports ({@code SurefireReports}, {@code ReportedTest}, {@code TestIds}), each checked against the
 * other ({@code ReportCrossCheck}). It depends on maven and the root package only, on no other stage of grade.
 * <p>
 * {@code BuildLog} stays one class of about 340 lines: one reader of Maven's console, whose rules on which line may
 * be believed where (a POM error before the first plugin execution, a compiler error inside a compiler execution, a
 * failed goal after the last {@code BUILD} line) only make sense side by side.
 */
package io.firedrill.kit.grade.run;
