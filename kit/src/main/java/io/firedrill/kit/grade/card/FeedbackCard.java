package io.firedrill.kit.grade.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.firedrill.kit.HtmlText;
import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Severity;

/**
 * {@code feedback.md} and {@code feedback.html}: the card the interviewer may hand to the candidate. It says what
 * passed and what to look at in the words of {@code criteria.yaml}, for the criteria whose visibility allows it,
 * and never carries what the interviewer's card has for the interviewer alone: hidden test names and messages
 * (evidence), {@code grading/} paths, integrity finding codes, the rubric.
 */
final class FeedbackCard {

	/**
	 * Said instead of the integrity findings: naming the check that fired would teach how to get past it, and an
	 * accusation needs a conversation, not a line on a card.
	 */
	static final String INTEGRITY_NOTE = "The grader noted something about how this submission was built; your"
			+ " interviewer will discuss it with you.";

	static final String AFTER_REVIEW = "Shared after your review.";

	/** When no criterion is listed: the card says so without saying how many there are. */
	static final String NONE_LISTED = "Your interviewer will go through the results with you.";

	private FeedbackCard() {
	}

	/** One line of the card about a criterion: visible ones only carry a verdict. */
	record Item(int number, CriterionResult result, Criterion.Feedback feedback) {

		boolean visible() {
			return this.feedback.visibility() == Criterion.Visibility.VISIBLE;
		}

		String title() {
			return (this.feedback.title() != null) ? this.feedback.title() : "Automated check";
		}

		String status() {
			return this.result.graded() ? this.result.status().label().toUpperCase(Locale.ROOT) : "NOT GRADED";
		}

		String text() {
			String text = this.feedback.text(this.result.status());
			if (!this.result.graded()) {
				// the reason is in the hidden evidence; the candidate's side of it is the build section
				return "It could not be checked against your submission (see your build, and the note below if there"
						+ " is one)."
						+ ((text != null) ? " " + text : "");
			}
			return text;
		}

	}

	/** The criteria the card lists, hidden ones left out, numbered as the candidate sees them. */
	static List<Item> items(Scorecard card) {
		List<Item> items = new ArrayList<>();
		for (CriterionResult result : card.criteria()) {
			Criterion.Feedback feedback = card.feedbackOf(result.id());
			if (feedback.visibility() != Criterion.Visibility.HIDDEN) {
				items.add(new Item(items.size() + 1, result, feedback));
			}
		}
		return items;
	}

	/** Whether a finding earns the neutral line: information findings (uncommitted, shallow) are said plainly. */
	static boolean integrityNoted(Scorecard card) {
		return card.integrity().stream().anyMatch((finding) -> finding.severity() != Severity.INFO);
	}

	/**
	 * The build's first errors that are about the candidate's own code: a line naming {@code grading} is about
	 * the hidden suites and stays on the interviewer's card.
	 */
	static List<String> buildErrors(Scorecard card) {
		return card.build().errors().stream().filter((error) -> !error.contains("grading")).toList();
	}

	public static String markdown(Scorecard card) {
		StringBuilder md = new StringBuilder();
		md.append("# Your feedback: ").append(ScorecardMarkdown.text(card.incidentTitle())).append("\n\n");
		md.append("- Graded commit: `").append(card.candidate().shortCommit()).append("`\n");
		md.append("- Graded at: ").append(card.gradedAt()).append("\n\n");
		if (card.candidate().uncommittedChanges()) {
			md.append("> **Uncommitted changes were not graded** (")
				.append(ScorecardMarkdown.text(String.join(", ", card.candidate().uncommittedPaths()))).append(").\n\n");
		}
		md.append("## Your build\n\n")
			.append(card.build().ok() ? "Every module built." : "**Not every module built.**").append("\n\n");
		List<String> errors = buildErrors(card);
		if (!errors.isEmpty()) {
			md.append("First errors:\n\n");
			for (String error : errors) {
				md.append("- `").append(error.replace("`", "'")).append("`\n");
			}
			md.append('\n');
		}
		md.append("## Your tests\n\n").append(ScorecardMarkdown.ownTests(card.ownTests())).append("\n\n");
		md.append("## What was checked\n\n");
		List<Item> items = items(card);
		if (items.isEmpty()) {
			md.append(NONE_LISTED).append("\n\n");
		}
		for (Item item : items) {
			if (!item.visible()) {
				md.append("### ").append(item.number()).append(". ").append(AFTER_REVIEW).append("\n\n");
				continue;
			}
			md.append("### ").append(item.number()).append(". ").append(ScorecardMarkdown.text(item.title()))
				.append("\n\n**").append(item.status()).append("**, ").append(item.result().points()).append(" / ")
				.append(item.result().max()).append(" points\n\n");
			if (item.text() != null) {
				md.append(ScorecardMarkdown.text(item.text())).append("\n\n");
			}
		}
		if (integrityNoted(card)) {
			md.append("## A note\n\n").append(INTEGRITY_NOTE).append("\n");
		}
		return md.toString();
	}

	public static String html(Scorecard card) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Your feedback: ")
			.append(HtmlText.escape(card.incidentTitle())).append("</title>\n<style>\n").append(ScorecardHtml.STYLE)
			.append("</style>\n</head>\n<body>\n");
		html.append("<h1>Your feedback: ").append(HtmlText.escape(card.incidentTitle())).append("</h1>\n");
		html.append("<p class=\"meta\">Graded commit <code>").append(HtmlText.escape(card.candidate().shortCommit()))
			.append("</code> at ").append(HtmlText.escape(card.gradedAt())).append("</p>\n");
		if (card.candidate().uncommittedChanges()) {
			html.append("<p class=\"banner\"><strong>Uncommitted changes were not graded</strong> (")
				.append(HtmlText.escape(String.join(", ", card.candidate().uncommittedPaths()))).append(").</p>\n");
		}
		html.append("<h2>Your build</h2>\n<p>").append(card.build().ok() ? "Every module built."
				: "<strong class=\"critical\">Not every module built.</strong>").append("</p>\n");
		List<String> errors = buildErrors(card);
		if (!errors.isEmpty()) {
			html.append("<p>First errors:</p>\n<ul>\n");
			for (String error : errors) {
				html.append("<li><code>").append(HtmlText.escape(error)).append("</code></li>\n");
			}
			html.append("</ul>\n");
		}
		html.append("<h2>Your tests</h2>\n<p>").append(HtmlText.escape(ScorecardMarkdown.ownTests(card.ownTests())))
			.append("</p>\n<h2>What was checked</h2>\n");
		List<Item> items = items(card);
		if (items.isEmpty()) {
			html.append("<p>").append(NONE_LISTED).append("</p>\n");
		}
		for (Item item : items) {
			html.append("<div class=\"criterion\"><h3>").append(item.number()).append(". ");
			if (!item.visible()) {
				html.append(AFTER_REVIEW).append("</h3></div>\n");
				continue;
			}
			String css = item.result().graded() ? item.result().status().label() : "fail";
			html.append(HtmlText.escape(item.title())).append(" <span class=\"status ").append(css)
				.append("\">").append(item.status()).append("</span> ").append(item.result().points()).append(" / ")
				.append(item.result().max()).append(" points</h3>\n");
			if (item.text() != null) {
				html.append("<p>").append(HtmlText.escape(item.text())).append("</p>\n");
			}
			html.append("</div>\n");
		}
		if (integrityNoted(card)) {
			html.append("<h2>A note</h2>\n<p>").append(INTEGRITY_NOTE).append("</p>\n");
		}
		html.append("</body>\n</html>\n");
		return html.toString();
	}

}
