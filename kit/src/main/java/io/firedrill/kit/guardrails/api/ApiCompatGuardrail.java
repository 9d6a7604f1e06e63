package io.firedrill.kit.guardrails.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.Guardrail;
import io.firedrill.kit.guardrails.GuardrailContext;
import io.firedrill.kit.guardrails.GuardrailResult;
import io.firedrill.kit.maven.LocalRepository;
import io.firedrill.kit.shop.ShopBuild;
import io.firedrill.kit.shop.ShopModules;

/**
 * {@code api-compat}: japicmp between the version of each host-provided library (the payment SDK) a module
 * compiles against and the version the hosts carry. A module whose compile version differs from the runtime's,
 * across a binary-incompatible change, is caught, with the call sites of the broken members in its bytecode.
 */
public final class ApiCompatGuardrail implements Guardrail {

	public static final String ID = "api-compat";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String description() {
		return "japicmp: the payment SDK each module compiles against vs the one the hosts carry";
	}

	@Override
	public boolean needsBuild() {
		return true;
	}

	@Override
	public GuardrailResult check(GuardrailContext context) {
		Path shop = context.shop().dir();
		List<String> notes = new ArrayList<>();
		List<SdkVersions.HostLibrary> libraries = SdkVersions.runtime(shop);
		if (libraries.isEmpty()) {
			return GuardrailResult.pass(ID, "no host-provided library (" + SdkVersions.RUNTIME_PROPERTIES
					+ " names none): nothing to compare", notes);
		}
		ShopBuild.Outcome build = context.build();
		if (!build.succeeded()) {
			notes.add("the shop does not build (" + build.firstError()
					+ "): jars come from the local Maven repository and call sites are not searched");
		}
		Map<String, ShopModules.Module> modules = SdkVersions.modulesByArtifact(shop);
		List<Finding> findings = new ArrayList<>();
		List<String> skewed = new ArrayList<>();
		for (SdkVersions.HostLibrary library : libraries) {
			List<SdkVersions.Usage> usages = SdkVersions.compiledAgainst(shop, library.artifactId(), context.work());
			notes.add("hosts carry " + library.artifactId() + " " + library.version() + " ("
					+ SdkVersions.RUNTIME_PROPERTIES + "); effective POMs: " + String.join(", ",
							usages.stream().map((u) -> u.module() + " " + u.version() + " (" + u.scope() + ")").toList()));
			Map<String, List<ApiDiff.Break>> diffs = new HashMap<>();
			for (SdkVersions.Usage usage : usages) {
				if (usage.version() == null || usage.version().equals(library.version())) {
					continue;
				}
				List<ApiDiff.Break> breaks = diffs.computeIfAbsent(usage.version(),
						(version) -> diff(shop, usage.groupId(), library.artifactId(), version, library.version(), notes));
				if (breaks == null || breaks.isEmpty()) {
					continue;
				}
				skewed.add(usage.module());
				findings.addAll(findingsFor(usage, library, breaks, classesOf(modules.get(usage.module()), shop)));
			}
		}
		String summary = skewed.isEmpty() ? "every module compiles against the library version the hosts carry, or a "
				+ "binary-compatible one"
				: skewed.size() + " module(s) compile against a version binary incompatible with the one the hosts carry: "
						+ String.join(", ", skewed);
		return GuardrailResult.of(ID, findings, summary, summary, notes);
	}

	/** The binary-incompatible changes from the compiled-against version to the runtime's, or null when unknown. */
	private static List<ApiDiff.Break> diff(Path shop, String groupId, String artifactId, String from, String to,
			List<String> notes) {
		Optional<Path> oldJar = jar(shop, groupId, artifactId, from);
		Optional<Path> newJar = jar(shop, groupId, artifactId, to);
		if (oldJar.isEmpty() || newJar.isEmpty()) {
			notes.add("cannot compare " + artifactId + " " + from + " with " + to + ": no jar for "
					+ (oldJar.isEmpty() ? from : to) + " in the shop's build or the local Maven repository");
			return null;
		}
		int[] sourceOnly = new int[1];
		List<ApiDiff.Break> breaks = ApiDiff.binaryIncompatible(oldJar.get(), from, newJar.get(), to, sourceOnly);
		notes.add("japicmp " + artifactId + " " + from + " -> " + to + ": " + breaks.size()
				+ " binary-incompatible change(s)" + (breaks.isEmpty() ? "" : " ("
						+ String.join(", ", breaks.stream().map((b) -> b.shortName() + " " + b.change()).toList()) + ")")
				+ ", " + sourceOnly[0] + " source-only; jars " + shown(shop, oldJar.get()) + " and " + shown(shop, newJar.get()));
		return breaks;
	}

	/** A module's compiled classes, where its call sites are searched; {@code null} for no module. */
	private static Path classesOf(ShopModules.Module module, Path shop) {
		return (module != null) ? module.classes(shop) : null;
	}

	private static List<Finding> findingsFor(SdkVersions.Usage usage, SdkVersions.HostLibrary library,
			List<ApiDiff.Break> breaks, Path classes) {
		String where = usage.module() + " (compiles against " + library.artifactId() + " " + usage.version()
				+ ", the hosts carry " + library.version() + ")";
		String why = "its bytecode links against " + usage.version() + " while the hosts load " + library.version()
				+ ": a call to a changed member fails at run time (NoSuchMethodError and friends), although its build and "
				+ "tests pass against " + usage.version();
		String fix = "compile every module against the version the hosts carry (one managed version, call sites moved "
				+ "to its API), and gate the library with japicmp (breakBuildOnBinaryIncompatibleModifications)";
		Map<ApiDiff.Break, List<String>> used = new LinkedHashMap<>();
		for (ApiDiff.Break change : breaks) {
			List<String> sites = (classes != null) ? CallSites.of(classes, change) : List.of();
			if (!sites.isEmpty()) {
				used.put(change, sites);
			}
		}
		List<Finding> findings = new ArrayList<>();
		for (Map.Entry<ApiDiff.Break, List<String>> entry : used.entrySet()) {
			ApiDiff.Break change = entry.getKey();
			findings.add(new Finding(change.change(), where, change.longName() + " is " + change.change()
					+ ", binary incompatible; called from " + String.join(", ", entry.getValue()), why, fix));
		}
		if (findings.isEmpty()) {
			boolean searched = classes != null && Files.isDirectory(classes);
			findings.add(new Finding(breaks.get(0).change(), where, breaks.size() + " binary-incompatible change(s) ("
					+ String.join(", ", breaks.stream().map((b) -> b.shortName() + " " + b.change()).toList()) + ")"
					+ (searched ? "; none is called from its classes, but it runs on a library it was not built for"
							: "; its classes were not searched (not built)"),
					why, fix));
		}
		return findings;
	}

	private static String shown(Path shop, Path jar) {
		return jar.startsWith(shop) ? shop.relativize(jar).toString() : jar.toString();
	}

	/** The library's jar: from the shop's own build, else from the local Maven repository. */
	static Optional<Path> jar(Path shop, String groupId, String artifactId, String version) {
		String name = artifactId + "-" + version + ".jar";
		for (ShopModules.Module module : ShopModules.below(shop)) {
			Path built = module.in(shop).resolve("target").resolve(name);
			if (artifactId.equals(module.artifactId()) && version.equals(module.version()) && Files.isRegularFile(built)) {
				return Optional.of(built);
			}
		}
		if (groupId == null) {
			return Optional.empty();
		}
		Path cached = LocalRepository.artifact(LocalRepository.locate(), groupId, artifactId, version);
		return Files.isRegularFile(cached) ? Optional.of(cached) : Optional.empty();
	}

}
