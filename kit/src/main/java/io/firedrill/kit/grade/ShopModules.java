package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The modules of the candidate's build as its POMs declare them: the root and its {@code <modules>}, recursively
 * (profiles are not followed, as Maven does without {@code -P}). Used to know which module is which in Maven's
 * output and whether the modules a suite needs are part of the build at all.
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

		/** Whether a suite's {@code needs} entry names this module (by folder or artifactId). */
		public boolean isNamed(String needed) {
			return this.dir.equals(needed) || this.artifactId.equals(needed);
		}

	}

	private ShopModules() {
	}

	/** The modules under {@code root}, root first; unreadable or missing POMs are left out. */
	public static List<Module> read(Path root) {
		List<Module> modules = new ArrayList<>();
		visit(root, root, null, modules, new HashSet<>());
		return modules;
	}

	private static void visit(Path root, Path dir, Module parent, List<Module> modules, Set<Path> seen) {
		Path normalized = dir.toAbsolutePath().normalize();
		if (!normalized.startsWith(root.toAbsolutePath().normalize()) || !seen.add(normalized) || seen.size() > 200) {
			return;
		}
		Path pom = normalized.resolve("pom.xml");
		if (!Files.isRegularFile(pom)) {
			return;
		}
		Element project;
		try (InputStream in = Files.newInputStream(pom)) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler());
			project = builder.parse(in).getDocumentElement();
		}
		catch (IOException | org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException ex) {
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
		Element list = child(project, "modules");
		if (list == null) {
			return;
		}
		for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals("module")) {
				String path = text(element);
				if (!path.isEmpty()) {
					Path next = normalized.resolve(path);
					visit(root, next.getFileName().toString().endsWith(".xml") ? next.getParent() : next, module,
							modules, seen);
				}
			}
		}
	}

	private static Element child(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	private static String text(Element element) {
		return (element != null) ? element.getTextContent().strip() : "";
	}

}
