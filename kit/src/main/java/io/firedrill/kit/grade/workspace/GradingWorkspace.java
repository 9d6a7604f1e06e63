package io.firedrill.kit.grade.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.firedrill.kit.Cleanup;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.shop.ShopModules;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The grader's own folder for one or more gradings:
 *
 * <pre>
 * pom.xml            generated aggregator: candidate + grading modules (no parent, nothing of the candidate)
 * .mvn/jvm.config    the grader's own: pins Maven's base directory here, so the candidate's .mvn/ is never read
 * candidate/         a clone of the submission at the graded commit (never the candidate's own folder)
 * grading/support/   the kit's hidden suites, copied from the kit's HEAD commit
 * grading/&lt;module&gt;/
 * </pre>
 *
 * A workspace can be reused for the next submission of the same incident: the candidate's tree is reset to the next
 * commit and Maven's incremental build skips what did not change.
 */
public final class GradingWorkspace implements AutoCloseable {

	public static final String CANDIDATE = "candidate";

	private static final String JVM_CONFIG = "jvm.config";

	/** Where the hidden suites' runs read the candidate's installed modules from. */
	public static final String SUITES_REPOSITORY = "repository/suites";

	private final Path root;

	private final boolean keep;

	/** The grading modules' POMs as the kit has them, by module folder. */
	private final Map<String, byte[]> pristinePoms = new LinkedHashMap<>();

	private Repository candidateRepository;

	/** The commit the candidate's tree was at before the last checkout, or {@code null}. */
	private ObjectId previous;

	private ObjectId current;

	private final Cleanup.Action removeOnStop;

	private GradingWorkspace(Path root, boolean keep) {
		this.root = root;
		this.keep = keep;
		this.removeOnStop = Cleanup.onStop(() -> {
			if (!keep) {
				Folders.deleteQuietly(root);
			}
		});
	}

	/** A new, empty workspace in a temporary folder. */
	public static GradingWorkspace create(boolean keep) {
		try {
			Path root = Files.createTempDirectory("firedrill-grade-").toRealPath();
			GradingWorkspace workspace = new GradingWorkspace(root, keep);
			workspace.resetMavenConfig();
			return workspace;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path root() {
		return this.root;
	}

	public Path candidate() {
		return this.root.resolve(CANDIDATE);
	}

	/** Folder of a grading module ({@code support}, {@code flag-gated-backend}) in the workspace. */
	public Path module(String module) {
		return this.root.resolve(Criteria.GRADING).resolve(module);
	}

	/** Relative path of a grading module from the workspace root, as the aggregator lists it. */
	public static String modulePath(String module) {
		return Criteria.GRADING + "/" + module;
	}

	/**
	 * Puts the submission's graded commit into {@code candidate/}: fetched (objects copied, nothing shared), then
	 * the tree reset to that commit. Build output under ignored folders ({@code target/}) stays for the next run.
	 */
	public Repository checkout(Submission submission) {
		try {
			if (this.candidateRepository == null) {
				this.candidateRepository = Git.init()
					.setDirectory(candidate().toFile())
					.setInitialBranch("graded")
					.call()
					.getRepository();
				this.candidateRepository.getConfig().setBoolean("core", null, "autocrlf", false);
				this.candidateRepository.getConfig().setBoolean("gc", null, "auto", false);
				// a link the candidate committed is written as a small file holding its target, as git does where
				// links do not exist: nothing in the workspace can point outside it
				this.candidateRepository.getConfig().setBoolean("core", null, "symlinks", false);
				this.candidateRepository.getConfig().save();
			}
			submission.fetchInto(this.candidateRepository);
			clearWayFor(submission.commit());
			try (Git git = new Git(this.candidateRepository)) {
				git.reset().setMode(ResetType.HARD).setRef(submission.commit().name()).call();
			}
			this.previous = this.current;
			this.current = submission.commit().copy();
			return this.candidateRepository;
		}
		catch (GitAPIException | IOException ex) {
			throw new IllegalStateException("cannot check out " + submission.commit().name() + " in " + candidate(), ex);
		}
	}

	/**
	 * Removes the build output of an earlier submission that stands where this commit has a file (a committed
	 * {@code target} link, checked out as a file where the last build left a {@code target/} folder): the reset
	 * cannot replace a folder with a file. Never follows a link.
	 */
	private void clearWayFor(ObjectId commit) throws IOException {
		try (RevWalk walk = new RevWalk(this.candidateRepository);
				TreeWalk tree = new TreeWalk(this.candidateRepository)) {
			tree.addTree(walk.parseCommit(commit).getTree());
			tree.setRecursive(true);
			while (tree.next()) {
				Path path = candidate().resolve(tree.getPathString());
				if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && insideWorkspace(path)) {
					Folders.delete(path);
				}
			}
		}
	}

	/** The symbolic links a commit holds, with their targets: checked out as plain files holding the target. */
	public Map<String, String> symbolicLinks(ObjectId commit) {
		Map<String, String> links = new java.util.TreeMap<>();
		try (RevWalk walk = new RevWalk(this.candidateRepository);
				TreeWalk tree = new TreeWalk(this.candidateRepository)) {
			tree.addTree(walk.parseCommit(commit).getTree());
			tree.setRecursive(true);
			while (tree.next()) {
				if ((tree.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK) {
					byte[] target = this.candidateRepository.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes(4096);
					links.put(tree.getPathString(), new String(target, StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return links;
	}

	/**
	 * Whether a path lies in the workspace once every link on the way is followed: what the candidate's code left
	 * (a {@code target} that is a link, say) must never turn the grader's clean-up into a delete elsewhere.
	 */
	private boolean insideWorkspace(Path path) {
		try {
			Path real = Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? path.toRealPath()
					: path.getParent().toRealPath().resolve(path.getFileName());
			return real.startsWith(this.root.toRealPath()) && !Files.isSymbolicLink(path);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The candidate's repository in the workspace (after a {@link #checkout}). */
	public Repository candidateRepository() {
		return this.candidateRepository;
	}

	/**
	 * Copies {@code grading/<module>/} afresh from the kit's HEAD commit: whatever is in its place is removed first,
	 * since the candidate's code may have written there (it runs in this workspace, as the same user).
	 * @return whether the kit has that module
	 */
	public boolean copyModule(KitClone kit, String module) {
		Folders.deleteQuietly(module(module));
		String prefix = modulePath(module);
		Path target = module(module);
		boolean found = false;
		try (TreeWalk walk = new TreeWalk(kit.reader())) {
			walk.addTree(kit.tree());
			walk.setRecursive(true);
			walk.setFilter(PathFilter.create(prefix));
			while (walk.next()) {
				if ((walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
					continue;
				}
				String relative = walk.getPathString().substring(prefix.length() + 1);
				Path file = target.resolve(relative).normalize();
				if (!file.startsWith(target)) {
					continue;
				}
				Files.createDirectories(file.getParent());
				ObjectLoader loader = kit.reader().open(walk.getObjectId(0), Constants.OBJ_BLOB);
				try (InputStream in = loader.openStream()) {
					Files.copy(in, file);
				}
				found = true;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path pom = target.resolve("pom.xml");
		if (!found || !Files.isRegularFile(pom)) {
			Folders.deleteQuietly(target);
			return false;
		}
		try {
			this.pristinePoms.put(module, Files.readAllBytes(pom));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return true;
	}

	/**
	 * Writes a grading module's POM with its property defaults set to these values ({@code shop.version},
	 * {@code shop.sdk.version}...): each module gets its own values, which global {@code -D} flags could not do. A
	 * property the POM does not declare is left out.
	 */
	public void configure(String module, Map<String, String> properties) {
		String pom = new String(this.pristinePoms.get(module), StandardCharsets.UTF_8);
		for (Map.Entry<String, String> property : properties.entrySet()) {
			pom = setProperty(pom, property.getKey(), property.getValue());
		}
		try {
			Files.writeString(module(module).resolve("pom.xml"), pom, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sets the first {@code <name>value</name>} of a POM's text. */
	static String setProperty(String pom, String name, String value) {
		Pattern element = Pattern.compile("<" + Pattern.quote(name) + ">[^<]*</" + Pattern.quote(name) + ">");
		Matcher matcher = element.matcher(pom);
		if (!matcher.find()) {
			return pom;
		}
		String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		return pom.substring(0, matcher.start()) + "<" + name + ">" + escaped + "</" + name + ">"
				+ pom.substring(matcher.end());
	}

	/** A grading module's POM as the kit has it. */
	public byte[] pristinePom(String module) {
		return this.pristinePoms.get(module).clone();
	}

	/** The grading modules' artifactIds, by module folder (for reading Maven's output). */
	public Map<String, String> artifactIds() {
		Map<String, String> ids = new LinkedHashMap<>();
		for (String module : this.pristinePoms.keySet()) {
			ids.put(module, ownElement(module, "artifactId").orElse(module));
		}
		return ids;
	}

	/** The grading modules' {@code groupId:artifactId}. */
	public List<String> coordinates() {
		List<String> coordinates = new ArrayList<>();
		for (Map.Entry<String, String> module : artifactIds().entrySet()) {
			coordinates.add(ownElement(module.getKey(), "groupId").orElse("") + ":" + module.getValue());
		}
		return coordinates;
	}

	/** A grading module's folder in a local repository, {@code group/artifact} (grading POMs name their group). */
	public String artifactFolder(String module) {
		return ownElement(module, "groupId").orElse("").replace('.', '/') + "/" + artifactIds().get(module);
	}

	/** The first {@code <name>} of a grading POM outside its {@code <parent>} (the project's own). */
	private Optional<String> ownElement(String module, String name) {
		String text = new String(this.pristinePoms.get(module), StandardCharsets.UTF_8)
			.replaceAll("(?s)<parent>.*?</parent>", "");
		Matcher matcher = Pattern.compile("<" + name + ">\\s*([^<\\s]+)\\s*</" + name + ">").matcher(text);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/**
	 * Removes the hidden suites from the workspace: the candidate's build runs without them, so that nothing it
	 * starts can read or change them; they are copied anew from the kit before their own runs.
	 */
	public void removeSuites() {
		Folders.deleteQuietly(this.root.resolve(Criteria.GRADING));
	}

	/**
	 * What a sealed run wrote among the grader's own files, while the hidden suites were out of the workspace:
	 * anything in {@code grading/} (a suite planted where the real one is copied next), and anything in {@code .mvn/}
	 * (Maven reads its {@code jvm.config}, {@code maven.config} and {@code extensions.xml} in every later run), as
	 * paths relative to the workspace, sorted; empty when nothing was written. Call with the suites removed.
	 */
	public List<String> graderFilesWritten() {
		List<String> written = new ArrayList<>();
		Path grading = this.root.resolve(Criteria.GRADING);
		if (Files.exists(grading, LinkOption.NOFOLLOW_LINKS)) {
			List<String> planted = filesUnder(grading);
			written.addAll(planted.isEmpty() ? List.of(Criteria.GRADING + "/") : planted);
		}
		for (String file : filesUnder(this.root.resolve(".mvn"))) {
			if (!file.equals(".mvn/" + JVM_CONFIG) || !Files.isRegularFile(this.root.resolve(file), LinkOption.NOFOLLOW_LINKS)
					|| !readQuietly(this.root.resolve(file)).equals(SHORT_LIVED_JVM_OPTIONS + "\n")) {
				written.add(file);
			}
		}
		return written.stream().sorted().toList();
	}

	private static String readQuietly(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** Files and links below a folder (never followed), relative to the workspace. */
	private List<String> filesUnder(Path folder) {
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			return Files.exists(folder, LinkOption.NOFOLLOW_LINKS) ? List.of(this.root.relativize(folder).toString())
					: List.of();
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter((path) -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
				.map((path) -> this.root.relativize(path).toString())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JVM options of every JVM of a sealed run, Maven's ({@code .mvn/jvm.config}) and its test forks'
	 * ({@code argLine}, unless a POM sets its own): the C1 compiler only, and the serial collector. Those JVMs live
	 * seconds to a minute, on two cores: C2's compiler threads and G1's concurrent threads cost more CPU than they
	 * give back (a candidate's {@code verify} takes half the CPU with them, the same 118 tests passing). What the code
	 * does is the same, only how fast the JIT makes it.
	 */
	public static final String SHORT_LIVED_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

	/**
	 * Puts the grader's own Maven configuration back, whatever a run left there: {@code .mvn/} holding only its
	 * {@code jvm.config}.
	 */
	public void resetMavenConfig() {
		Path config = this.root.resolve(".mvn");
		Folders.deleteQuietly(config);
		try {
			Files.createDirectories(config);
			Files.writeString(config.resolve(JVM_CONFIG), SHORT_LIVED_JVM_OPTIONS + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A local repository of the workspace's own ({@code repository/<name>}), emptied: Maven writes into it (what the
	 * candidate's build installs) and reads the rest from the user's repository behind it.
	 * @param path its folder, relative to the workspace ({@code repository/candidate})
	 */
	public Path freshRepository(String path) {
		Path repository = this.root.resolve(path);
		Folders.deleteQuietly(repository);
		try {
			Files.createDirectories(repository);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return repository;
	}

	/**
	 * Copies what the candidate's build installed for its own modules (each module's {@code group/artifact/version}
	 * folder, regular files only) from one repository to another. Anything else the build left in {@code from} is
	 * not copied: the hidden suites see the candidate's modules and nothing else the candidate's code wrote.
	 */
	public static void copyArtifacts(Path from, Path to, List<ShopModules.Module> modules) {
		try {
			Path base = from.toRealPath();
			for (ShopModules.Module module : modules) {
				if (module.groupId() == null || module.artifactId() == null || module.version() == null) {
					continue;
				}
				String relative = module.repositoryFolder();
				Path source = from.resolve(relative).normalize();
				if (!source.startsWith(from) || !Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)
						|| !source.toRealPath().startsWith(base)) {
					continue;
				}
				Path target = to.resolve(relative).normalize();
				Files.createDirectories(target);
				try (DirectoryStream<Path> files = Files.newDirectoryStream(source)) {
					for (Path file : files) {
						if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
							Files.copy(file, target.resolve(file.getFileName().toString()), LinkOption.NOFOLLOW_LINKS);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the aggregator POM listing {@code candidate/} and these grading modules. */
	public void writeAggregator(List<String> modules) {
		writeAggregator(true, modules);
	}

	/** Writes the aggregator POM listing {@code candidate/} if asked, and these grading modules. */
	public void writeAggregator(boolean withCandidate, List<String> modules) {
		StringBuilder pom = new StringBuilder();
		pom.append("""
				<?xml version="1.0" encoding="UTF-8"?>
				<!-- Generated by firedrill grade: the candidate's build and the hidden suites, side by side. -->
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				    <modelVersion>4.0.0</modelVersion>
				    <groupId>io.firedrill.grading</groupId>
				    <artifactId>grading-workspace</artifactId>
				    <version>1.0.0</version>
				    <packaging>pom</packaging>
				    <modules>
				""");
		if (withCandidate) {
			pom.append("        <module>").append(CANDIDATE).append("</module>\n");
		}
		for (String module : modules) {
			pom.append("        <module>").append(modulePath(module)).append("</module>\n");
		}
		pom.append("    </modules>\n</project>\n");
		try {
			Files.writeString(this.root.resolve("pom.xml"), pom.toString(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes what a previous run left that could be mistaken for this run's results: the reports of every module
	 * and the jars of the candidate's modules and of the grading modules.
	 */
	public void cleanOutputs(List<ShopModules.Module> candidateModules, List<String> gradingModules) {
		List<Path> modules = new ArrayList<>();
		for (ShopModules.Module module : candidateModules) {
			modules.add(candidate().resolve(module.dir()).normalize());
		}
		for (String module : gradingModules) {
			modules.add(module(module));
		}
		for (Path module : modules) {
			if (!module.startsWith(this.root) || !Files.exists(module) || !insideWorkspace(module)) {
				continue;
			}
			Path target = module.resolve("target");
			if (!insideWorkspace(target)) {
				Folders.deleteQuietly(target);
				continue;
			}
			for (String reports : SurefireReports.DIRECTORIES) {
				if (insideWorkspace(module.resolve(reports))) {
					Folders.deleteQuietly(module.resolve(reports));
				}
			}
			if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
				try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*.jar")) {
					for (Path jar : jars) {
						Files.deleteIfExists(jar);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	/**
	 * Removes the build output ({@code target/}) that the previous run left and that this commit may have made
	 * stale: of every candidate module with a changed file (of all of them when the root POM changed), and of the
	 * grading modules. Maven's incremental build keeps the rest; stale classes or resources of a previous
	 * submission never reach this one.
	 */
	public void removeStaleOutput(List<ShopModules.Module> candidateModules, List<String> gradingModules) {
		for (String module : gradingModules) {
			Folders.deleteQuietly(module(module).resolve("target"));
		}
		if (this.previous == null || this.previous.equals(this.current)) {
			return;
		}
		List<String> changed = changedPaths(this.previous, this.current);
		boolean everything = changed.contains("pom.xml");
		for (ShopModules.Module module : candidateModules) {
			String prefix = module.dir().equals(".") ? "" : module.dir() + "/";
			boolean touched = everything || changed.stream()
				.anyMatch((path) -> path.startsWith(prefix)
						&& ShopModules.owner(candidateModules, path).orElse(".").equals(module.dir()));
			if (touched) {
				Path target = candidate().resolve(module.dir()).resolve("target").normalize();
				if (target.startsWith(candidate()) && (Files.isSymbolicLink(target) || insideWorkspace(target))) {
					Folders.deleteQuietly(target);
				}
			}
		}
	}

	private List<String> changedPaths(ObjectId from, ObjectId to) {
		List<String> paths = new ArrayList<>();
		try (RevWalk walk = new RevWalk(this.candidateRepository); TreeWalk diff = new TreeWalk(this.candidateRepository)) {
			diff.addTree(walk.parseCommit(from).getTree());
			diff.addTree(walk.parseCommit(to).getTree());
			diff.setRecursive(true);
			diff.setFilter(TreeFilter.ANY_DIFF);
			while (diff.next()) {
				paths.add(diff.getPathString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return paths;
	}

	/**
	 * A digest of everything of the grader's in the workspace: the aggregator, {@code .mvn/}, the grading modules'
	 * files outside {@code target/}, and the repository the hidden suites read the candidate's modules from (a jar
	 * added there, a fake JUnit say, would shadow the user's repository for the next suite). Compared before and
	 * after a run, it tells whether anything touched the hidden suites.
	 */
	public Map<String, String> fingerprint() {
		Map<String, String> digests = new LinkedHashMap<>();
		List<Path> roots = List.of(this.root.resolve("pom.xml"), this.root.resolve(".mvn"),
				this.root.resolve(Criteria.GRADING), this.root.resolve(SUITES_REPOSITORY));
		try {
			for (Path start : roots) {
				if (!Files.exists(start)) {
					continue;
				}
				Files.walkFileTree(start, new SimpleFileVisitor<>() {
					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
						return dir.getFileName().toString().equals("target") ? FileVisitResult.SKIP_SUBTREE
								: FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
						digests.put(GradingWorkspace.this.root.relativize(file).toString(), digest(file, attrs));
						return FileVisitResult.CONTINUE;
					}
				});
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return digests;
	}

	private static String digest(Path file, BasicFileAttributes attrs) throws IOException {
		if (!attrs.isRegularFile()) {
			return "not a regular file";
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The graded commit's files, read from the workspace's clone. */
	public SourceTree tree(ObjectId commit) {
		return SourceTree.of(this.candidateRepository, commit);
	}

	@Override
	public void close() {
		this.removeOnStop.close();
		if (this.candidateRepository != null) {
			this.candidateRepository.close();
		}
		if (!this.keep) {
			Folders.deleteQuietly(this.root);
		}
	}

}
