package io.firedrill.kit.grade.verdict;

import static io.firedrill.kit.Xml.child;
import static io.firedrill.kit.Xml.children;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.firedrill.kit.Xml;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * What a POM says about how tests run and what runs inside Maven: the settings that skip, exclude or ignore tests,
 * build extensions and build plugins. Each is a "fact", a line of text, so two versions of a POM compare as sets.
 */
final class PomFacts {

	/** Plugin configuration elements that decide whether and which tests run, and whether failures count. */
	static final Set<String> TEST_SETTINGS = Set.of("skip", "skipTests", "skipITs", "skipExec", "testFailureIgnore",
			"excludes", "includes", "test", "groups", "excludedGroups", "excludesFile", "includesFile",
			"skipAfterFailureCount", "failIfNoTests", "failIfNoSpecifiedTests");

	/** Properties that do the same for every plugin that reads them. */
	static final Set<String> TEST_PROPERTIES = Set.of("skipTests", "maven.test.skip", "skipITs",
			"maven.test.failure.ignore", "test", "it.test", "groups", "excludedGroups", "surefire.excludesFile",
			"surefire.includesFile", "surefire.skipAfterFailureCount", "failsafe.skipAfterFailureCount");

	/** The kind of a fact, which decides how much a new one matters. */
	public enum Kind {

		/** A setting that skips, selects or ignores tests. */
		TEST_SETTING,
		/** A build extension: code that runs inside Maven itself. */
		EXTENSION,
		/** A build plugin. */
		PLUGIN

	}

	/** One fact: its kind and its text ({@code plugin maven-surefire-plugin: skipTests=true}). */
	public record Fact(Kind kind, String text) {
	}

	private PomFacts() {
	}

	/**
	 * The facts of a POM.
	 * @throws IllegalArgumentException if it is not well-formed XML
	 */
	public static Set<Fact> of(byte[] pom) {
		Element project;
		try {
			project = Xml.parser().parse(new ByteArrayInputStream(pom)).getDocumentElement();
		}
		catch (SAXException | IOException ex) {
			throw new IllegalArgumentException("not well-formed XML: " + ex.getMessage(), ex);
		}
		Set<Fact> facts = new LinkedHashSet<>();
		properties(child(project, "properties"), "", facts);
		build(child(project, "build"), "", facts);
		Element profiles = child(project, "profiles");
		for (Element profile : children(profiles, "profile")) {
			String where = "profile " + text(child(profile, "id")) + ": ";
			properties(child(profile, "properties"), where, facts);
			build(child(profile, "build"), where, facts);
		}
		return facts;
	}

	private static void build(Element build, String where, Set<Fact> facts) {
		if (build == null) {
			return;
		}
		for (Element extension : children(child(build, "extensions"), "extension")) {
			facts.add(new Fact(Kind.EXTENSION, where + "build extension " + coordinates(extension)));
		}
		plugins(child(build, "plugins"), where, false, facts);
		plugins(child(child(build, "pluginManagement"), "plugins"), where, true, facts);
	}

	private static void plugins(Element plugins, String where, boolean managed, Set<Fact> facts) {
		for (Element plugin : children(plugins, "plugin")) {
			String name = coordinates(plugin);
			String prefix = where + (managed ? "managed plugin " : "plugin ") + name;
			if (!managed) {
				facts.add(new Fact(Kind.PLUGIN, prefix));
			}
			if ("true".equals(text(child(plugin, "extensions")))) {
				facts.add(new Fact(Kind.EXTENSION, prefix + " with extensions=true"));
			}
			settings(child(plugin, "configuration"), prefix, facts);
			for (Element execution : children(child(plugin, "executions"), "execution")) {
				String id = text(child(execution, "id"));
				settings(child(execution, "configuration"), prefix + " execution " + (id.isEmpty() ? "default" : id),
						facts);
			}
		}
	}

	private static void settings(Element configuration, String prefix, Set<Fact> facts) {
		for (Element setting : children(configuration, null)) {
			if (TEST_SETTINGS.contains(setting.getTagName())) {
				facts.add(new Fact(Kind.TEST_SETTING, prefix + ": " + setting.getTagName() + "=" + flatten(setting)));
			}
		}
	}

	private static void properties(Element properties, String where, Set<Fact> facts) {
		for (Element property : children(properties, null)) {
			String name = property.getTagName();
			if (TEST_PROPERTIES.contains(name) || name.startsWith("surefire.") || name.startsWith("failsafe.")) {
				facts.add(new Fact(Kind.TEST_SETTING, where + "property " + name + "=" + flatten(property)));
			}
		}
	}

	private static String coordinates(Element plugin) {
		String groupId = text(child(plugin, "groupId"));
		String artifactId = text(child(plugin, "artifactId"));
		return (groupId.isEmpty() ? "org.apache.maven.plugins" : groupId) + ":" + artifactId;
	}

	/** An element's text, or its children as {@code [a, b]}, whitespace collapsed. */
	private static String flatten(Element element) {
		List<Element> children = children(element, null);
		if (children.isEmpty()) {
			return text(element);
		}
		List<String> values = new ArrayList<>();
		for (Element child : children) {
			values.add(flatten(child));
		}
		return values.toString();
	}

	private static String text(Element element) {
		return (element != null) ? element.getTextContent().strip().replaceAll("\\s+", " ") : "";
	}

}
