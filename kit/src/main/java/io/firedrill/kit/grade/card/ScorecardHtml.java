package io.firedrill.kit.grade.card;

import static io.firedrill.kit.HtmlText.escape;

import java.util.Locale;

import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.run.TestIds;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;
import io.firedrill.kit.grade.verdict.Finding;

/** {@code scorecard.html}: one file, no external resource, prints well; the rubric is a form to fill in. */
public final class ScorecardHtml {

	/** Shared with {@link FeedbackCard}: both cards look alike. */
	static final String STYLE = """
			:root { --pass: #1a7f37; --pass-bg: #dafbe1; --partial: #9a6700; --partial-bg: #fff8c5;
			  --fail: #cf222e; --fail-bg: #ffebe9; --line: #d0d7de; --muted: #57606a; }
			* { box-sizing: border-box; }
			body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328;
			  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
			h1 { font-size: 1.5rem; margin-bottom: .25rem; }
			h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 1.8rem; }
			h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
			.meta { color: var(--muted); margin: 0; }
			.total { font-size: 1.3rem; font-weight: 600; }
			table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
			th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
			th { background: #f6f8fa; }
			.status { font-weight: 700; white-space: nowrap; padding: .1rem .45rem; border-radius: .3rem; }
			.pass { color: var(--pass); background: var(--pass-bg); }
			.partial { color: var(--partial); background: var(--partial-bg); }
			.fail { color: var(--fail); background: var(--fail-bg); }
			.critical { color: var(--fail); font-weight: 700; }
			.warning { color: var(--partial); font-weight: 700; }
			.info { color: var(--muted); font-weight: 700; }
			.evidence { margin: .3rem 0 .8rem; }
			.evidence li { margin: .2rem 0; }
			code, .test { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
			.banner { border: 1px solid var(--partial); background: var(--partial-bg); padding: .5rem .75rem; border-radius: .3rem; }
			.anchor { font-size: .85em; color: #32383f; }
			.box { display: inline-block; width: .9em; height: .9em; border: 1.5px solid #1f2328; vertical-align: -.1em;
			  margin-right: .3em; border-radius: .15em; }
			.notes { height: 3.5rem; min-width: 9rem; }
			pre.decision { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; border: 1px solid var(--line);
			  padding: .6rem .75rem; border-radius: .3rem; font-size: .85em; }
			ol.blank li { border-bottom: 1px solid var(--line); height: 1.8rem; }
			@media print {
			  body { margin: 0; max-width: none; font-size: 10pt; }
			  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
			  h2 { break-after: avoid; }
			  tr, li, .criterion { break-inside: avoid; }
			  .rubric { break-before: page; }
			}
			""";

	private ScorecardHtml() {
	}

	public static String write(Scorecard card) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Scorecard: ")
			.append(escape(card.incident())).append(" ").append(escape(card.candidate().shortCommit()))
			.append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
		html.append("<h1>Scorecard: ").append(escape(card.incidentTitle())).append("</h1>\n");
		html.append("<p class=\"meta\">Incident <code>").append(escape(card.incident()))
			.append("</code> · graded commit <code>").append(escape(card.candidate().shortCommit())).append("</code> (")
			.append(escape(card.candidate().ref())).append(" of ").append(escape(card.candidate().source()))
			.append(")</p>\n<p class=\"meta\">Graded at ").append(escape(card.gradedAt())).append(" with firedrill ")
			.append(escape(card.kitVersion())).append(" (kit ").append(escape(card.kitCommit())).append(")</p>\n");
		if (card.candidate().uncommittedChanges()) {
			html.append("<p class=\"banner\"><strong>Uncommitted changes were not graded</strong> (")
				.append(escape(String.join(", ", card.candidate().uncommittedPaths()))).append(").</p>\n");
		}
		html.append("<h2>Automated criteria</h2>\n<p class=\"total\">").append(card.totalPoints()).append(" / ")
			.append(card.maxPoints()).append(" points</p>\n");
		html.append("<table>\n<tr><th>Criterion</th><th>Status</th><th>Points</th></tr>\n");
		for (CriterionResult result : card.criteria()) {
			html.append("<tr><td>").append(escape(result.title())).append("<br><code>").append(escape(result.id()))
				.append("</code></td><td>").append(status(result)).append("</td><td>").append(result.points())
				.append(" / ").append(result.max()).append("</td></tr>\n");
		}
		html.append("</table>\n<p class=\"meta\">").append(escape(ScorecardMarkdown.feedbackLine(card))).append("</p>\n");
		for (CriterionResult result : card.criteria()) {
			if (result.evidence().isEmpty()) {
				continue;
			}
			html.append("<div class=\"criterion\"><h3><code>").append(escape(result.id())).append("</code> ")
				.append(status(result)).append("</h3>\n<ul class=\"evidence\">\n");
			for (Evidence evidence : result.evidence()) {
				html.append("<li>");
				if (evidence.test() != null) {
					html.append("<span class=\"test\">").append(escape(TestIds.shortId(evidence.test()))).append("</span>: ");
				}
				html.append(escape(evidence.message())).append("</li>\n");
			}
			html.append("</ul></div>\n");
		}
		Scorecard.Build build = card.build();
		html.append("<h2>Build</h2>\n<p>").append(build.ok() ? "Every module built."
				: "<strong class=\"critical\">Not every module built.</strong>").append("</p>\n");
		if (!build.modules().isEmpty()) {
			html.append("<table>\n<tr><th>Module</th><th>Status</th></tr>\n");
			for (Scorecard.Module module : build.modules()) {
				String css = switch (module.status()) {
					case "built" -> "pass";
					case "failed" -> "fail";
					default -> "partial";
				};
				html.append("<tr><td><code>").append(escape(module.module())).append("</code></td><td><span class=\"status ")
					.append(css).append("\">").append(escape(module.status())).append("</span></td></tr>\n");
			}
			html.append("</table>\n");
		}
		if (!build.errors().isEmpty()) {
			html.append("<p>First errors:</p>\n<ul>\n");
			for (String error : build.errors()) {
				html.append("<li><code>").append(escape(error)).append("</code></li>\n");
			}
			html.append("</ul>\n");
		}
		html.append("<h2>Candidate's own tests</h2>\n<p>").append(escape(ScorecardMarkdown.ownTests(card.ownTests())))
			.append("</p>\n");
		html.append("<h2>Integrity findings</h2>\n");
		if (card.integrity().isEmpty()) {
			html.append("<p>None.</p>\n");
		}
		else {
			html.append("<ul>\n");
			for (Finding finding : card.integrity()) {
				html.append("<li><span class=\"").append(finding.severity().label()).append("\">")
					.append(finding.severity().label()).append("</span>: ").append(escape(finding.message()))
					.append("</li>\n");
			}
			html.append("</ul>\n");
		}
		decision(html, card.decision());
		timeline(html, card.timeline());
		rubric(html, card.rubric());
		Scorecard.Durations durations = card.durations();
		html.append("<p class=\"meta\">Grading took ").append(ScorecardMarkdown.duration(durations.totalSeconds()))
			.append(" (Maven ").append(ScorecardMarkdown.duration(durations.mavenSeconds())).append(", bound ")
			.append(ScorecardMarkdown.duration(durations.timeoutSeconds())).append(durations.timedOut() ? ", exceeded" : "")
			.append(").</p>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void decision(StringBuilder html, Decision decision) {
		html.append("<h2>Candidate's ").append(Decision.FILE).append("</h2>\n");
		if (!decision.present()) {
			html.append("<p>").append(ScorecardMarkdown.NO_DECISION).append("</p>\n");
			return;
		}
		// shown as the text it is: rendering the candidate's Markdown would render their HTML too
		html.append("<pre class=\"decision\">").append(escape(decision.text())).append("</pre>\n");
		if (decision.truncated()) {
			html.append("<p class=\"meta\">").append(escape(ScorecardMarkdown.decisionCut())).append("</p>\n");
		}
	}

	private static void timeline(StringBuilder html, Timeline timeline) {
		html.append("<h2>Commits after the brief</h2>\n");
		String note = ScorecardMarkdown.timelineNote(timeline);
		if (note != null) {
			html.append("<p class=\"banner\">").append(escape(note)).append("</p>\n");
		}
		if (timeline.commits().isEmpty()) {
			html.append("<p>None.</p>\n");
			return;
		}
		html.append("<table>\n<tr><th>Time</th><th>Commit</th><th>Message</th><th>Files</th></tr>\n");
		for (Timeline.Entry entry : timeline.commits()) {
			html.append("<tr><td>").append(escape(entry.time())).append("</td><td><code>")
				.append(escape(entry.shortCommit())).append("</code></td><td>").append(escape(entry.message()))
				.append("</td><td>").append(entry.filesChanged()).append(": <code>")
				.append(escape(ScorecardMarkdown.files(entry))).append("</code></td></tr>\n");
		}
		html.append("</table>\n");
	}

	private static void rubric(StringBuilder html, Rubric rubric) {
		html.append("<div class=\"rubric\">\n<h2>Interviewer's rubric</h2>\n");
		if (rubric == null) {
			html.append("<p>No rubric found in scenarios.md.</p>\n</div>\n");
			return;
		}
		html.append("<p class=\"meta\">Tick one level per dimension.</p>\n<table>\n<tr><th>Dimension</th>");
		for (String level : rubric.levels()) {
			html.append("<th>").append(escape(level)).append("</th>");
		}
		html.append("<th>Notes</th></tr>\n");
		for (Rubric.Dimension dimension : rubric.dimensions()) {
			html.append("<tr><td><strong>").append(escape(dimension.title())).append("</strong><div class=\"anchor\">")
				.append(escape(dimension.what())).append("</div></td>");
			for (String level : rubric.levels()) {
				html.append("<td><span class=\"box\"></span><span class=\"anchor\">")
					.append(escape(dimension.anchors().get(level))).append("</span></td>");
			}
			html.append("<td class=\"notes\"></td></tr>\n");
		}
		html.append("</table>\n");
		if (!rubric.problems().isEmpty()) {
			html.append("<h3>Hints needed (0 = none)</h3>\n<table>\n<tr><th>Problem</th>");
			for (Integer level : rubric.hintLevels()) {
				html.append("<th>").append(level).append("</th>");
			}
			html.append("</tr>\n");
			for (String problem : rubric.problems()) {
				html.append("<tr><td>").append(escape(problem)).append("</td>");
				for (int i = 0; i < rubric.hintLevels().size(); i++) {
					html.append("<td><span class=\"box\"></span></td>");
				}
				html.append("</tr>\n");
			}
			html.append("</table>\n");
		}
		Rubric.Summary summary = rubric.summary();
		blankList(html, "Strengths", summary.strengths());
		blankList(html, "Improvements", summary.improvements());
		blankList(html, "Resources to study", summary.resources());
		html.append("</div>\n");
	}

	private static void blankList(StringBuilder html, String title, String count) {
		html.append("<h3>").append(escape(title)).append((count != null) ? " (" + escape(count) + ")" : "")
			.append("</h3>\n<ol class=\"blank\">");
		int lines = 3;
		try {
			lines = Integer.parseInt(count.replaceAll(".*-", "").strip());
		}
		catch (RuntimeException ex) {
			// keep 3
		}
		for (int i = 0; i < lines; i++) {
			html.append("<li></li>");
		}
		html.append("</ol>\n");
	}

	private static String status(CriterionResult result) {
		String css = result.status().label();
		String text = result.status().label().toUpperCase(Locale.ROOT);
		if (result.status() == Status.PARTIAL && result.label() != null) {
			text += " (" + result.label() + ")";
		}
		if (!result.graded()) {
			text += " (not graded)";
		}
		return "<span class=\"status " + css + "\">" + escape(text) + "</span>";
	}

}
