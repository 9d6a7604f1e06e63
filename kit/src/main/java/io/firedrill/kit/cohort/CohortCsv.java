package io.firedrill.kit.cohort;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cohort.csv}: a row per candidate for a spreadsheet. Columns: {@code candidate, commit}, the points of each
 * criterion (its id as header; empty for an error), {@code total, max, findings, durationSeconds, status}. RFC 4180:
 * CRLF line ends, a field quoted when it holds a comma, a quote or a line break. A field that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '}, so that a spreadsheet never reads a
 * candidate's folder name as a formula.
 */
final class CohortCsv {

	private CohortCsv() {
	}

	static String write(Cohort cohort) {
		List<Cohort.Distribution> criteria = cohort.criteria();
		StringBuilder csv = new StringBuilder();
		List<String> header = new ArrayList<>(List.of("candidate", "commit"));
		criteria.forEach((criterion) -> header.add(criterion.id()));
		header.addAll(List.of("total", "max", "findings", "durationSeconds", "status"));
		line(csv, header);
		for (Cohort.Row row : cohort.rows()) {
			List<String> cells = new ArrayList<>(List.of(row.candidate(), (row.commit() != null) ? row.commit() : ""));
			for (Cohort.Distribution criterion : criteria) {
				Cohort.Cell cell = row.cell(criterion.id());
				cells.add((cell != null) ? Integer.toString(cell.points()) : "");
			}
			cells.add(row.graded() ? Integer.toString(row.points()) : "");
			cells.add(row.graded() ? Integer.toString(row.max()) : "");
			cells.add(Integer.toString(row.findings().size()));
			cells.add(row.graded() ? Long.toString(row.durationSeconds()) : "");
			cells.add(row.status());
			line(csv, cells);
		}
		return csv.toString();
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(cells.get(i)));
		}
		csv.append("\r\n");
	}

	/** One field, neutralised against formula injection, then quoted if it must be. */
	static String field(String value) {
		String text = (value != null) ? value : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
