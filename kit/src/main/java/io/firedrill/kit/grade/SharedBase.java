package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.Folders;
import io.firedrill.kit.Xml;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.grade.workspace.SourceTree;
import io.firedrill.kit.shop.ShopModules;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The incident's own shop, built once and kept in the kit's memory, so that the gradings of a session (or of a
 * cohort's workers) build only the modules a submission changed. A module the submission left as the incident's tag
 * has it, and whose dependencies among the shop's modules it left too, compiles to the same classes and runs the
 * same own tests: its {@code target/} and installed files are taken from this build instead of rebuilding them.
 * They are held in memory, not on disk, since the candidate's code runs as the same user as the kit and could
 * rewrite any file the next grading would trust.
 */
public final class SharedBase {

	/** What building one module left: its {@code target/} and its installed files, by relative path. */
	record ModuleOutput(ShopModules.Module module, Map<String, byte[]> target, Map<String, byte[]> installed) {
	}

	/** A relative path out of a module ({@code ../deploy}), as its POM, sources or tests would name one. */
	private static final Pattern OUT_OF_MODULE = Pattern.compile("\\.\\./([A-Za-z0-9_.-]+)");

	private final Map<String, ModuleOutput> modules;

	private final SourceTree tree;

	/** The shop's folders and root files outside the modules that a module's files name by a relative path. */
	private final Set<String> readByModules;

	/**
	 * @param modules by module folder, every module below the root
	 * @param tree the sources it was built from
	 */
	SharedBase(Map<String, ModuleOutput> modules, SourceTree tree) {
		this.modules = Map.copyOf(modules);
		this.tree = tree;
		this.readByModules = readByModules(tree, modules.keySet());
	}

	/** The modules it holds, by folder. */
	Set<String> modules() {
		return new TreeSet<>(this.modules.keySet());
	}

	/**
	 * Reads what a build of {@code tree} in {@code shop} left: each module's {@code target/} and what it installed in
	 * {@code repository}. Links are never followed.
	 * @return empty if a module below the root did not install its artifact (the build failed somewhere)
	 */
	static Optional<SharedBase> read(SourceTree tree, Path shop, Path repository) {
		Map<String, ModuleOutput> modules = new LinkedHashMap<>();
		Map<String, byte[]> interned = new HashMap<>();
		for (ShopModules.Module module : ShopModules.below(shop)) {
			if (module.groupId() == null || module.version() == null) {
				return Optional.empty();
			}
			Path installed = repository.resolve(module.repositoryFolder());
			if (!Files.isRegularFile(installed.resolve(module.artifactFile()), LinkOption.NOFOLLOW_LINKS)) {
				return Optional.empty();
			}
			modules.put(module.dir(), new ModuleOutput(module,
					readFiles(module.in(shop).resolve("target"), interned),
					readFiles(installed, interned)));
		}
		return Optional.of(new SharedBase(modules, tree));
	}

	/**
	 * The modules of a submission that can be taken from this base: none if its root POM or Maven configuration
	 * differ from the base's, or it changed a file outside the modules that a module of the base names by a relative
	 * path ({@code ../deploy/...}: a build or a test may read it); else every module but those with a changed file
	 * and those that depend, directly or not, on one of them. Files outside the modules that no module names (a
	 * brief, its charts, a decision record) change nothing a module's build does.
	 * @param tree the submission's files
	 * @param modules the submission's modules, as its POMs declare them
	 */
	Set<String> reusable(SourceTree tree, List<ShopModules.Module> modules) {
		Set<String> changed = changedPaths(this.tree, tree);
		if (changed.contains("pom.xml") || changed.stream().anyMatch((path) -> path.startsWith(".mvn/"))) {
			return Set.of();
		}
		List<ShopModules.Module> below = modules.stream().filter((module) -> !module.dir().equals(".")).toList();
		if (below.size() != this.modules.size() || below.stream().anyMatch((module) -> !sameModule(module))) {
			return Set.of();
		}
		// the changed files of each module that has any
		Map<String, List<String>> rebuilt = new LinkedHashMap<>();
		for (String path : changed) {
			String owner = ShopModules.owner(below, path).orElse(null);
			if (owner == null) {
				if (this.readByModules.contains(path.split("/", 2)[0])) {
					return Set.of();
				}
			}
			else {
				rebuilt.computeIfAbsent(owner, (key) -> new ArrayList<>()).add(path.substring(owner.length() + 1));
			}
		}
		// a module built against a changed one is not the base's either: its classes and tests would see the change
		boolean grew = true;
		while (grew) {
			grew = false;
			for (ShopModules.Module module : below) {
				if (!rebuilt.containsKey(module.dir()) && builtOnAny(tree, module, below, rebuilt)) {
					// rebuilt for what it uses, not for a file of its own: whatever it makes may differ
					rebuilt.put(module.dir(), null);
					grew = true;
				}
			}
		}
		Set<String> reusable = new TreeSet<>(this.modules.keySet());
		reusable.removeAll(rebuilt.keySet());
		return reusable;
	}

	/**
	 * Whether a submission could share a base built from {@code baseline}: it changed no POM and nothing of Maven's
	 * configuration, so the dependencies resolved for it are the base's too.
	 */
	static boolean couldShare(SourceTree baseline, SourceTree tree) {
		return changedPaths(baseline, tree).stream()
			.noneMatch((path) -> path.equals("pom.xml") || path.endsWith("/pom.xml") || path.startsWith(".mvn/"));
	}

	/** Writes the sources of a tree into an empty folder, Maven's configuration ({@code .mvn/}) left out. */
	static void writeSources(SourceTree tree, Path folder) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String path : tree.paths()) {
			if (!path.startsWith(".mvn/")) {
				files.put(path, tree.read(path).orElseThrow());
			}
		}
		writeFiles(folder, files);
	}

	/** Installs these modules' artifacts into a local repository, replacing whatever is in their folders. */
	void install(Set<String> shared, Path repository) {
		for (String dir : shared) {
			ModuleOutput output = this.modules.get(dir);
			Path folder = repository.resolve(output.module().repositoryFolder());
			Folders.deleteQuietly(folder);
			writeFiles(folder, output.installed());
		}
	}

	/**
	 * Puts these modules' {@code target/} back as the base's build left it, whatever the candidate's run wrote there.
	 * @param candidate the candidate's folder in the workspace
	 * @param workspace the workspace, which every written file must lie in
	 * @param ownTests whether the own tests' reports are put back too (else the module has none, as in a run
	 *        without tests)
	 * @return the modules whose folder no longer lies inside the workspace (a link put in its place), not restored
	 */
	List<String> restore(Set<String> shared, Path candidate, Path workspace, boolean ownTests) {
		List<String> outside = new ArrayList<>();
		for (String dir : shared) {
			Path module = candidate.resolve(dir).normalize();
			if (!inside(module, workspace)) {
				outside.add(dir);
				continue;
			}
			Path target = module.resolve("target");
			Folders.deleteQuietly(target);
			Map<String, byte[]> files = new LinkedHashMap<>(this.modules.get(dir).target());
			if (!ownTests) {
				files.keySet().removeIf((path) -> SurefireReports.DIRECTORIES.stream()
					.anyMatch((reports) -> ("target/" + path).startsWith(reports + "/")));
			}
			writeFiles(target, files);
		}
		return outside;
	}

	private static Set<String> readByModules(SourceTree tree, Set<String> moduleDirs) {
		Set<String> named = new TreeSet<>();
		for (String path : tree.paths()) {
			if (moduleDirs.stream().anyMatch((dir) -> path.startsWith(dir + "/"))) {
				Matcher matcher = OUT_OF_MODULE.matcher(new String(tree.read(path).orElseThrow(), StandardCharsets.UTF_8));
				while (matcher.find()) {
					named.add(matcher.group(1));
				}
			}
		}
		return named;
	}

	private boolean sameModule(ShopModules.Module module) {
		ModuleOutput base = this.modules.get(module.dir());
		return base != null && base.module().coordinates().equals(module.coordinates())
				&& base.module().packaging().equals(module.packaging());
	}

	/**
	 * Whether a module is built on one of the rebuilt ones: its POM names one as an artifact (a dependency, a
	 * plugin's, a managed one). A dependency on a classified artifact only ({@code checkout-service:schema}, the
	 * changelog) counts only if a changed file of that module may be in the classified jar: see {@link #mayBeIn}.
	 * @param rebuilt the changed files of each rebuilt module, by folder ({@code null}: rebuilt for a dependency)
	 */
	private static boolean builtOnAny(SourceTree tree, ShopModules.Module module, List<ShopModules.Module> modules,
			Map<String, List<String>> rebuilt) {
		byte[] pomBytes = tree.read(module.dir() + "/pom.xml").orElse(new byte[0]);
		String pom = new String(pomBytes, StandardCharsets.UTF_8);
		Element project = Xml.parse(pomBytes).map(Document::getDocumentElement).orElse(null);
		for (ShopModules.Module other : modules) {
			if (!rebuilt.containsKey(other.dir()) || other.dir().equals(module.dir())
					|| !pom.contains("<artifactId>" + other.artifactId() + "</artifactId>")) {
				continue;
			}
			List<String> classifiers = classifiedOnly(project, other.artifactId());
			List<String> changedFiles = rebuilt.get(other.dir());
			if (classifiers.isEmpty() || changedFiles == null) {
				return true;
			}
			for (String classifier : classifiers) {
				if (changedFiles.stream().anyMatch((file) -> mayBeIn(tree, file, other, classifier))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The classifiers under which a POM's dependencies name an artifact, if every mention of it is such a
	 * dependency; else (a plain dependency, a plugin's, an unreadable POM) none.
	 */
	private static List<String> classifiedOnly(Element project, String artifactId) {
		if (project == null) {
			return List.of();
		}
		List<String> classifiers = new ArrayList<>();
		int mentions = 0;
		NodeList ids = project.getElementsByTagName("artifactId");
		for (int i = 0; i < ids.getLength(); i++) {
			if (!ids.item(i).getTextContent().strip().equals(artifactId) || ids.item(i).getParentNode() == project) {
				continue;
			}
			mentions++;
			Node parent = ids.item(i).getParentNode();
			Element dependency = (parent instanceof Element element && element.getTagName().equals("dependency")
					&& element.getParentNode() instanceof Element list && list.getTagName().equals("dependencies")
					&& list.getParentNode() == project) ? element : null;
			String classifier = (dependency != null) ? Xml.childText(dependency, "classifier") : null;
			String type = (dependency != null) ? Xml.childText(dependency, "type") : null;
			if (classifier == null || classifier.isBlank() || (type != null && !type.strip().equals("jar"))) {
				return List.of();
			}
			classifiers.add(classifier.strip());
		}
		return (mentions == 0) ? List.of() : classifiers;
	}

	/**
	 * Whether a changed file of a module may be in its classified jar: any file but its sources and resources (a
	 * POM, a build script) may be; one of those is when the path it has in {@code target/classes} matches an
	 * {@code <include>} of the jar's execution in the module's POM ({@code db/**} for the changelog). No includes
	 * found there (the jar takes everything, or it is configured elsewhere): it may. Tests never are.
	 */
	private static boolean mayBeIn(SourceTree tree, String file, ShopModules.Module module, String classifier) {
		if (file.startsWith("src/test/")) {
			return false;
		}
		String relative = null;
		for (String root : List.of("src/main/java/", "src/main/resources/")) {
			if (file.startsWith(root)) {
				relative = file.substring(root.length());
			}
		}
		if (relative == null) {
			return true;
		}
		List<String> includes = includes(tree, module, classifier);
		if (includes.isEmpty()) {
			return true;
		}
		Path output = Path.of(relative.endsWith(".java") ? relative.replaceFirst("\\.java$", ".class") : relative);
		for (String include : includes) {
			List<String> patterns = include.startsWith("**/") ? List.of(include, include.substring(3)) : List.of(include);
			for (String pattern : patterns) {
				if (FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(output)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The {@code <include>}s of the module's executions that make the jar with this classifier. */
	private static List<String> includes(SourceTree tree, ShopModules.Module module, String classifier) {
		Element project = tree.read(module.dir() + "/pom.xml").flatMap(Xml::parse).map(Document::getDocumentElement)
			.orElse(null);
		List<String> includes = new ArrayList<>();
		if (project == null) {
			return includes;
		}
		NodeList configurations = project.getElementsByTagName("configuration");
		for (int i = 0; i < configurations.getLength(); i++) {
			Element configuration = (Element) configurations.item(i);
			if (classifier.equals(Xml.childText(configuration, "classifier"))) {
				for (Element include : Xml.children(Xml.child(configuration, "includes"), "include")) {
					includes.add(include.getTextContent().strip());
				}
			}
		}
		return includes;
	}


	/** The paths whose content differs between two trees, or which only one of them has. */
	static Set<String> changedPaths(SourceTree from, SourceTree to) {
		Set<String> changed = new TreeSet<>();
		Set<String> toPaths = new LinkedHashSet<>(to.paths());
		for (String path : from.paths()) {
			Optional<byte[]> after = toPaths.contains(path) ? to.read(path) : Optional.empty();
			if (after.isEmpty() || !Arrays.equals(from.read(path).orElseThrow(), after.get())) {
				changed.add(path);
			}
		}
		Set<String> fromPaths = new LinkedHashSet<>(from.paths());
		toPaths.stream().filter((path) -> !fromPaths.contains(path)).forEach(changed::add);
		return changed;
	}

	private static boolean inside(Path path, Path workspace) {
		try {
			Path real = workspace.toRealPath();
			for (Path step = path; step != null && step.startsWith(workspace); step = step.getParent()) {
				if (Files.isSymbolicLink(step)) {
					return false;
				}
			}
			return !Files.exists(path, LinkOption.NOFOLLOW_LINKS) || path.toRealPath().startsWith(real);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Every regular file under a folder, by path relative to it; equal contents share one array. */
	private static Map<String, byte[]> readFiles(Path folder, Map<String, byte[]> interned) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			return files;
		}
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					if (attrs.isRegularFile()) {
						byte[] content = Files.readAllBytes(file);
						files.put(folder.relativize(file).toString(), interned.computeIfAbsent(digest(content),
								(key) -> content));
					}
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/**
	 * Writes files under a folder, never through a link: a file whose folder is not really inside {@code folder} is
	 * not written, nor one that is a link itself.
	 */
	private static void writeFiles(Path folder, Map<String, byte[]> files) {
		try {
			Files.createDirectories(folder);
			Path real = folder.toRealPath();
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				Path path = folder.resolve(file.getKey()).normalize();
				if (!path.startsWith(folder)) {
					continue;
				}
				Files.createDirectories(path.getParent());
				if (path.getParent().toRealPath().startsWith(real)) {
					Files.write(path, file.getValue(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
							StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String digest(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where the base of an incident is kept for the sessions that share it: built by the first grading that can use
	 * it. While it is built no candidate's code runs in any of those sessions (they wait), and it is not built while
	 * one does: the candidate's code runs as the kit's user and could write into the folder it is built in. The
	 * sessions' other builds whose output later gradings trust (the suites' helper modules) run the same way.
	 */
	public static final class Slot {

		private enum State { EMPTY, BUILDING, READY, FAILED }

		/** Candidates' runs share it; the base's build takes it alone. Fair: a waiting build goes first. */
		private final ReentrantReadWriteLock runs = new ReentrantReadWriteLock(true);

		private State state = State.EMPTY;

		private SharedBase base;

		/** The base if built, else empty. */
		synchronized Optional<SharedBase> ready() {
			return Optional.ofNullable(this.base);
		}

		/** Whether the caller builds the base: true for the first caller only. */
		synchronized boolean claim() {
			if (this.state != State.EMPTY) {
				return false;
			}
			this.state = State.BUILDING;
			return true;
		}

		/** The claimed build, while no candidate's code runs: the base, or empty if it failed (not built again). */
		Optional<SharedBase> build(Supplier<Optional<SharedBase>> build) {
			return alone(() -> {
				Optional<SharedBase> built = Optional.empty();
				try {
					built = build.get();
				}
				finally {
					offer(built);
				}
				return built;
			});
		}

		/**
		 * Runs something of the kit's that no candidate's code may touch (a build whose output later gradings trust)
		 * after the candidates' runs under way, and while none starts.
		 */
		<T> T alone(Supplier<T> run) {
			this.runs.writeLock().lock();
			try {
				return run.get();
			}
			finally {
				this.runs.writeLock().unlock();
			}
		}

		synchronized void offer(Optional<SharedBase> built) {
			this.base = built.orElse(null);
			this.state = built.isPresent() ? State.READY : State.FAILED;
		}

		/** Runs something (a candidate's code) after the base's build, if one is under way, and never during one. */
		<T> T whileNoBaseIsBuilt(Supplier<T> run) {
			this.runs.readLock().lock();
			try {
				return run.get();
			}
			finally {
				this.runs.readLock().unlock();
			}
		}

	}

}
