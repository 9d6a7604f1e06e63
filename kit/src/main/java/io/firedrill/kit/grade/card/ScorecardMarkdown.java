package io.firedrill.kit.grade.card;

import java.util.List;
import java.util.Locale;

import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.run.TestIds;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;
import io.firedrill.kit.grade.verdict.Finding;

/** {@code scorecard.md}: the scorecard as Markdown, to paste into an ATS or an e-mail. */
public final class ScorecardMarkdown {

	static final String NO_DECISION = "No " + Decision.FILE + " in the graded commit.";

	private ScorecardMarkdown() {
	}

	public static String write(Scorecard card) {
		StringBuilder md = new StringBuilder();
		md.append("# Scorecard: ").append(text(card.incidentTitle())).append("\n\n");
		md.append("- Incident: `").append(card.incident()).append("`\n");
		md.append("- Graded commit: `").append(card.candidate().shortCommit()).append("` (")
			.append(text(card.candidate().ref())).append(" of ").append(text(card.candidate().source())).append(")\n");
		md.append("- Graded at: ").append(card.gradedAt()).append(" with firedrill ").append(text(card.kitVersion()))
			.append(" (kit ").append(card.kitCommit()).append(")\n\n");
		if (card.candidate().uncommittedChanges()) {
			md.append("> **Uncommitted changes were not graded** (")
				.append(text(String.join(", ", card.candidate().uncommittedPaths()))).append(").\n\n");
		}
		md.append("## Result: ").append(card.totalPoints()).append(" / ").append(card.maxPoints()).append(" points\n\n");
		md.append("| Criterion | Status | Points |\n|---|---|---|\n");
		for (CriterionResult result : card.criteria()) {
			md.append("| ").append(cell(result.title())).append(" (`").append(result.id()).append("`) | ")
				.append(statusText(result)).append(" | ").append(result.points()).append(" / ").append(result.max())
				.append(" |\n");
		}
		md.append('\n').append(feedbackLine(card)).append("\n\n");
		for (CriterionResult result : card.criteria()) {
			if (result.evidence().isEmpty()) {
				continue;
			}
			md.append("### ").append(result.id()).append(": ").append(statusText(result)).append("\n\n");
			for (Evidence evidence : result.evidence()) {
				md.append("- ");
				if (evidence.test() != null) {
					md.append("**").append(text(TestIds.shortId(evidence.test()))).append("**: ");
				}
				md.append(text(evidence.message())).append('\n');
			}
			md.append('\n');
		}
		md.append("## Build\n\n");
		Scorecard.Build build = card.build();
		md.append(build.ok() ? "Every module built." : "**Not every module built.**").append("\n\n");
		if (!build.modules().isEmpty()) {
			md.append("| Module | Status |\n|---|---|\n");
			for (Scorecard.Module module : build.modules()) {
				md.append("| ").append(cell(module.module())).append(" | ").append(module.status()).append(" |\n");
			}
			md.append('\n');
		}
		if (!build.errors().isEmpty()) {
			md.append("First errors:\n\n");
			for (String error : build.errors()) {
				md.append("- `").append(error.replace("`", "'")).append("`\n");
			}
			md.append('\n');
		}
		md.append("## Candidate's own tests\n\n").append(ownTests(card.ownTests())).append("\n\n");
		md.append("## Integrity findings\n\n");
		if (card.integrity().isEmpty()) {
			md.append("None.\n\n");
		}
		for (Finding finding : card.integrity()) {
			md.append("- **").append(finding.severity().label()).append("**: ").append(text(finding.message()))
				.append('\n');
		}
		if (!card.integrity().isEmpty()) {
			md.append('\n');
		}
		decision(md, card.decision());
		timeline(md, card.timeline());
		rubric(md, card.rubric());
		Scorecard.Durations durations = card.durations();
		md.append("---\n\nGrading took ").append(duration(durations.totalSeconds())).append(" (Maven ")
			.append(duration(durations.mavenSeconds())).append(", bound ").append(duration(durations.timeoutSeconds()))
			.append(durations.timedOut() ? ", **exceeded**" : "").append(").\n");
		return md.toString();
	}

	private static void decision(StringBuilder md, Decision decision) {
		md.append("## Candidate's ").append(Decision.FILE).append("\n\n");
		if (!decision.present()) {
			md.append(NO_DECISION).append("\n\n");
			return;
		}
		// a fence longer than any run of backticks in the text: nothing the candidate wrote can close it
		String fence = "`".repeat(Math.max(3, longestRun(decision.text(), '`') + 1));
		md.append(fence).append("text\n").append(decision.text());
		if (!decision.text().endsWith("\n")) {
			md.append('\n');
		}
		md.append(fence).append("\n\n");
		if (decision.truncated()) {
			md.append("_").append(decisionCut()).append("_\n\n");
		}
	}

	/** What the candidate's card shows of each criterion, so the interviewer knows before handing it over. */
	static String feedbackLine(Scorecard card) {
		StringBuilder line = new StringBuilder("The candidate's feedback card shows: ");
		for (int i = 0; i < card.criteria().size(); i++) {
			String id = card.criteria().get(i).id();
			line.append((i > 0) ? ", " : "").append(id).append(' ').append(switch (card.feedbackOf(id).visibility()) {
				case VISIBLE -> "with its verdict";
				case AFTER_REVIEW -> "as shared after the review";
				case HIDDEN -> "nothing (hidden)";
			});
		}
		return line.append('.').toString();
	}

	static String decisionCut() {
		return "Cut at " + Decision.LIMIT + " characters: the rest is in the candidate's repository.";
	}

	private static void timeline(StringBuilder md, Timeline timeline) {
		md.append("## Commits after the brief\n\n");
		String note = timelineNote(timeline);
		if (note != null) {
			md.append("> ").append(note).append("\n\n");
		}
		if (timeline.commits().isEmpty()) {
			md.append("None.\n\n");
			return;
		}
		md.append("| Time | Commit | Message | Files |\n|---|---|---|---|\n");
		for (Timeline.Entry entry : timeline.commits()) {
			md.append("| ").append(entry.time()).append(" | `").append(entry.shortCommit()).append("` | ")
				.append(cell(entry.message())).append(" | ").append(entry.filesChanged()).append(": ")
				.append(cell(files(entry))).append(" |\n");
		}
		md.append('\n');
	}

	/** What the timeline leaves out, or {@code null}. */
	static String timelineNote(Timeline timeline) {
		if (!timeline.fromIncident()) {
			return "The incident's commit is not in the graded commit's history (history rewritten, or a shallow"
					+ " clone): these are the graded commit's last " + Timeline.REWRITTEN_LIMIT + " commits at most.";
		}
		if (timeline.truncated()) {
			return "More than " + Timeline.LIMIT + " commits: only the last " + Timeline.LIMIT + " are shown.";
		}
		return null;
	}

	static String files(Timeline.Entry entry) {
		return String.join(", ", entry.files()) + (entry.filesChanged() > entry.files().size() ? ", …" : "");
	}

	private static int longestRun(String text, char c) {
		int longest = 0;
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			run = (text.charAt(i) == c) ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		return longest;
	}

	private static void rubric(StringBuilder md, Rubric rubric) {
		md.append("## Interviewer's rubric\n\n");
		if (rubric == null) {
			md.append("(no rubric found in scenarios.md)\n\n");
			return;
		}
		md.append("| Dimension | Level (").append(String.join(" / ", rubric.levels())).append(") | Notes |\n|---|---|---|\n");
		for (Rubric.Dimension dimension : rubric.dimensions()) {
			StringBuilder boxes = new StringBuilder();
			for (String level : rubric.levels()) {
				boxes.append("☐ ").append(level).append(' ');
			}
			md.append("| ").append(cell(dimension.title())).append(" | ").append(boxes.toString().strip()).append(" |  |\n");
		}
		md.append('\n');
		for (Rubric.Dimension dimension : rubric.dimensions()) {
			md.append("<details><summary>").append(text(dimension.title())).append(": anchors</summary>\n\n");
			for (String level : rubric.levels()) {
				md.append("- **").append(level).append("**: ").append(text(dimension.anchors().get(level))).append('\n');
			}
			md.append("\n</details>\n\n");
		}
		if (!rubric.problems().isEmpty()) {
			md.append("### Hints needed (").append(hintRange(rubric.hintLevels())).append(", 0 = none)\n\n");
			md.append("| Problem | Level |\n|---|---|\n");
			for (String problem : rubric.problems()) {
				md.append("| ").append(cell(problem)).append(" |  |\n");
			}
			md.append('\n');
		}
		Rubric.Summary summary = rubric.summary();
		list(md, "Strengths", summary.strengths());
		list(md, "Improvements", summary.improvements());
		list(md, "Resources to study", summary.resources());
	}

	private static void list(StringBuilder md, String title, String count) {
		md.append("### ").append(title).append((count != null) ? " (" + count + ")" : "").append("\n\n");
		int lines = 3;
		try {
			lines = Integer.parseInt(count.replaceAll(".*-", "").strip());
		}
		catch (RuntimeException ex) {
			// "2-3" gives 3, anything else 3
		}
		for (int i = 1; i <= lines; i++) {
			md.append(i).append(". \n");
		}
		md.append('\n');
	}

	static String statusText(CriterionResult result) {
		String status = result.status().label().toUpperCase(Locale.ROOT);
		return switch (result.status()) {
			case PASS -> "✅ " + status;
			case PARTIAL -> "🟡 " + status + ((result.label() != null) ? " (" + result.label() + ")" : "");
			case FAIL -> "❌ " + status + (result.graded() ? "" : " (not graded)");
		};
	}

	static String ownTests(Scorecard.OwnTests own) {
		if (!own.ran()) {
			return "Not run for this grading.";
		}
		StringBuilder text = new StringBuilder();
		text.append(own.run()).append(" run, ").append(own.failed()).append(" failed");
		if (own.errors() > 0) {
			text.append(" (").append(own.errors()).append(own.errors() == 1 ? " error" : " errors").append(")");
		}
		text.append(", ").append(own.skipped()).append(" skipped.");
		if (!own.missingClasses().isEmpty()) {
			text.append(" Visible test classes that did not run: ").append(String.join(", ", own.missingClasses())).append('.');
		}
		return text.toString();
	}

	static String hintRange(List<Integer> levels) {
		if (levels.isEmpty()) {
			return "level";
		}
		return levels.get(0) + "-" + levels.get(levels.size() - 1);
	}

	public static String duration(long seconds) {
		return (seconds >= 60) ? (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s" : seconds + "s";
	}

	/** Text from the submission or the suites: no HTML of its own, one line. */
	static String text(String value) {
		if (value == null) {
			return "";
		}
		// readable as plain text too: only what would turn into HTML or break a line is escaped
		return value.replace("<", "\\<").replaceAll("\\s*\\R\\s*", " ");
	}

	static String cell(String value) {
		return text(value).replace("|", "\\|");
	}

}
