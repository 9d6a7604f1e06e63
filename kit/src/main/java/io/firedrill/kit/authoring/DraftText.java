package io.firedrill.kit.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.firedrill.kit.catalog.Catalog;

/**
 * The text of the files {@code new-incident} drafts: {@code incident.yaml}, the reference fix's {@code fixes.yaml},
 * a new criterion's entry of {@code criteria.yaml}, and the templates (brief, notes, a hidden suite) filled in. Kept
 * apart from the drafting so that what the author will edit reads in one place.
 */
final class DraftText {

	private static final String TEMPLATES = "/io/firedrill/kit/authoring/";

	private DraftText() {
	}

	/** The {@code incident.yaml} of a new incident; {@code prsYaml} holds one {@link #prEntry} per PR. */
	static byte[] metadata(String id, String title, String timebox, List<String> criteriaIds, CharSequence prsYaml) {
		return ("id: " + id + "\n"
				+ "title: " + quoted(title) + "\n"
				+ "tag: incident/" + id + "\n"
				+ "base: " + Catalog.BASE_TAG + "\n"
				+ "releaseTag: false\n"
				+ "timebox: " + timebox + "\n"
				+ "criteria: [" + String.join(", ", criteriaIds) + "]\n"
				+ "# phrases the brief must not contain: they would give the root cause away (check-incident)\n"
				+ "spoilers: []\n"
				+ "prs:\n" + prsYaml
				+ "brief: brief.md\n").getBytes(StandardCharsets.UTF_8);
	}

	/** One PR of {@code incident.yaml}'s {@code prs:}. */
	static String prEntry(int number, String subject, String patchName) {
		return "  - number: " + number + "\n"
				+ "    title: " + quoted(subject) + "\n"
				+ "    patch: patches/" + patchName + "\n";
	}

	/** A new criterion's entry of {@code criteria.yaml}, its titles left for the author to write. */
	static String criterionEntry(String criterion, String incidentId, Suite suite) {
		return new StringBuilder()
			.append("  - id: ").append(criterion).append('\n')
			.append("    title: ").append(quoted("TODO: what a fix of " + incidentId + " must do, in one line"))
			.append('\n')
			.append("    points: 10\n")
			.append("    module: ").append(criterion).append('\n')
			.append("    needs: [checkout-service]        # candidate modules that must build for the suite to run\n")
			.append("    tests:\n")
			.append("      - io.firedrill.grading.").append(suite.pkg()).append('.').append(suite.className())
			.append('#').append(suite.method()).append('\n')
			.append("    feedback:                        # what the candidate's card says (see the top of this file)\n")
			.append("      visibility: after-review\n")
			.append("      title: ").append(quoted("TODO: the criterion in the candidate's words")).append('\n')
			.append("      pass: ").append(quoted("TODO: what they got right, without naming the fix")).append('\n')
			.append("      fail: ").append(quoted("TODO: what to look at again, without naming a hidden test")).append('\n')
			.toString();
	}

	/** The fixes file with the reference fix only, and the comments that ask the author for the others. */
	static byte[] fixesYaml(String incidentId, String description, List<String> criteria) {
		StringBuilder yaml = new StringBuilder()
			.append("# Fixes a candidate could submit, applied as one commit on incident/").append(incidentId)
			.append(", and the\n# verdict each criterion must give. `./firedrill check-incident ").append(incidentId)
			.append("` proves every one.\n")
			.append("# Add the other accepted fixes and at least three known-wrong ones (kind: wrong), each with\n")
			.append("# the verdicts it must get: a criterion no wrong fix makes fail is untested.\n")
			.append("fixes:\n")
			.append("  - id: reference\n")
			.append("    kind: accepted\n")
			.append("    reference: true\n")
			.append("    description: ").append(quoted(description)).append('\n')
			.append("    patch: reference.patch\n")
			.append("    expect:\n");
		for (String criterion : criteria) {
			yaml.append("      ").append(criterion).append(": pass\n");
		}
		return yaml.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** How git format-patch names a patch file after its subject. */
	static String slug(String subject) {
		String slug = subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 52) {
			slug = slug.substring(0, 52).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "change" : slug;
	}

	/** A YAML double-quoted scalar. */
	static String quoted(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** A template of the kit's resources with each {@code @name@} replaced by its value. */
	static byte[] template(String name, Map<String, String> values) {
		try (InputStream in = DraftText.class.getResourceAsStream(TEMPLATES + name)) {
			if (in == null) {
				throw new IllegalStateException("template " + name + " is missing from the kit");
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("@" + value.getKey() + "@", value.getValue());
			}
			return text.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Names in a new hidden suite, derived from its criterion's id. */
	record Suite(String pkg, String className, String method) {

		static Suite of(String criterion) {
			String pkg = criterion.replaceAll("[^a-z0-9]", "");
			if (pkg.isEmpty() || Character.isDigit(pkg.charAt(0))) {
				pkg = "c" + pkg;
			}
			StringBuilder camel = new StringBuilder();
			for (String word : criterion.split("[^a-z0-9]+")) {
				if (!word.isEmpty()) {
					camel.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
				}
			}
			String className = (Character.isDigit(camel.charAt(0)) ? "C" : "") + camel + "Tests";
			return new Suite(pkg, className, "aFixOf" + camel.toString().replaceAll("^\\d+", "") + "DoesWhatTheCriterionSays");
		}

	}

}
