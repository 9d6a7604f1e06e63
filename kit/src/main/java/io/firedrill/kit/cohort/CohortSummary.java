package io.firedrill.kit.cohort;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.firedrill.kit.HtmlText;

/**
 * The cohort as a Markdown job summary ({@code $GITHUB_STEP_SUMMARY}): a totals line, a table with a row per
 * candidate, the distribution of each criterion. GitHub takes at most 1 MiB per step, so the candidate table is cut
 * to fit {@link #LIMIT}, with a line saying how many rows were left out.
 */
final class CohortSummary {

	/** GitHub's bound on a step's summary, in bytes. */
	static final int LIMIT = 1024 * 1024;

	private CohortSummary() {
	}

	static String write(Cohort cohort) {
		return write(cohort, LIMIT);
	}

	static String write(Cohort cohort, int limit) {
		List<Cohort.Distribution> criteria = cohort.criteria();
		StringBuilder head = new StringBuilder();
		head.append("## Cohort: ").append(text(cohort.incident())).append("\n\n");
		long passed = cohort.rows().stream().filter((row) -> row.verdict().equals("pass")).count();
		head.append("**").append(cohort.rows().size()).append(" candidates**: ").append(cohort.graded())
			.append(" graded (").append(passed).append(" with every point), ").append(cohort.errors())
			.append(" errors · firedrill ").append(text(cohort.kitVersion())).append(" (kit ")
			.append(text(cohort.kitCommit())).append(")\n\n");
		head.append("| candidate | status | points |");
		criteria.forEach((criterion) -> head.append(' ').append(text(criterion.id())).append(" |"));
		head.append(" findings | duration |\n|---|---|---:|");
		criteria.forEach((criterion) -> head.append("---|"));
		head.append("---:|---:|\n");

		StringBuilder tail = new StringBuilder("\n### Criteria\n\n| criterion | points | pass | partial | fail |"
				+ " not graded |\n|---|---:|---:|---:|---:|---:|\n");
		for (Cohort.Distribution criterion : criteria) {
			tail.append("| ").append(text(criterion.id())).append(" | ").append(criterion.max()).append(" | ")
				.append(criterion.pass()).append(" | ").append(criterion.partial()).append(" | ").append(criterion.fail())
				.append(" | ").append(criterion.notGraded()).append(" |\n");
		}

		// room for the line that says how many rows were left out
		int budget = limit - bytes(head) - bytes(tail) - 200;
		StringBuilder rows = new StringBuilder();
		int shown = 0;
		int used = 0;
		for (Cohort.Row row : cohort.rows()) {
			String line = row(row, criteria);
			used += bytes(line);
			if (used > budget) {
				break;
			}
			rows.append(line);
			shown++;
		}
		StringBuilder md = new StringBuilder(head).append(rows);
		int left = cohort.rows().size() - shown;
		if (left > 0) {
			md.append("\n*").append(left).append(left == 1 ? " candidate row was" : " candidate rows were")
				.append(" left out to keep this summary under ").append(limit / 1024)
				.append(" KiB: see cohort.csv or cohort.html.*\n");
		}
		return md.append(tail).toString();
	}

	private static String row(Cohort.Row row, List<Cohort.Distribution> criteria) {
		StringBuilder line = new StringBuilder("| ").append(text(row.candidate())).append(" | ");
		if (!row.graded()) {
			line.append("error: ").append(text(row.reason())).append(" | |");
			criteria.forEach((criterion) -> line.append(" |"));
			return line.append(" | |\n").toString();
		}
		line.append(row.verdict()).append(row.timedOut() ? " (timed out)" : "").append(" | ").append(row.points())
			.append(" / ").append(row.max()).append(" |");
		for (Cohort.Distribution criterion : criteria) {
			Cohort.Cell cell = row.cell(criterion.id());
			line.append(' ').append((cell == null) ? "" : cell.status() + (cell.graded() ? "" : " (not graded)") + " "
					+ cell.points()).append(" |");
		}
		return line.append(' ').append(row.findings().size()).append(" | ").append(row.durationSeconds())
			.append(" s |\n").toString();
	}

	/** Candidate text in a table cell: no markup, no HTML, no line break, no cell break. */
	static String text(String value) {
		String content = HtmlText.escapeContent(value);
		StringBuilder out = new StringBuilder(content.length());
		for (char c : content.toCharArray()) {
			switch (c) {
				case '\n', '\r' -> out.append(' ');
				case '|', '\\', '`', '*', '_', '[', ']', '#', '!', '~' -> out.append('\\').append(c);
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static int bytes(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8).length;
	}

}
