package io.firedrill.kit.guardrails.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.TerminalText;
import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.GuardrailResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How a {@link Guardrails.Report} is shown: plain text for people, JSON for CI. */
public final class GuardrailReport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private GuardrailReport() {
	}

	/** The header, printed before the first guardrail runs. */
	public static void header(PrintWriter out, String target, String baseline) {
		out.println("guardrails on " + TerminalText.safe(target)
				+ ((baseline != null) ? ", baseline " + TerminalText.safe(baseline) : ""));
		out.flush();
	}

	/**
	 * One guardrail's verdict, what it caught and why, in plain words; what comes from the shop checked (changeset
	 * ids, paths, a job's output) is made printable.
	 */
	public static void result(PrintWriter out, GuardrailResult result, boolean verbose) {
		out.printf("%n%-16s %-7s %s (%s)%n", result.id(), result.status().label(), TerminalText.safe(result.summary()),
				seconds(result.duration().toMillis()));
		for (Finding finding : result.findings()) {
			out.println("  " + finding.rule() + ": " + TerminalText.safe(finding.where()));
			out.println("    " + TerminalText.safe(finding.what()));
			out.println("    why:  " + TerminalText.safe(finding.why()));
			if (finding.fix() != null) {
				out.println("    safe: " + TerminalText.safe(finding.fix()));
			}
		}
		if (verbose || result.status() != GuardrailResult.Status.CAUGHT) {
			for (String note : result.notes()) {
				out.println("  - " + TerminalText.safe(note));
			}
		}
		out.flush();
	}

	/** The closing line. */
	public static void footer(PrintWriter out, Guardrails.Report report) {
		Map<GuardrailResult.Status, Integer> counts = new LinkedHashMap<>();
		for (GuardrailResult.Status status : GuardrailResult.Status.values()) {
			counts.put(status, 0);
		}
		report.results().forEach((r) -> counts.merge(r.status(), 1, Integer::sum));
		List<String> parts = new ArrayList<>();
		counts.forEach((status, count) -> parts.add(count + " " + status.label()));
		out.printf("%n%d guardrails: %s (%s%s)%n", report.results().size(), String.join(", ", parts),
				seconds(report.duration().toMillis()), (report.build() != null) ? ", of which the shop's build "
						+ seconds(report.build().duration().toMillis()) : "");
		out.flush();
	}

	/** The report as JSON. */
	public static String json(Guardrails.Report report) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("target", report.target());
		root.put("commit", report.commit());
		root.put("baseline", report.baseline());
		root.put("caught", report.caught());
		root.put("errors", report.errors());
		root.put("durationMillis", report.duration().toMillis());
		if (report.build() != null) {
			Map<String, Object> build = new LinkedHashMap<>();
			build.put("command", report.build().command());
			build.put("succeeded", report.build().succeeded());
			build.put("firstError", report.build().firstError());
			build.put("durationMillis", report.build().duration().toMillis());
			root.put("build", build);
		}
		List<Map<String, Object>> results = new ArrayList<>();
		for (GuardrailResult result : report.results()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", result.id());
			entry.put("status", result.status().label());
			entry.put("summary", result.summary());
			entry.put("durationMillis", result.duration().toMillis());
			entry.put("findings", result.findings());
			entry.put("notes", result.notes());
			results.add(entry);
		}
		root.put("guardrails", results);
		return JSON.writeValueAsString(root);
	}

	static String seconds(long millis) {
		return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
	}

}
