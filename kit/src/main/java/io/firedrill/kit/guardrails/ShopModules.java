package io.firedrill.kit.guardrails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The modules of a shop checkout, from its root pom's {@code <modules>}. */
public final class ShopModules {

	/**
	 * One module.
	 * @param name its directory, as the root pom lists it
	 * @param dir where it is
	 * @param groupId its groupId (the parent's when it declares none)
	 * @param artifactId its artifactId
	 * @param version its version (the parent's when it declares none)
	 */
	public record Module(String name, Path dir, String groupId, String artifactId, String version) {

		/** Its compiled production classes, once built. */
		public Path classes() {
			return this.dir.resolve("target/classes");
		}

		/** Whether its production code mentions {@code text} (in any file under {@code src/main/java}). */
		public boolean mainSourcesMention(String text) {
			Path sources = this.dir.resolve("src/main/java");
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

	private ShopModules() {
	}

	/** The modules the root pom lists that exist on disk, in its order. */
	public static List<Module> of(Path shop) {
		List<Module> modules = new ArrayList<>();
		Element root = read(shop.resolve("pom.xml")).orElse(null);
		if (root == null) {
			return modules;
		}
		Element list = child(root, "modules");
		if (list == null) {
			return modules;
		}
		for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals("module")) {
				String name = element.getTextContent().strip();
				Path dir = shop.resolve(name);
				read(dir.resolve("pom.xml")).ifPresent((pom) -> modules.add(module(name, dir, pom)));
			}
		}
		return modules;
	}

	/** Names the root pom lists whose directory is missing. */
	public static List<String> missing(Path shop) {
		List<String> missing = new ArrayList<>();
		Element root = read(shop.resolve("pom.xml")).orElse(null);
		Element list = (root != null) ? child(root, "modules") : null;
		if (list == null) {
			return missing;
		}
		for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals("module")) {
				String name = element.getTextContent().strip();
				if (!Files.isRegularFile(shop.resolve(name).resolve("pom.xml"))) {
					missing.add(name);
				}
			}
		}
		return missing;
	}

	private static Module module(String name, Path dir, Element pom) {
		Element parent = child(pom, "parent");
		String groupId = text(pom, "groupId");
		String version = text(pom, "version");
		if (parent != null) {
			groupId = (groupId != null) ? groupId : text(parent, "groupId");
			version = (version != null) ? version : text(parent, "version");
		}
		return new Module(name, dir, groupId, text(pom, "artifactId"), version);
	}

	static Optional<Element> read(Path pom) {
		if (!Files.isRegularFile(pom)) {
			return Optional.empty();
		}
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Document document = factory.newDocumentBuilder().parse(pom.toFile());
			return Optional.of(document.getDocumentElement());
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** The first direct child element with that name. */
	public static Element child(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	/** All direct child elements with that name. */
	public static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		if (parent == null) {
			return children;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				children.add(element);
			}
		}
		return children;
	}

	/** The text of a direct child element, or {@code null}. */
	public static String text(Element parent, String name) {
		Element child = child(parent, name);
		return (child != null) ? child.getTextContent().strip() : null;
	}

}
