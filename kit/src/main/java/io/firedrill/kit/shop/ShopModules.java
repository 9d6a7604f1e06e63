package io.firedrill.kit.shop;

import static io.firedrill.kit.Xml.child;
import static io.firedrill.kit.Xml.children;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.firedrill.kit.Xml;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The modules of a shop as its POMs declare them: the root and its {@code <modules>}, recursively (profiles are
 * not followed, as Maven does without {@code -P}). Grading reads them to know which module is which in Maven's
 * output and whether the modules a suite needs are part of the build at all; the guardrails, rollback-check and
 * the replay to find the jobs, the SDK and the built classes. Nothing here lists the shop's modules by name: a new
 * module or job is found, not registered.
 */
public final class ShopModules {

	/**
	 * One module.
	 * @param dir its folder relative to the candidate's root, {@code .} for the root
	 * @param name its {@code <name>}, or {@code null}
	 */
	public record Module(String dir, String groupId, String artifactId, String version, String packaging,
			String name) {

		/** {@code groupId:artifactId:version}. */
		public String coordinates() {
			return this.groupId + ":" + this.artifactId + ":" + this.version;
		}

		/** Its installed folder in a local Maven repository, {@code group/artifact/version}. */
		public String repositoryFolder() {
			return this.groupId.replace('.', '/') + "/" + this.artifactId + "/" + this.version;
		}

		/** The file its build installs in that folder: its POM for a {@code pom} module, else its jar. */
		public String artifactFile() {
			return this.artifactId + "-" + this.version + (this.packaging.equals("pom") ? ".pom" : ".jar");
		}

		/** Whether a suite's {@code needs} entry names this module (by folder or artifactId). */
		public boolean isNamed(String needed) {
			return this.dir.equals(needed) || this.artifactId.equals(needed);
		}

		/** Its folder in the shop at {@code shop}. */
		public Path in(Path shop) {
			return shop.resolve(this.dir).normalize();
		}

		/** Its compiled production classes in the shop at {@code shop}, once built. */
		public Path classes(Path shop) {
			return in(shop).resolve("target/classes");
		}

		/**
		 * Whether it is one of the shop's jobs: its hosts start it with {@value #RUN_ONCE} to run one pass and exit
		 * (what {@code deploy/run.sh <job> --run-once} relies on), which its production code must handle.
		 */
		public boolean isJob(Path shop) {
			return mainSourcesMention(shop, "\"run-once\"") || mainSourcesMention(shop, RUN_ONCE);
		}

		/** Whether its production code mentions {@code text} (in any file under {@code src/main/java}). */
		public boolean mainSourcesMention(Path shop, String text) {
			Path sources = in(shop).resolve("src/main/java");
			if (!Files.isDirectory(sources)) {
				return false;
			}
			try (Stream<Path> files = Files.walk(sources)) {
				return files.filter(Files::isRegularFile).anyMatch((file) -> {
					try {
						return Files.readString(file).contains(text);
					}
					catch (IOException | RuntimeException ex) {
						return false;
					}
				});
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

	/** The argument a job is started with to run one pass and exit. */
	public static final String RUN_ONCE = "--run-once";

	private ShopModules() {
	}

	/** The modules under {@code root}, root first; unreadable or missing POMs are left out. */
	public static List<Module> read(Path root) {
		List<Module> modules = new ArrayList<>();
		visit(root, root, null, modules, new HashSet<>());
		return modules;
	}

	/** The modules below the root, in the order its POMs list them. */
	public static List<Module> below(Path root) {
		return read(root).stream().filter((module) -> !module.dir().equals(".")).toList();
	}

	/** The shop's jobs, in the order its POMs list them. */
	public static List<Module> jobs(Path root) {
		return below(root).stream().filter((module) -> module.isJob(root)).toList();
	}

	/**
	 * The module a file lies in, by its path relative to the root: the longest module folder of {@code modules} that
	 * holds it, else the root ({@code .}) when it is one of them, else empty.
	 */
	public static Optional<String> owner(List<Module> modules, String path) {
		String best = null;
		for (Module module : modules) {
			boolean root = module.dir().equals(".");
			if ((root || path.startsWith(module.dir() + "/"))
					&& (best == null || !root && (best.equals(".") || module.dir().length() > best.length()))) {
				best = module.dir();
			}
		}
		return Optional.ofNullable(best);
	}

	/** Names the root pom lists whose folder has no pom.xml. */
	public static List<String> missing(Path root) {
		List<String> missing = new ArrayList<>();
		Element modules = readPom(root.resolve("pom.xml")).map((project) -> child(project, "modules")).orElse(null);
		for (Element module : children(modules, "module")) {
			String name = text(module);
			if (!Files.isRegularFile(root.resolve(name).resolve("pom.xml"))) {
				missing.add(name);
			}
		}
		return missing;
	}

	/**
	 * A POM's {@code <project>} element (or whatever its root is), read without DTDs or external entities; empty
	 * when the file is missing or is not XML.
	 */
	public static Optional<Element> readPom(Path pom) {
		if (!Files.isRegularFile(pom)) {
			return Optional.empty();
		}
		try (InputStream in = Files.newInputStream(pom)) {
			return Optional.of(Xml.parser().parse(in).getDocumentElement());
		}
		catch (IOException | SAXException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The folders a root pom's {@code <modules>} lists (not its profiles'), as written; none when it is not XML. For
	 * a pom read from a commit rather than a folder.
	 */
	public static List<String> listed(byte[] pom) {
		Element modules = Xml.parse(pom).map((document) -> child(document.getDocumentElement(), "modules")).orElse(null);
		return children(modules, "module").stream().map(ShopModules::text).filter((name) -> !name.isEmpty()).toList();
	}

	private static void visit(Path root, Path dir, Module parent, List<Module> modules, Set<Path> seen) {
		Path normalized = dir.toAbsolutePath().normalize();
		if (!normalized.startsWith(root.toAbsolutePath().normalize()) || !seen.add(normalized) || seen.size() > 200) {
			return;
		}
		Element project = readPom(normalized.resolve("pom.xml")).orElse(null);
		if (project == null) {
			return;
		}
		Element parentElement = child(project, "parent");
		String groupId = text(child(project, "groupId"));
		String version = text(child(project, "version"));
		if (groupId.isEmpty()) {
			groupId = (parentElement != null) ? text(child(parentElement, "groupId"))
					: (parent != null) ? parent.groupId() : "";
		}
		if (version.isEmpty()) {
			version = (parentElement != null) ? text(child(parentElement, "version"))
					: (parent != null) ? parent.version() : "";
		}
		String packaging = text(child(project, "packaging"));
		String name = text(child(project, "name"));
		String relative = root.toAbsolutePath().normalize().relativize(normalized).toString().replace('\\', '/');
		Module module = new Module(relative.isEmpty() ? "." : relative, groupId, text(child(project, "artifactId")),
				version, packaging.isEmpty() ? "jar" : packaging, name.isEmpty() ? null : name);
		modules.add(module);
		for (Element element : children(child(project, "modules"), "module")) {
			String path = text(element);
			if (!path.isEmpty()) {
				Path next = normalized.resolve(path);
				visit(root, next.getFileName().toString().endsWith(".xml") ? next.getParent() : next, module, modules,
						seen);
			}
		}
	}

	private static String text(Element element) {
		return (element != null) ? element.getTextContent().strip() : "";
	}

}
