/**
 * The scorecard: its view model ({@code Scorecard}, with the {@code Rubric} the candidate's write-up is scored
 * against, the commit {@code Timeline} and the candidate's {@code Decision}) and its renderings, each over that one
 * model ({@code ScorecardJson}, {@code ScorecardMarkdown}, {@code ScorecardHtml}, the candidate's
 * {@code FeedbackCard}, written together by {@code ScorecardFiles}). It depends on verdict (the results it shows)
 * and, for a few helpers only, on run ({@code TestIds}, {@code SurefireReports.abbreviate}) and workspace
 * ({@code Decision.of(SourceTree)}); never on the orchestrating {@code grade}.
 */
package io.firedrill.kit.grade.card;
