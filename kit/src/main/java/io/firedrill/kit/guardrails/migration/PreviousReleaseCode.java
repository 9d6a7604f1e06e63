package io.firedrill.kit.guardrails.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the previous release reads or writes, approximated by a search of its production code (Java, Kotlin,
 * Groovy, SQL and MyBatis-style XML under {@code src/main}, changelogs excluded) for the column's name as a word.
 * Good enough for a linter: it over-reports a column whose name is also a common word, and misses SQL built from
 * pieces; it never needs the previous release to build.
 */
final class PreviousReleaseCode {

	private static final Set<String> EXTENSIONS = Set.of("java", "kt", "groovy", "scala", "sql", "xml");

	private final Path root;

	private final Map<Path, List<String>> files = new LinkedHashMap<>();

	private PreviousReleaseCode(Path root) {
		this.root = root;
	}

	static PreviousReleaseCode of(Path shop) {
		PreviousReleaseCode code = new PreviousReleaseCode(shop);
		try (Stream<Path> paths = Files.walk(shop, 20)) {
			paths.filter(Files::isRegularFile).filter(PreviousReleaseCode::isProductionCode).sorted().forEach((file) -> {
				try {
					code.files.put(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return code;
	}

	private static boolean isProductionCode(Path file) {
		String path = file.toString().replace('\\', '/');
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)) && path.contains("/src/main/")
				&& !path.contains("/target/") && !path.contains("/db/changelog/") && !path.contains("/changelog/")
				&& !name.equals("pom.xml");
	}

	/** Where the name occurs as a word, as {@code path:line}, at most {@code limit} of them. */
	List<String> usesOf(String column, int limit) {
		Pattern word = Pattern.compile("(?i)(?<![A-Za-z0-9_])" + Pattern.quote(column) + "(?![A-Za-z0-9_])");
		List<String> uses = new ArrayList<>();
		for (Map.Entry<Path, List<String>> file : this.files.entrySet()) {
			List<String> lines = file.getValue();
			for (int i = 0; i < lines.size(); i++) {
				if (word.matcher(lines.get(i)).find()) {
					uses.add(this.root.relativize(file.getKey()).toString().replace('\\', '/') + ":" + (i + 1));
					if (uses.size() >= limit) {
						return uses;
					}
				}
			}
		}
		return uses;
	}

	boolean uses(String column) {
		return !usesOf(column, 1).isEmpty();
	}

}
