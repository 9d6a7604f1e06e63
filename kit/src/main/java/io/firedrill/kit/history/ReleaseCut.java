package io.firedrill.kit.history;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.FiredrillException;

/**
 * What release engineering changes when it cuts a release, as the shop's {@code changelog/unreleased/README.md}
 * says: the version of the parent POM and of every module's reference to it, and the PRs' changelog entries
 * folded into {@code CHANGELOG.md} under the new version (the entry files are then deleted).
 */
final class ReleaseCut {

	static final String UNRELEASED = "changelog/unreleased/";

	static final String CHANGELOG = "CHANGELOG.md";

	/** The shop's parent POM, as a project (root) or as a module's parent: its version follows. */
	private static final Pattern SHOP_VERSION = Pattern
		.compile("(<artifactId>acme-shop</artifactId>\\s*<version>)([^<]+)(</version>)");

	private static final Pattern ENTRY_FILE = Pattern.compile("(\\d+)-[^/]+\\.md");

	private ReleaseCut() {
	}

	/** Whether a path is a PR's changelog entry ({@code changelog/unreleased/<pr>-<slug>.md}). */
	static boolean isEntry(String path) {
		return path.startsWith(UNRELEASED) && ENTRY_FILE.matcher(path.substring(UNRELEASED.length())).matches();
	}

	/**
	 * A POM with the shop's version set.
	 * @return the POM unchanged if it does not refer to the shop's parent
	 * @throws FiredrillException (input) if it refers to it with another version than {@code from}
	 */
	static String setVersion(String path, String pom, String from, String to) {
		Matcher version = SHOP_VERSION.matcher(pom);
		StringBuilder out = new StringBuilder();
		while (version.find()) {
			if (!version.group(2).equals(from)) {
				throw FiredrillException.input(path + " has the shop at version " + version.group(2) + ", expected "
						+ from + " before the release of " + to);
			}
			version.appendReplacement(out, Matcher.quoteReplacement(version.group(1) + to + version.group(3)));
		}
		version.appendTail(out);
		return out.toString();
	}

	/**
	 * The changelog with a section for the release above the previous ones: the entries in PR order.
	 * @param entries entry file path → its lines
	 */
	static String fold(String changelog, String version, LocalDate date, Map<String, String> entries) {
		StringBuilder section = new StringBuilder("## ").append(version).append(" — ").append(date).append("\n\n");
		List<Map.Entry<String, String>> ordered = entries.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, String> entry) -> prNumber(entry.getKey()))
				.thenComparing(Map.Entry::getKey))
			.toList();
		for (Map.Entry<String, String> entry : ordered) {
			String lines = entry.getValue().strip();
			if (!lines.isEmpty()) {
				section.append(lines).append('\n');
			}
		}
		section.append('\n');
		int previous = changelog.indexOf("\n## ");
		if (previous < 0) {
			return changelog.stripTrailing() + "\n\n" + section.toString().stripTrailing() + "\n";
		}
		return changelog.substring(0, previous + 1) + section + changelog.substring(previous + 1);
	}

	private static long prNumber(String path) {
		Matcher name = ENTRY_FILE.matcher(path.substring(path.lastIndexOf('/') + 1));
		return name.matches() ? Long.parseLong(name.group(1)) : Long.MAX_VALUE;
	}

}
