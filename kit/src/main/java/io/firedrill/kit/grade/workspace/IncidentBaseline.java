package io.firedrill.kit.grade.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.history.HistoryWriter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The incident's tag as the kit makes it (never as the candidate's repository says): its whole tree (sources, tests,
 * POMs, {@code .mvn}), so that every finding is about what the candidate changed, and its visible test classes, to
 * see which of them no longer run.
 *
 * @param commit the tag's commit
 * @param tree every file of the tag, by path (the shop is a few hundred kilobytes: held in memory)
 * @param visibleTests the tag's test classes ({@code src/test/java/**}{@code /*Tests.java}, abstract ones left out)
 */
public record IncidentBaseline(ObjectId commit, SourceTree tree, List<VisibleTest> visibleTests) {

	private static final Pattern TEST_CLASS = Pattern.compile("^(?:(.+)/)?src/test/java/(.+Tests)\\.java$");

	/**
	 * A visible test class.
	 * @param module the folder of its module ({@code .} for the root)
	 * @param className its fully qualified name
	 */
	public record VisibleTest(String module, String className) {
	}

	/** Builds the incident's series from the kit, in a scratch repository deleted afterwards. */
	public static IncidentBaseline of(KitClone kit, Incident incident) {
		Path scratch = null;
		try {
			scratch = Files.createTempDirectory("firedrill-baseline-");
			try (Repository repository = FileRepositoryBuilder.create(scratch.toFile())) {
				repository.create(true);
				ObjectId tip;
				try (HistoryWriter writer = new HistoryWriter(kit, repository)) {
					tip = writer.series(incident).tip().copy();
				}
				return of(tip, SourceTree.of(repository, tip));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			Folders.deleteQuietly(scratch);
		}
	}

	/** The baseline of a tree: its files are read now, so the tree may go away afterwards. */
	public static IncidentBaseline of(ObjectId commit, SourceTree tree) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		List<VisibleTest> tests = new ArrayList<>();
		for (String path : tree.paths()) {
			files.put(path, tree.read(path).orElseThrow());
			Matcher matcher = TEST_CLASS.matcher(path);
			if (matcher.matches()) {
				String className = matcher.group(2).replace('/', '.');
				String simpleName = className.substring(className.lastIndexOf('.') + 1);
				String source = new String(tree.read(path).orElseThrow(), StandardCharsets.UTF_8);
				if (!Pattern.compile("abstract\\s+class\\s+" + Pattern.quote(simpleName) + "\\b").matcher(source).find()) {
					tests.add(new VisibleTest((matcher.group(1) != null) ? matcher.group(1) : ".", className));
				}
			}
		}
		return new IncidentBaseline(commit, SourceTree.of(files), tests);
	}

}
