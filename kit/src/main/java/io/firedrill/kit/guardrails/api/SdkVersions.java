package io.firedrill.kit.guardrails.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.firedrill.kit.Xml;
import io.firedrill.kit.shop.HostRuntime;
import io.firedrill.kit.shop.ShopBuild;
import io.firedrill.kit.shop.ShopModules;
import org.w3c.dom.Element;

/**
 * Which version of a host-provided library each module compiles against (its effective POM, as Maven computes it:
 * the root's managed {@code payment-sdk.version}, a module's own {@code <version>}, properties, profiles), and which
 * version the hosts carry ({@code deploy/runtime.properties}).
 */
final class SdkVersions {

	static final String RUNTIME_PROPERTIES = HostRuntime.FILE;

	/** By full coordinates: a prefix ({@code help:}) needs plugin metadata an offline repository may not have. */
	static final String EFFECTIVE_POM = "org.apache.maven.plugins:maven-help-plugin:3.5.1:effective-pom";

	private SdkVersions() {
	}

	/** A library the hosts install: {@code payment-sdk.version=4.0.0} names artifact {@code payment-sdk}. */
	record HostLibrary(String artifactId, String version) {
	}

	/** One module's dependency on it. */
	record Usage(String module, String groupId, String artifactId, String version, String scope) {
	}

	/** The libraries {@code deploy/runtime.properties} installs on every host. */
	static List<HostLibrary> runtime(Path shop) {
		return HostRuntime.read(shop).libraries().stream()
			.map((library) -> new HostLibrary(library.getKey(), library.getValue()))
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

	/**
	 * Each module's direct dependency on {@code artifactId}, from Maven's effective POMs
	 * ({@value #EFFECTIVE_POM} over the reactor).
	 * @throws IllegalStateException when Maven cannot compute them
	 */
	static List<Usage> compiledAgainst(Path shop, String artifactId, Path work) {
		Path output = work.resolve("effective-pom.xml");
		ShopBuild.Outcome outcome = ShopBuild.maven(shop,
				List.of("-B", "-q", EFFECTIVE_POM, "-Doutput=" + output), work.resolve("effective-pom.log"));
		if (!outcome.succeeded() || !Files.isRegularFile(output)) {
			throw new IllegalStateException("Maven cannot compute the effective POMs (" + outcome.command() + "): "
					+ outcome.firstError());
		}
		return parse(output, artifactId);
	}

	static List<Usage> parse(Path effectivePom, String artifactId) {
		Element root;
		try {
			root = Xml.parser().parse(effectivePom.toFile()).getDocumentElement();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the effective POMs: " + ex.getMessage(), ex);
		}
		List<Element> projects = root.getTagName().equals("projects") ? Xml.children(root, "project") : List.of(root);
		List<Usage> usages = new ArrayList<>();
		for (Element project : projects) {
			String module = Xml.childText(project, "artifactId");
			for (Element dependency : Xml.children(Xml.child(project, "dependencies"), "dependency")) {
				if (artifactId.equals(Xml.childText(dependency, "artifactId"))) {
					usages.add(new Usage(module, Xml.childText(dependency, "groupId"), artifactId,
							Xml.childText(dependency, "version"),
							Optional.ofNullable(Xml.childText(dependency, "scope")).orElse("compile")));
				}
			}
		}
		return usages;
	}

	/** Modules by artifactId to their directory. */
	static Map<String, ShopModules.Module> modulesByArtifact(Path shop) {
		Map<String, ShopModules.Module> modules = new LinkedHashMap<>();
		for (ShopModules.Module module : ShopModules.below(shop)) {
			modules.put(module.artifactId(), module);
		}
		return modules;
	}

}
