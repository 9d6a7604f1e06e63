package io.firedrill.kit.results;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.verdict.Severity;

/**
 * {@code summary.md}: a scorecard as a GitHub Actions job summary ({@code cat summary.md >> $GITHUB_STEP_SUMMARY}):
 * the total, a table of the criteria, the integrity findings and the evidence. GitHub refuses a step summary over
 * 1 MiB, so it never is: each evidence is cut at {@value #EVIDENCE_LIMIT} characters, and the evidence that would not
 * fit is left out with a note saying how much ({@code scorecard.md} has it all).
 */
public final class JobSummary {

	/** GitHub's bound on one step's summary, in bytes. */
	public static final int LIMIT = 1024 * 1024;

	static final int EVIDENCE_LIMIT = 2000;

	/** Kept free for the note that says what was left out. */
	private static final int NOTE_ROOM = 512;

	private JobSummary() {
	}

	public static String write(Scorecard card) {
		StringBuilder md = new StringBuilder();
		boolean voided = card.integrity().stream().anyMatch((f) -> f.severity() == Severity.CRITICAL);
		md.append("## firedrill: ").append(text(card.incidentTitle())).append("\n\n");
		md.append("**").append(card.totalPoints()).append(" / ").append(card.maxPoints()).append(" points** for `")
			.append(card.candidate().shortCommit()).append("` (incident `").append(text(card.incident())).append("`)")
			.append(voided ? ": **voided by a critical integrity finding**" : "").append("\n\n");
		md.append("| Criterion | Status | Points |\n|---|---|---|\n");
		for (CriterionResult result : card.criteria()) {
			md.append("| ").append(cell(result.title())).append(" (`").append(cell(result.id())).append("`) | ")
				.append(icon(result)).append(' ').append(cell(Text.verdict(result).toUpperCase(Locale.ROOT)))
				.append(" | ").append(result.points()).append(" / ").append(result.max()).append(" |\n");
		}
		md.append('\n');
		if (!card.integrity().isEmpty()) {
			md.append("### Integrity findings\n\n");
			for (Finding finding : card.integrity()) {
				md.append("- **").append(finding.severity().label()).append("** `").append(text(finding.code()))
					.append("`: ").append(text(finding.message())).append('\n');
			}
			md.append('\n');
		}
		int budget = LIMIT - NOTE_ROOM - bytes(md);
		int omitted = 0;
		for (CriterionResult result : card.criteria()) {
			if (result.evidence().isEmpty()) {
				continue;
			}
			String heading = "### `" + text(result.id()) + "`: " + text(Text.verdict(result)) + "\n\n";
			budget -= bytes(heading);
			md.append(heading);
			for (Evidence evidence : result.evidence()) {
				String item = "- " + ((evidence.test() != null) ? "**" + text(cut(evidence.test())) + "**: " : "")
						+ text(cut(evidence.message())) + "\n";
				int size = bytes(item);
				if (omitted > 0 || size > budget) {
					// once one is left out, the rest are too: what is shown is a prefix, in order
					omitted++;
					continue;
				}
				budget -= size;
				md.append(item);
			}
			md.append('\n');
		}
		if (omitted > 0) {
			md.append("> ").append(omitted).append(omitted == 1 ? " evidence entry is" : " evidence entries are")
				.append(" left out to keep this summary under 1 MiB: see scorecard.md.\n");
		}
		return bounded(md.toString());
	}

	/** The summary, cut at a line when the parts above the evidence alone are too long (thousands of findings). */
	private static String bounded(String md) {
		if (bytes(md) <= LIMIT) {
			return md;
		}
		int end = md.lastIndexOf('\n', Math.min(md.length(), LIMIT - NOTE_ROOM));
		int excess;
		while (end >= 0 && (excess = bytes(md.substring(0, end + 1)) - (LIMIT - NOTE_ROOM)) > 0) {
			// a character takes 1 to 3 bytes: a third of the excess, in characters, never cuts more than needed
			end = md.lastIndexOf('\n', end - 1 - (excess + 2) / 3);
		}
		return md.substring(0, end + 1) + "\n> Cut here to keep this summary under 1 MiB: see scorecard.md.\n";
	}

	private static String icon(CriterionResult result) {
		if (!result.graded()) {
			return "⚪";
		}
		return (result.status() == Status.PASS) ? "✅" : (result.status() == Status.PARTIAL) ? "🟡" : "❌";
	}

	private static String cut(String value) {
		if (value == null || value.length() <= EVIDENCE_LIMIT) {
			return value;
		}
		return value.substring(0, EVIDENCE_LIMIT) + " [cut: " + (value.length() - EVIDENCE_LIMIT)
				+ " more characters in scorecard.md]";
	}

	private static int bytes(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8).length;
	}

	/** Text from the submission or the suites: no HTML of its own, one line. */
	private static String text(String value) {
		if (value == null) {
			return "";
		}
		// control characters (a test's ANSI colours, a NUL) would reach the job's page as they are
		return value.replace("<", "\\<").replace("`", "'").replaceAll("\\s*\\R\\s*", " ")
			.replaceAll("[\\p{Cntrl}&&[^\\t]]", "\uFFFD");
	}

	private static String cell(String value) {
		return text(value).replace("|", "\\|");
	}

}
