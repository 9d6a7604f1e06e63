package io.firedrill.kit.cohort;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.firedrill.kit.HtmlText;

/**
 * {@code cohort.html}: one file that works offline (no external script, font or style). A table with a row per
 * candidate, sorted by clicking any column header (inline script), and for each criterion an inline SVG bar chart of
 * its distribution. All candidate text is escaped.
 * <p>
 * Like the replay's report, the page checks itself once laid out and says so on {@code <body>}: {@code data-check}
 * is {@code ok} when the table has the {@code data-rows} rows it was written with and every criterion its chart;
 * opened with {@code #check}, it also clicks the candidate header twice and sets {@code data-sort-check} to
 * {@code ok} when the rows came out ascending, then descending ({@code kit/bench/check-cohort.sh} reads both).
 */
final class CohortHtml {

	private static final String STYLE = """
			:root { --pass: #1a7f37; --pass-bg: #dafbe1; --partial: #9a6700; --partial-bg: #fff8c5;
			  --fail: #cf222e; --fail-bg: #ffebe9; --line: #d0d7de; --muted: #57606a; }
			body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328;
			  margin: 2rem; }
			h1 { font-size: 1.5rem; margin-bottom: .25rem; }
			h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 1.8rem; }
			.meta { color: var(--muted); margin: 0; }
			table { border-collapse: collapse; margin: .5rem 0; }
			th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
			th { background: #f6f8fa; cursor: pointer; user-select: none; white-space: nowrap; }
			th[aria-sort=ascending]::after { content: " ▲"; } th[aria-sort=descending]::after { content: " ▼"; }
			td.num { text-align: right; }
			.pass { color: var(--pass); background: var(--pass-bg); }
			.partial { color: var(--partial); background: var(--partial-bg); }
			.fail, .error { color: var(--fail); background: var(--fail-bg); }
			.notGraded { color: var(--muted); }
			.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
			.chart h3 { font-size: .95rem; margin: .4rem 0; }
			code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
			""";

	/** Sorting and the self-check; the page's only script. */
	private static final String SCRIPT = """
			(function () {
			  var table = document.getElementById('cohort');
			  var body = table.tBodies[0];
			  function key(row, column) {
			    var cell = row.cells[column];
			    return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
			  }
			  function compare(a, b) {
			    var x = parseFloat(a), y = parseFloat(b);
			    if (!isNaN(x) && !isNaN(y) && String(x) === a && String(y) === b) return x - y;
			    return a.localeCompare(b);
			  }
			  var headers = table.tHead.rows[0].cells;
			  Array.prototype.forEach.call(headers, function (th, column) {
			    th.addEventListener('click', function () {
			      var descending = th.getAttribute('aria-sort') === 'ascending';
			      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
			      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
			      var rows = Array.prototype.slice.call(body.rows);
			      rows.sort(function (a, b) {
			        var order = compare(key(a, column), key(b, column));
			        return descending ? -order : order;
			      });
			      rows.forEach(function (row) { body.appendChild(row); });
			    });
			  });
			  var rows = body.rows.length;
			  var ok = rows === Number(table.getAttribute('data-rows'))
			    && document.querySelectorAll('svg.distribution').length === Number(table.getAttribute('data-criteria'));
			  document.body.setAttribute('data-rendered-rows', String(rows));
			  if (location.hash === '#check') {
			    var names = function () {
			      return Array.prototype.map.call(body.rows, function (row) { return key(row, 0); });
			    };
			    var sorted = names().slice().sort(compare);
			    headers[0].click();
			    var up = names().join('\\n') === sorted.join('\\n');
			    headers[0].click();
			    var down = names().join('\\n') === sorted.slice().reverse().join('\\n');
			    document.body.setAttribute('data-sort-check', up && down ? 'ok' : 'broken');
			  }
			  document.body.setAttribute('data-check', ok ? 'ok' : 'broken');
			})();
			""";

	private static final List<String> BUCKETS = List.of("pass", "partial", "fail", Cohort.Distribution.NOT_GRADED);

	private CohortHtml() {
	}

	static String write(Cohort cohort, Path out) {
		List<Cohort.Distribution> criteria = cohort.criteria();
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Cohort: ")
			.append(e(cohort.incident())).append("</title>\n<style>\n").append(STYLE)
			.append("</style>\n</head>\n<body data-check=\"pending\">\n");
		html.append("<h1>Cohort: ").append(e(cohort.incident())).append("</h1>\n");
		html.append("<p class=\"meta\">").append(cohort.rows().size()).append(" candidates: ").append(cohort.graded())
			.append(" graded, ").append(cohort.errors()).append(" errors · report of ").append(e(cohort.generatedAt()))
			.append(" · firedrill ").append(e(cohort.kitVersion())).append(" (kit ").append(e(cohort.kitCommit()))
			.append(")</p>\n");
		html.append("<p class=\"meta\">Click a column's header to sort by it; click again to reverse.</p>\n");
		html.append("<table id=\"cohort\" data-rows=\"").append(cohort.rows().size()).append("\" data-criteria=\"")
			.append(criteria.size()).append("\">\n<thead><tr><th>candidate</th><th>status</th><th>points</th>");
		for (Cohort.Distribution criterion : criteria) {
			html.append("<th title=\"").append(e(criterion.title())).append("\">").append(e(criterion.id()))
				.append("</th>");
		}
		html.append("<th>findings</th><th>duration</th><th>commit</th><th>scorecard</th></tr></thead>\n<tbody>\n");
		for (Cohort.Row row : cohort.rows()) {
			row(html, row, criteria, out);
		}
		html.append("</tbody>\n</table>\n");
		html.append("<h2>Criteria</h2>\n<div class=\"charts\">\n");
		for (Cohort.Distribution criterion : criteria) {
			chart(html, criterion);
		}
		html.append("</div>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void row(StringBuilder html, Cohort.Row row, List<Cohort.Distribution> criteria, Path out) {
		html.append("<tr class=\"candidate\"><td>").append(e(row.candidate())).append("</td>");
		html.append("<td class=\"").append(row.verdict()).append("\"");
		if (!row.graded()) {
			html.append(" title=\"").append(e(row.reason())).append("\">error: ").append(e(row.reason()));
		}
		else {
			html.append(">").append(row.verdict()).append(row.timedOut() ? " (timed out)" : "");
		}
		html.append("</td>");
		html.append("<td class=\"num\" data-sort=\"").append(row.graded() ? row.points() : -1).append("\">")
			.append(row.graded() ? row.points() + " / " + row.max() : "").append("</td>");
		for (Cohort.Distribution criterion : criteria) {
			Cohort.Cell cell = row.cell(criterion.id());
			if (cell == null) {
				html.append("<td data-sort=\"-1\"></td>");
				continue;
			}
			html.append("<td class=\"").append(cell.bucket()).append("\" data-sort=\"").append(cell.points())
				.append("\">").append(e(cell.status())).append(cell.graded() ? "" : " (not graded)").append(" ")
				.append(cell.points()).append(" / ").append(cell.max()).append("</td>");
		}
		html.append("<td data-sort=\"").append(row.findings().size()).append("\">");
		for (int i = 0; i < row.findings().size(); i++) {
			Cohort.Flag flag = row.findings().get(i);
			html.append((i > 0) ? ", " : "").append("<code>").append(e(flag.code())).append("</code> (")
				.append(e(flag.severity())).append(")");
		}
		html.append("</td>");
		html.append("<td class=\"num\" data-sort=\"").append(row.durationSeconds()).append("\">")
			.append(row.graded() ? row.durationSeconds() + " s" : "").append("</td>");
		html.append("<td><code>").append(e((row.commit() != null) ? row.commit().substring(0, Math.min(10,
				row.commit().length())) : "")).append("</code></td>");
		String link = CohortReport.scorecardLink(row, out);
		html.append("<td>");
		if (link != null) {
			html.append("<a href=\"").append(e(href(link))).append("\">scorecard</a>");
		}
		html.append("</td></tr>\n");
	}

	/** A bar per bucket, the longest as wide as the chart. */
	private static void chart(StringBuilder html, Cohort.Distribution criterion) {
		int[] counts = { criterion.pass(), criterion.partial(), criterion.fail(), criterion.notGraded() };
		int most = Math.max(1, Math.max(Math.max(counts[0], counts[1]), Math.max(counts[2], counts[3])));
		int width = 320;
		int bar = 18;
		html.append("<div class=\"chart\"><h3>").append(e(criterion.id())).append(" <span class=\"meta\">(")
			.append(criterion.max()).append(" points) ").append(e(criterion.title())).append("</span></h3>\n");
		html.append("<svg class=\"distribution\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
			.append("\" height=\"").append(4 * (bar + 6)).append("\" role=\"img\" aria-label=\"")
			.append(e(criterion.id())).append(": ").append(counts[0]).append(" pass, ").append(counts[1])
			.append(" partial, ").append(counts[2]).append(" fail, ").append(counts[3]).append(" not graded\">\n");
		String[] colours = { "#1a7f37", "#9a6700", "#cf222e", "#8c959f" };
		for (int i = 0; i < 4; i++) {
			int y = i * (bar + 6);
			int length = Math.round(counts[i] * 180f / most);
			String label = BUCKETS.get(i).equals(Cohort.Distribution.NOT_GRADED) ? "not graded" : BUCKETS.get(i);
			html.append(String.format(Locale.ROOT,
					"<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text><rect class=\"bar\" x=\"80\" y=\"%d\" width=\"%d\""
							+ " height=\"%d\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%d</text>%n",
					y + 13, label, y, length, bar, colours[i], 86 + length, y + 13, counts[i]));
		}
		html.append("</svg></div>\n");
	}

	/** A relative link as a URL path: each segment percent-encoded where it must be. */
	private static String href(String link) {
		StringBuilder out = new StringBuilder();
		for (byte b : link.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/._-~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format(Locale.ROOT, "%02X", c));
			}
		}
		return out.toString();
	}

	static String e(String value) {
		return HtmlText.escape(value);
	}

}
