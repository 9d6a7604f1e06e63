package io.firedrill.kit.replay;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.firedrill.kit.replay.Replay.Result;
import io.firedrill.kit.replay.ReplayReport.Window;
import io.firedrill.kit.replay.ShopHost.JobRun;

/**
 * {@code report.html}: one self-contained page (inline SVG and CSS, a few lines of inline script that only
 * check the charts were laid out) to put on the interviewer's screen. It shows what on-call saw, never why.
 */
final class ReportPage {

	private ReportPage() {
	}

	static String render(ReplayReport report) {
		Result result = report.result();
		ReplayTarget target = result.target();
		Window before = report.before();
		Window after = report.after();
		StringBuilder html = new StringBuilder(64 * 1024);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
		html.append("<title>checkout-service — ").append(e(target.afterLabel())).append(" deploy</title>\n");
		html.append("<style>\n")
			.append("body{font-family:\"DejaVu Sans\",Helvetica,Arial,sans-serif;margin:24px auto;max-width:960px;color:#222;line-height:1.4}\n")
			.append("h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}\n")
			.append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 10px;text-align:left;font-size:14px}\n")
			.append("th{background:#f5f5f5}td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
			.append("pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:10px;overflow-x:auto;font-size:12px;line-height:1.35}\n")
			.append(".sub{color:#666;font-size:14px}.fail{color:#b00020;font-weight:bold}.ok{color:#2e7d32}\n")
			.append("figure{margin:12px 0}\n")
			.append("</style>\n</head>\n<body data-check=\"pending\">\n");
		html.append("<h1>checkout-service: ").append(e(target.beforeLabel())).append(" → ")
			.append(e(target.afterLabel())).append("</h1>\n");
		html.append("<p class=\"sub\">").append(result.deployAt().format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH))).append(", deploy at ").append(Replay.hhmm(result.deployAt()))
			.append(" (UTC). Graphs from the service's own metrics (<code>/actuator/prometheus</code>), one point per minute.</p>\n");

		html.append("<h2>Error rate and latency, POST /api/checkout</h2>\n");
		html.append("<table>\n<tr><th></th><th>").append(e(before.version())).append(" (")
			.append(before.minutes()).append(" min before the deploy)</th><th>").append(e(after.version()))
			.append(" (").append(after.minutes()).append(" min after)</th></tr>\n");
		row(html, "checkout requests", Long.toString(before.checkout().requests()),
				Long.toString(after.checkout().requests()));
		row(html, "error rate (non-2xx)", ReplayReport.percent(before.errorRate()),
				ReplayReport.percent(after.errorRate()));
		row(html, "answers", statuses(before.checkout().counts()), statuses(after.checkout().counts()));
		row(html, "p50", ReplayReport.millis(before.p50Millis()), ReplayReport.millis(after.p50Millis()));
		row(html, "p99", ReplayReport.millis(before.p99Millis()), ReplayReport.millis(after.p99Millis()));
		row(html, "p99 of the typical minute (median)", ReplayReport.millis(before.typicalMinuteP99Millis()),
				ReplayReport.millis(after.typicalMinuteP99Millis()));
		row(html, "p99 GET /api/orders/{id}", ReplayReport.millis(1000 * before.orders().latency().quantile(0.99)),
				ReplayReport.millis(1000 * after.orders().latency().quantile(0.99)));
		row(html, "p99 GET /api/payments", ReplayReport.millis(1000 * before.payments().latency().quantile(0.99)),
				ReplayReport.millis(1000 * after.payments().latency().quantile(0.99)));
		html.append("</table>\n");
		html.append("<figure>\n").append(report.errorRateSvg()).append("</figure>\n");
		html.append("<figure>\n").append(report.latencySvg()).append("</figure>\n");

		html.append("<h2>What shipped</h2>\n");
		if (target.changelog().isEmpty()) {
			html.append("<p>Nothing: the same release was started again.</p>\n");
		}
		else {
			html.append("<p><code>git log ").append(e(target.beforeLabel())).append("..").append(e(target.afterLabel())).append("</code></p>\n");
			html.append("<table>\n<tr><th>PR</th><th>title</th><th>author</th><th>date</th><th>commit</th></tr>\n");
			for (ReplayTarget.Change change : target.changelog()) {
				html.append("<tr><td>#").append(change.number()).append("</td><td>").append(e(change.title()))
					.append("</td><td>").append(e(change.author())).append("</td><td>")
					.append(e(OffsetDateTime.ofInstant(change.date(), change.zone())
						.format(DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH))))
					.append("</td><td><code>").append(e(change.commit())).append("</code></td></tr>\n");
			}
			html.append("</table>\n");
		}

		html.append("<h2>Scheduled jobs</h2>\n");
		html.append("<table>\n<tr><th>time</th><th>job</th><th>release</th><th>exit</th><th>log</th></tr>\n");
		for (JobRun run : result.jobs()) {
			String line = run.failed() ? ReplayReport.firstError(run).orElse("")
					: ReplayReport.summary(run).orElse("");
			html.append("<tr><td>").append(e(run.at())).append("</td><td>").append(e(run.job())).append("</td><td>")
				.append(e(run.version())).append("</td><td class=\"")
				.append(run.failed() ? "fail" : "ok").append("\">").append(run.exitCode()).append("</td><td><code>")
				.append(e(abbreviate(line, 150))).append("</code></td></tr>\n");
		}
		html.append("</table>\n");

		html.append("<h2>Logs</h2>\n");
		List<ReplayReport.Excerpt> excerpts = report.excerpts();
		if (excerpts.isEmpty()) {
			html.append("<p>No ERROR in the logs.</p>\n");
		}
		for (ReplayReport.Excerpt excerpt : excerpts) {
			html.append("<p><code>").append(e(excerpt.source())).append("</code>");
			if (excerpt.occurrences() > 1) {
				html.append(excerpt.source().startsWith("checkout-service")
						? String.format(" — %d errors logged between %s and %s; the first:", excerpt.occurrences(),
								excerpt.firstAt(), excerpt.lastAt())
						: String.format(" — failed %d times; the first:", excerpt.occurrences()));
			}
			html.append("</p>\n<pre>").append(e(excerpt.text())).append("</pre>\n");
		}

		html.append("<h2>Payments left behind</h2>\n<p class=\"sub\">Rows in the shop's database at the end of the replay. Charges: orders with an approved payment, and orders charged more than once (split at the deploy by when their second approved payment was recorded).</p>\n<table>\n");
		for (Map.Entry<String, Map<String, Long>> table : ReplayJson.database(result).entrySet()) {
			html.append("<tr><th>").append(e(table.getKey())).append("</th><td>")
				.append(e(statuses(table.getValue()))).append("</td></tr>\n");
		}
		html.append("</table>\n");

		html.append("<h2>How this was measured</h2>\n<ul>\n");
		html.append("<li>The shop ran for real on this machine: checkout-service ").append(e(target.beforeLabel()))
			.append(", then ").append(e(target.afterLabel()))
			.append(" deployed on the same database at ").append(Replay.hhmm(result.deployAt()))
			.append(" (old process stopped, new one started, its Liquibase changesets run); the jobs as <code>--run-once</code> processes at their simulated times.</li>\n");
		html.append("<li>Customers: ").append(result.options().checkoutsPerMinute())
			.append(" checkouts per simulated minute (a simulated minute took about ")
			.append(result.options().minuteLength().toMillis())
			.append(" ms), stable customer ids, 17 % of carts over $50, a discount code sent only when the page offered the input; seed ")
			.append(result.options().seed()).append(".</li>\n");
		html.append("<li>Each release, once started, first served ").append(result.options().warmupSessions())
			.append(" customer sessions as fast as it could (JIT warm-up); they are not in the figures.</li>\n");
		html.append("<li>Error rate: ").append(e(ReplayReport.ERROR_RATE_DEFINITION)).append(".</li>\n");
		html.append("<li>Latency: ").append(e(ReplayReport.LATENCY_DEFINITION)).append(".</li>\n");
		html.append("<li>Log times are shown in simulated time.</li>\n");
		html.append("</ul>\n");
		html.append("<script>\n(function(){var ok=true;var charts=document.querySelectorAll('svg.chart');")
			.append("if(charts.length<2)ok=false;charts.forEach(function(c){var r=c.getBoundingClientRect();")
			.append("if(r.width<100||r.height<100)ok=false;var lines=c.querySelectorAll('polyline.series');")
			.append("if(lines.length<1)ok=false;lines.forEach(function(l){if(l.getTotalLength()<=0)ok=false;});")
			.append("if(!c.querySelector('line.deploy')&&c.getAttribute('data-deploy')!=='none')ok=false;});")
			.append("document.body.setAttribute('data-check',ok?'ok':'broken');})();\n</script>\n");
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private static void row(StringBuilder html, String name, String before, String after) {
		html.append("<tr><th>").append(e(name)).append("</th><td class=\"num\">").append(e(before))
			.append("</td><td class=\"num\">").append(e(after)).append("</td></tr>\n");
	}

	private static String statuses(Map<String, Long> counts) {
		if (counts.isEmpty()) {
			return "–";
		}
		StringBuilder text = new StringBuilder();
		counts.forEach((status, count) -> text.append((text.length() > 0) ? ", " : "").append(status).append(": ")
			.append(count));
		return text.toString();
	}

	private static String abbreviate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	static String e(String text) {
		return Charts.escape(text);
	}

}
