package io.firedrill.kit.grade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.run.BuildLog;
import io.firedrill.kit.grade.run.MavenRun;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.verdict.Verdicts;
import io.firedrill.kit.shop.ShopModules;

/**
 * What the grading runs say about the candidate's build, read from Maven's output and the folders it left: each
 * module's status, the errors the scorecard shows, and why a criterion's suite gave no verdict. Paths in messages are
 * made relative to the workspace, so a scorecard never shows a temporary folder.
 */
final class CandidateBuild {

	/** Candidate modules' compiler errors shown on the scorecard. */
	static final int ERRORS_SHOWN = 10;

	private final List<ShopModules.Module> modules;

	private final BuildLog log;

	private final MavenRun.Result run;

	private final Path candidate;

	private final Path root;

	private final boolean unreadable;

	private final Map<String, String> moduleStatus;

	private final Scorecard.Build build;

	/**
	 * @param modules the candidate's modules
	 * @param log every run's output: the candidate's build, then each hidden suite's
	 * @param run the runs together
	 * @param candidate the candidate's folder in the workspace
	 * @param root the workspace
	 */
	CandidateBuild(List<ShopModules.Module> modules, BuildLog log, MavenRun.Result run, Path candidate, Path root) {
		this.modules = modules;
		this.log = log;
		this.run = run;
		this.candidate = candidate;
		this.root = root;
		this.unreadable = log.couldNotReadProjects();
		this.moduleStatus = readModuleStatus();
		this.build = summary();
	}

	/** Maven could not read the candidate's POMs: nothing was built or run. */
	boolean unreadable() {
		return this.unreadable;
	}

	/** Built, failed, skipped or not-run, by module folder. */
	Map<String, String> moduleStatus() {
		return this.moduleStatus;
	}

	Scorecard.Build build() {
		return this.build;
	}

	/** A message with the workspace's paths made relative. */
	String relative(String message) {
		return relative(message, this.candidate, this.root);
	}

	static String relative(String message, Path candidate, Path root) {
		return message.replace(candidate + "/", "").replace(root + "/", "");
	}

	/**
	 * The verdict of a criterion whose suite was planned to run: from its reports when it has any, else why it has
	 * none (the build unreadable, the run out of time, a module it needs not built, the suite not compiling against
	 * the candidate's code, the suite's run failing).
	 * @param suiteDir the suite's module folder in the workspace
	 * @param suiteArtifactId the suite's artifact id, as Maven names it in a failed goal
	 */
	Verdicts.Outcome verdict(Criterion criterion, SurefireReports.Read reports, Path suiteDir, String suiteArtifactId) {
		if (this.unreadable) {
			return Verdicts.notGraded(criterion, "Maven could not read the candidate's build", this.build.errors(),
					List.of());
		}
		List<Finding> findings = new ArrayList<>();
		for (String file : reports.unreadable()) {
			findings.add(Finding.warning("report-unreadable", "the report " + file + " of criterion " + criterion.id()
					+ " could not be read; its tests count as not run"));
		}
		if (!reports.tests().isEmpty()) {
			Verdicts.Outcome outcome = Verdicts.grade(criterion, reports.tests());
			List<Finding> all = new ArrayList<>(findings);
			all.addAll(outcome.findings());
			return new Verdicts.Outcome(outcome.result(), all);
		}
		if (this.run.timedOut()) {
			return Verdicts.notGraded(criterion, "the grading run was stopped at its time bound before this suite ran",
					List.of(), findings);
		}
		List<String> notBuilt = new ArrayList<>();
		for (String needed : criterion.needs()) {
			for (ShopModules.Module module : this.modules) {
				if (module.isNamed(needed) && !"built".equals(this.moduleStatus.get(module.dir()))) {
					notBuilt.add(module.dir());
				}
			}
		}
		if (!notBuilt.isEmpty()) {
			List<String> details = new ArrayList<>();
			for (String dir : notBuilt) {
				details.addAll(compilerErrors(this.candidate, dir));
			}
			if (details.isEmpty()) {
				details.addAll(this.build.errors());
			}
			return Verdicts.notGraded(criterion, String.join(", ", notBuilt) + " did not build",
					details.stream().distinct().limit(ERRORS_SHOWN).toList(), findings);
		}
		List<String> suiteErrors = compilerErrors(suiteDir.getParent(), criterion.module());
		if (!suiteErrors.isEmpty()) {
			return Verdicts.notGraded(criterion, "the hidden suite did not compile against the candidate's code",
					suiteErrors, findings);
		}
		for (BuildLog.GoalFailure failure : this.log.goalFailures()) {
			if (failure.project().equals(suiteArtifactId)) {
				return Verdicts.notGraded(criterion, "the hidden suite could not run: " + relative(failure.message()),
						List.of(), findings);
			}
		}
		findings.add(Finding.warning("suite-did-not-run", "the hidden suite of " + criterion.id()
				+ " produced no report although the modules it needs built (see build.log)"));
		return Verdicts.notGraded(criterion, "the hidden suite produced no report (see build.log)",
				this.log.firstErrors(3).stream().map(this::relative).toList(), findings);
	}

	/**
	 * The first compiler errors of files under {@code base/<dir>} (or anywhere under {@code base} when {@code dir}
	 * is null), paths relative to {@code base}.
	 */
	List<String> compilerErrors(Path base, String dir) {
		String prefix = (dir == null || dir.equals(".")) ? base.toString() : base.resolve(dir).normalize().toString();
		List<String> errors = new ArrayList<>();
		for (BuildLog.CompilerError error : this.log.compilerErrors()) {
			if (error.path().startsWith(prefix + "/") && errors.size() < ERRORS_SHOWN) {
				errors.add(error.describe(base.toString()));
			}
		}
		return errors;
	}

	private Scorecard.Build summary() {
		List<String> buildErrors = new ArrayList<>();
		if (this.unreadable) {
			for (BuildLog.ProjectError error : this.log.projectErrors()) {
				for (String message : error.errors()) {
					buildErrors.add(relative(message));
				}
			}
			if (buildErrors.isEmpty()) {
				buildErrors.addAll(this.log.firstErrors(ERRORS_SHOWN).stream().map(this::relative).toList());
			}
		}
		else {
			buildErrors.addAll(compilerErrors(this.candidate, null));
			Set<String> artifactIds = new LinkedHashSet<>();
			this.modules.forEach((module) -> artifactIds.add(module.artifactId()));
			for (BuildLog.GoalFailure failure : this.log.goalFailures()) {
				if (artifactIds.contains(failure.project()) && !failure.message().startsWith("Compilation failure")) {
					buildErrors.add(failure.project() + ": " + relative(failure.message()));
				}
			}
		}
		List<Scorecard.Module> moduleList = new ArrayList<>();
		for (ShopModules.Module module : this.modules) {
			moduleList.add(new Scorecard.Module(module.dir(), this.moduleStatus.get(module.dir())));
		}
		boolean buildOk = !this.unreadable && !this.modules.isEmpty()
				&& this.moduleStatus.values().stream().allMatch("built"::equals);
		return new Scorecard.Build(buildOk, moduleList, buildErrors.stream().distinct().limit(ERRORS_SHOWN).toList());
	}

	/** The reactor summary, else the jars the run left. */
	private Map<String, String> readModuleStatus() {
		Map<String, String> reactor = new LinkedHashMap<>();
		for (BuildLog.ReactorEntry entry : this.log.reactorSummary()) {
			reactor.putIfAbsent(entry.name(), entry.status());
		}
		Set<String> failedDirs = new LinkedHashSet<>();
		for (BuildLog.CompilerError error : this.log.compilerErrors()) {
			moduleOf(error.path()).ifPresent(failedDirs::add);
		}
		Map<String, String> status = new LinkedHashMap<>();
		for (ShopModules.Module module : this.modules) {
			if (this.unreadable) {
				status.put(module.dir(), "not-run");
				continue;
			}
			String summary = null;
			for (String name : displayNames(module)) {
				if (reactor.containsKey(name)) {
					summary = reactor.get(name);
					break;
				}
			}
			boolean jar = !module.packaging().equals("pom");
			boolean jarBuilt = !jar || hasJar(this.candidate.resolve(module.dir()), module);
			String value;
			if ("SUCCESS".equals(summary)) {
				value = jarBuilt ? "built" : "failed";
			}
			else if ("FAILURE".equals(summary)) {
				value = "failed";
			}
			else if ("SKIPPED".equals(summary)) {
				value = "skipped";
			}
			else if (failedDirs.contains(module.dir())) {
				value = "failed";
			}
			else if (!jar && installedPom(module)) {
				// the build of the root alone (every other module taken from the shared base) prints no summary
				value = "built";
			}
			else if (jar && jarBuilt && !this.run.timedOut()) {
				value = "built";
			}
			else {
				value = "not-run";
			}
			status.put(module.dir(), value);
		}
		return status;
	}

	/** The names Maven's reactor summary may give a module. */
	private static List<String> displayNames(ShopModules.Module module) {
		List<String> names = new ArrayList<>();
		String name = (module.name() != null) ? module.name() : module.artifactId();
		names.add(name + " " + module.version());
		names.add(name);
		names.add(module.artifactId() + " " + module.version());
		names.add(module.artifactId());
		return names;
	}

	private boolean installedPom(ShopModules.Module module) {
		String installing = "[INFO] Installing " + this.candidate.resolve(module.dir()).normalize().resolve("pom.xml")
				+ " to ";
		return this.log.lines().stream().anyMatch((line) -> line.startsWith(installing));
	}

	private static boolean hasJar(Path dir, ShopModules.Module module) {
		return Files.isRegularFile(dir.resolve("target").resolve(module.artifactId() + "-" + module.version() + ".jar"));
	}

	/** The candidate module a file lies in: the longest module folder that holds it. */
	private Optional<String> moduleOf(String file) {
		String candidate = this.candidate.normalize() + "/";
		return file.startsWith(candidate) ? ShopModules.owner(this.modules, file.substring(candidate.length()))
				: Optional.empty();
	}

}
