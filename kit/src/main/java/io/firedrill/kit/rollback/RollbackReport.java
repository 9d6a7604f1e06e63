package io.firedrill.kit.rollback;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rollback verdict in plain words. */
public final class RollbackReport {

	private RollbackReport() {
	}

	public static void print(PrintWriter out, RollbackCheck.Result result) {
		out.println("rollback from " + result.newer() + " to " + result.older() + " (the newer schema stays)");
		for (RollbackCheck.DatabaseVerdict verdict : result.databases()) {
			out.println();
			String label = (verdict.setupError() != null) ? "no verdict" : verdict.safe() ? "safe" : "unsafe";
			out.println(verdict.kind().id() + ": " + label + "  [" + verdict.database() + "]");
			if (verdict.setupError() != null) {
				out.println("  " + verdict.setupError());
				continue;
			}
			out.println("  newer release: changelog applied (" + verdict.changesets() + " changesets), then its repositories wrote: "
					+ summary(verdict.newerWrites()));
			for (PersistenceProbe.Call call : verdict.newerWrites()) {
				if (call.outcome() != PersistenceProbe.Outcome.OK) {
					out.println("    " + call.outcome().label + " " + call.signature() + ": " + call.error());
				}
			}
			out.println("  older release: Liquibase " + ((verdict.olderStart() == null) ? "starts on this schema"
					: "refuses to start: " + verdict.olderStart()));
			out.println("  older release's repositories on this schema:");
			for (PersistenceProbe.Call call : verdict.olderCalls()) {
				out.printf("    %-7s %s %s%n", call.outcome().label, call.kind().name().toLowerCase(Locale.ROOT),
						call.signature());
				if (call.outcome() == PersistenceProbe.Outcome.FAILED) {
					if (call.statement() != null) {
						out.println("            statement: " + call.statement());
					}
					out.println("            database:  " + call.error() + " (SQLState " + call.sqlState() + ")");
				}
				else if (call.outcome() == PersistenceProbe.Outcome.SKIPPED) {
					out.println("            " + call.error());
				}
			}
		}
		out.println();
		out.println("verdict: " + verdict(result) + " (" + String.format(Locale.ROOT, "%.1f s", result.duration().toMillis() / 1000.0) + ")");
		out.flush();
	}

	/** One line: safe, or unsafe with the statement that failed and the database's error. */
	public static String verdict(RollbackCheck.Result result) {
		if (result.unsafe()) {
			Map<String, List<String>> failures = new LinkedHashMap<>();
			List<String> lines = new ArrayList<>();
			for (RollbackCheck.DatabaseVerdict database : result.databases()) {
				if (database.olderStart() != null) {
					lines.add(database.kind().id() + ": the older release's Liquibase refuses to start: " + database.olderStart());
				}
				for (PersistenceProbe.Call call : database.failures()) {
					failures.computeIfAbsent(call.repository() + "." + call.method(), (k) -> new ArrayList<>())
						.add(database.kind().id() + ": " + call.error() + " (SQLState " + call.sqlState() + ")");
				}
			}
			failures.forEach((call, errors) -> lines.add(call + " fails: " + String.join("; ", errors)));
			return "unsafe: " + String.join(" | ", lines);
		}
		if (result.inconclusive()) {
			return "no verdict: " + String.join("; ", result.databases().stream()
				.filter(RollbackCheck.DatabaseVerdict::inconclusive)
				.map((d) -> d.kind().id() + ": " + ((d.setupError() != null) ? d.setupError() : "nothing could be exercised"))
				.toList());
		}
		return "safe: the older release's writes, reads and updates all work on the newer schema ("
				+ String.join(", ", result.databases().stream().map((d) -> d.kind().id()).toList()) + ")";
	}

	private static String summary(List<PersistenceProbe.Call> calls) {
		List<String> done = calls.stream()
			.filter((call) -> call.outcome() == PersistenceProbe.Outcome.OK)
			.map((call) -> call.repository() + "." + call.method())
			.toList();
		return done.isEmpty() ? "nothing" : String.join(", ", done);
	}

}
