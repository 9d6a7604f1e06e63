package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.grade.card.Decision;
import io.firedrill.kit.grade.card.Rubric;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.Timeline;
import io.firedrill.kit.grade.run.BoundedLog;
import io.firedrill.kit.grade.run.BuildLog;
import io.firedrill.kit.grade.run.MavenRun;
import io.firedrill.kit.grade.run.ReportCrossCheck;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.verdict.IntegrityScan;
import io.firedrill.kit.grade.verdict.Severity;
import io.firedrill.kit.grade.verdict.Verdicts;
import io.firedrill.kit.grade.workspace.GradingWorkspace;
import io.firedrill.kit.grade.workspace.IncidentBaseline;
import io.firedrill.kit.grade.workspace.SourceTree;
import io.firedrill.kit.grade.workspace.Submission;
import io.firedrill.kit.maven.LocalRepository;
import io.firedrill.kit.shop.HostRuntime;
import io.firedrill.kit.shop.ShopBuild;
import io.firedrill.kit.shop.ShopModules;

/**
 * Grades submissions of one incident. The hidden suites, the incident's baseline and the workspace are prepared
 * once; each {@link #grade} puts the next submission into the workspace, runs one Maven build of the candidate and
 * the suites side by side, and reads the verdicts from the reports.
 */
public final class GradingSession implements AutoCloseable {

	/** Property the grading modules read the shop's version from. */
	static final String SHOP_VERSION = "shop.version";

	/** Property the grading modules read the payment SDK's version from. */
	static final String SHOP_SDK_VERSION = "shop.sdk.version";

	static final String FORK_TIMEOUT = "grading.fork.timeout";

	static final String CANDIDATE_DIR = "candidate.dir";

	/** The folder of the workspace the shared base is built in, and the name of its log. */
	private static final String BASE = "base";

	/** The repository of the workspace the suites' helper modules are installed into, and the name of its log. */
	private static final String SUPPORT = "support";

	/** What identifies the Maven of the kit's runs, for {@link ResolvedMarks}. */
	private static final String MAVEN_WRAPPER = ".mvn/wrapper/maven-wrapper.properties";

	private static final Pattern UNRESOLVED = Pattern.compile("([\\w.-]+:[\\w.-]+:[\\w.-]+:[\\w.-]+(?::[\\w.-]+)?)");

	/**
	 * How to run.
	 * @param maven the Maven command ({@code [/kit/mvnw]})
	 * @param timeout bound of one whole run
	 * @param keepWorkspace keep the workspace folder after closing
	 */
	public record Settings(List<String> maven, Duration timeout, boolean keepWorkspace) {

		/** Per-test-JVM bound: half the run's, between one and ten minutes. */
		long forkTimeoutSeconds() {
			return Math.max(60, Math.min(600, this.timeout.toSeconds() / 2));
		}

	}

	private final KitClone kit;

	private final Incident incident;

	private final List<Criterion> criteria;

	private final Criteria catalog;

	private final Settings settings;

	private final IncidentBaseline baseline;

	private final Rubric rubric;

	private final GradingWorkspace workspace;

	private final Resolution resolution;

	/** Criteria that cannot be graded whatever the submission, with the reason. */
	private final Map<String, String> unavailable = new LinkedHashMap<>();

	private final List<Finding> kitFindings = new ArrayList<>();

	/** Where the built shop base of the incident is kept, when this session shares one (see {@link #shareBase}). */
	private SharedBase.Slot baseSlot;

	/** The suites' helper modules, built by the first grading whose suites run; {@code null} until then. */
	private GradingSupport support;

	private GradingSession(KitClone kit, Incident incident, Criteria catalog, Settings settings) {
		this.kit = kit;
		this.incident = incident;
		this.catalog = catalog;
		this.criteria = catalog.of(incident);
		this.settings = settings;
		this.baseline = IncidentBaseline.of(kit, incident);
		this.rubric = kit.read(Rubric.FILE).flatMap(Rubric::fromMarkdown).orElse(null);
		this.workspace = GradingWorkspace.create(settings.keepWorkspace());
		this.resolution = new Resolution(settings.maven(), this.workspace.root(), settings.timeout(),
				new ResolvedMarks(LocalRepository.locate(kit.root()), kit.read(MAVEN_WRAPPER).orElse(new byte[0])));
		try {
			prepareSuites();
		}
		catch (RuntimeException ex) {
			this.workspace.close();
			throw ex;
		}
	}

	/** Prepares the grading of an incident: its baseline, rubric and hidden suites. */
	public static GradingSession open(KitClone kit, Incident incident, Criteria catalog, Settings settings) {
		return new GradingSession(kit, incident, catalog, settings);
	}

	/**
	 * Builds each submission's modules that differ from the incident's tag (and those built on them) and takes the
	 * others from one build of the tag, kept in memory by {@code slot}: the first grading that can use it builds it,
	 * then every session given the same slot reuses it. Worth it for a series of submissions (a cohort, a proof), not
	 * for one.
	 */
	public void shareBase(SharedBase.Slot slot) {
		this.baseSlot = slot;
	}

	public Path workspace() {
		return this.workspace.root();
	}

	public Incident incident() {
		return this.incident;
	}

	public List<Criterion> criteria() {
		return this.criteria;
	}

	private void prepareSuites() {
		Map<String, String> missing = copySuiteModules(this.catalog, this.criteria,
				(module) -> this.workspace.copyModule(this.kit, module), this.kit.root());
		for (Criterion criterion : this.criteria) {
			if (criterion.isComposite()) {
				continue;
			}
			String absent = missing.get(criterion.id());
			if (absent != null) {
				this.unavailable.put(criterion.id(), "the kit has no hidden suite for it yet (grading/" + absent
						+ " is not in its HEAD commit)");
				this.kitFindings.add(Finding.warning("suite-missing", "criterion " + criterion.id()
						+ " cannot be graded: grading/" + absent + " is not in the kit's HEAD commit"));
			}
			else if (criterion.tests().isEmpty()) {
				this.unavailable.put(criterion.id(), "grading/criteria.yaml lists no hidden test for it");
				this.kitFindings.add(Finding.warning("criterion-without-tests", "criterion " + criterion.id()
						+ " cannot be graded: grading/criteria.yaml lists no hidden test for it"));
			}
		}
	}

	/**
	 * Copies the modules the criteria's suites build, each distinct module once: {@code copyModule} copies afresh, so
	 * copying the support module again for every criterion that builds it only redid the same work.
	 * @return by criterion id, the first module of its suite that the kit does not have
	 * @throws FiredrillException (environment) if the kit has no support module
	 */
	static Map<String, String> copySuiteModules(Criteria catalog, List<Criterion> criteria,
			Predicate<String> copyModule, Path kitRoot) {
		Map<String, Boolean> copied = new HashMap<>();
		Predicate<String> copiedOnce = (module) -> copied.computeIfAbsent(module, copyModule::test);
		if (catalog.support() != null && !copiedOnce.test(catalog.support())) {
			throw FiredrillException.environment("grading/" + catalog.support()
					+ " (the hidden suites' support module) is not in the HEAD commit of " + kitRoot);
		}
		Map<String, String> missing = new LinkedHashMap<>();
		for (Criterion criterion : criteria) {
			if (!criterion.isComposite()) {
				catalog.suiteModules(criterion)
					.stream()
					.filter(Predicate.not(copiedOnce))
					.findFirst()
					.ifPresent((module) -> missing.put(criterion.id(), module));
			}
		}
		return missing;
	}

	/**
	 * Grades one submission: reads it, plans which suites can run on it, resolves what the sealed runs need (trusted,
	 * with the network), builds the candidate's code and runs its own tests (sealed), runs each hidden suite (sealed),
	 * then reads the verdicts from the reports.
	 * @param log where Maven's output goes
	 * @param ownTests whether the candidate's own tests run (a proof of a fix skips them)
	 * @throws FiredrillException input if the submission cannot be read, grading if the run itself could not run
	 */
	public Scorecard grade(Submission submission, Path log, boolean ownTests) {
		Instant start = Instant.now();
		this.workspace.checkout(submission);
		SourceTree tree = this.workspace.tree(submission.commit());
		// what the rubric is scored from, read before the build can change anything in the workspace
		Decision decision = Decision.of(tree);
		Timeline timeline = timeline(submission);
		List<Finding> findings = new ArrayList<>(this.kitFindings);
		RunFindings.uncommitted(submission).ifPresent(findings::add);
		RunFindings.shallow(submission).ifPresent(findings::add);
		findings.addAll(IntegrityScan.scan(tree, this.baseline.tree()));
		Map<String, String> links = this.workspace.symbolicLinks(submission.commit());
		RunFindings.symbolicLinks(links).ifPresent(findings::add);

		List<ShopModules.Module> modules = ShopModules.read(this.workspace.candidate());
		String shopVersion = modules.isEmpty() ? null : modules.get(0).version();
		String hostSdk = runtimeSdk(tree);
		Map<String, Verdicts.Outcome> outcomes = new LinkedHashMap<>();
		List<Criterion> toRun = plan(modules, shopVersion, hostSdk, outcomes);
		List<String> gradingModules = new ArrayList<>();
		if (this.catalog.support() != null) {
			gradingModules.add(this.catalog.support());
		}
		toRun.stream()
			.flatMap((criterion) -> this.catalog.suiteModules(criterion).stream())
			.filter((m) -> !gradingModules.contains(m))
			.forEach(gradingModules::add);
		copySuites(gradingModules, toRun, shopVersion, hostSdk);
		this.workspace.writeAggregator(toRun.isEmpty() ? List.of() : gradingModules);
		this.workspace.removeStaleOutput(modules, List.of());
		this.workspace.cleanOutputs(modules, List.of());

		// 1. trusted, with the network: download what the sealed runs will need; nothing of the candidate's runs
		Set<String> reactor = new LinkedHashSet<>(this.workspace.coordinates());
		modules.forEach((module) -> reactor.add(module.groupId() + ":" + module.artifactId()));
		List<Finding> unresolved = modules.isEmpty() ? List.of()
				: this.resolution.resolve(reactor, new LinkedHashSet<>(this.workspace.artifactIds().values()),
						suitesParent(), this.workspace.root().resolve(Resolution.FOLDER + ".log"));
		findings.addAll(unresolved);
		Path userRepository = LocalRepository.locate(this.kit.root());
		// a committed link is in no SourceTree, so the comparison with the tag cannot see it: nothing is shared then
		Optional<SharedBase> base = unresolved.isEmpty() && !modules.isEmpty() && links.isEmpty()
				? sharedBase(tree, userRepository) : Optional.empty();
		Set<String> shared = base.map((b) -> b.reusable(tree, modules)).orElse(Set.of());

		// 2. sealed: the candidate's build and own tests, with the hidden suites out of the workspace; every process
		// it starts is gone before the suites are copied in, and its reports are read before anything else runs
		this.workspace.removeSuites();
		this.workspace.resetMavenConfig();
		this.workspace.writeAggregator(List.of());
		Path built = this.workspace.freshRepository("repository/candidate");
		base.ifPresent((b) -> b.install(shared, built));
		Deadline deadline = new Deadline(this.settings.timeout());
		List<String> logs = new ArrayList<>();
		MavenRun.Result run = MavenRun.Result.NOTHING;
		if (!modules.isEmpty()) {
			List<String> command = candidateCommand(ownTests, built, userRepository, modules, shared);
			run = whileNoBaseIsBuilt(() -> MavenRun.run(command, this.workspace.root(), log, deadline.left()));
			logs.addAll(BoundedLog.readLines(log));
			checkStarted(run, BuildLog.of(logs), log);
		}
		if (!shared.isEmpty()) {
			restoreShared(base.get(), shared, ownTests, log, findings);
		}
		BuildLog candidateLog = BuildLog.of(logs);
		RunFindings.outputCut(candidateLog).ifPresent(findings::add);
		RunFindings.graderFilesWritten(this.workspace.graderFilesWritten()).ifPresent(findings::add);
		this.workspace.removeSuites();
		this.workspace.resetMavenConfig();
		Scorecard.OwnTests own = ownTests ? OwnTestResults.read(modules, shared, this.workspace.candidate(),
				this.baseline.visibleTests(), this.incident.tag(), candidateLog, findings) : Scorecard.OwnTests.notRun();

		// 3. sealed, one run per hidden suite (see runSuites)
		boolean suitesRan = !toRun.isEmpty() && !candidateLog.couldNotReadProjects() && !run.timedOut();
		Path forSuites = this.workspace.freshRepository(GradingWorkspace.SUITES_REPOSITORY);
		if (suitesRan) {
			GradingWorkspace.copyArtifacts(built, forSuites,
					modules.stream().filter((module) -> !shared.contains(module.dir())).toList());
			base.ifPresent((b) -> b.install(shared, forSuites));
		}
		Map<String, SurefireReports.Read> suiteReports = new LinkedHashMap<>();
		GradingSupport helpers = suitesRan ? support(userRepository) : GradingSupport.NONE;
		SuiteInputs inputs = new SuiteInputs(modules, shared, built, forSuites, userRepository, shopVersion, hostSdk,
				helpers);
		MavenRun.Result candidateRun = run;
		run = whileNoBaseIsBuilt(() -> runSuites(suitesRan ? toRun : List.of(), inputs, deadline, log, logs,
				suiteReports, findings, candidateRun));
		this.workspace.removeSuites();

		// 4. the verdicts, from the reports read above and from Maven's output
		checkResolvedStillThere(logs, log);
		BuildLog buildLog = BuildLog.of(logs);
		checkEnvironment(buildLog, log, !unresolved.isEmpty(), modules);
		CandidateBuild build = new CandidateBuild(modules, buildLog, run, this.workspace.candidate(),
				this.workspace.root());
		findings.addAll(RunFindings.ofRuns(run, buildLog, this.settings, build::relative));
		for (Criterion criterion : toRun) {
			outcomes.put(criterion.id(), build.verdict(criterion,
					suiteReports.getOrDefault(criterion.id(), SurefireReports.Read.NONE),
					this.workspace.module(criterion.module()), this.workspace.artifactIds().get(criterion.module())));
		}
		List<CriterionResult> results = results(outcomes, findings);

		Instant end = Instant.now();
		Scorecard.Durations durations = new Scorecard.Durations(Duration.between(start, end).toSeconds(),
				run.elapsed().toSeconds(), this.settings.timeout().toSeconds(), run.timedOut());
		return new Scorecard(this.incident.id(), this.incident.title(),
				new Scorecard.Candidate(submission.source().toString(), submission.ref(), submission.commit().name(),
						!submission.uncommitted().isEmpty(),
						submission.uncommitted().stream().limit(Submission.UNCOMMITTED_SHOWN).toList()),
				end.truncatedTo(ChronoUnit.SECONDS).toString(), KitVersion.version(),
				this.kit.head().abbreviate(10).name(), results, own, build.build(),
				findings.stream().distinct().sorted(Comparator.comparing(Finding::severity)).toList(), durations,
				(this.rubric != null) ? this.rubric.forProblems(this.incident.hintProblems()) : null, feedback(),
				decision, timeline);
	}

	/**
	 * Which criteria's suites can run on this build; the others get their "not graded" outcome here.
	 * @param outcomes where those outcomes go
	 */
	private List<Criterion> plan(List<ShopModules.Module> modules, String shopVersion, String hostSdk,
			Map<String, Verdicts.Outcome> outcomes) {
		List<Criterion> toRun = new ArrayList<>();
		for (Criterion criterion : this.criteria) {
			if (criterion.isComposite()) {
				continue;
			}
			String reason = this.unavailable.get(criterion.id());
			if (reason != null) {
				outcomes.put(criterion.id(), Verdicts.notGraded(criterion, reason, List.of(), List.of()));
				continue;
			}
			Optional<String> missing = missingFromBuild(criterion, modules, shopVersion,
					(criterion.sdk() != null) ? criterion.sdk() : hostSdk);
			if (missing.isPresent()) {
				outcomes.put(criterion.id(), Verdicts.notGraded(criterion, missing.get(), List.of(), List.of()));
				continue;
			}
			toRun.add(criterion);
		}
		return toRun;
	}

	/** What every hidden suite's run of one grading is given. */
	private record SuiteInputs(List<ShopModules.Module> modules, Set<String> shared, Path built, Path forSuites,
			Path userRepository, String shopVersion, String hostSdk, GradingSupport support) {
	}

	/**
	 * Stage 3, sealed, one run per hidden suite: the candidate's modules as its build installed them, the suite copied
	 * afresh from the kit, its helper modules as the session built them; each suite's reports are read, and the
	 * workspace's fingerprint and Maven's console compared with them, before the next one starts.
	 * @param logs every run's output so far, to which each suite's is added (and to {@code log})
	 * @param reports where each criterion's reports go
	 * @param findings where the integrity findings go
	 * @param run the runs so far
	 * @return the runs so far followed by the suites'
	 */
	private MavenRun.Result runSuites(List<Criterion> suites, SuiteInputs inputs, Deadline deadline, Path log,
			List<String> logs, Map<String, SurefireReports.Read> reports, List<Finding> findings, MavenRun.Result run) {
		MavenRun.Result all = run;
		for (Criterion criterion : suites) {
			if (!installedByTheBuild(criterion, inputs.modules(), inputs.shared(), inputs.built())) {
				// its verdict says which module did not build; run anyway, the suite would find an older copy of
				// that module in the user's Maven repository and grade code the candidate did not submit
				continue;
			}
			List<String> suite = List.of(criterion.module());
			copySuites(suite, List.of(criterion), inputs.shopVersion(), inputs.hostSdk());
			this.workspace.resetMavenConfig();
			this.workspace.writeAggregator(false, suite);
			// over whatever the previous suite's run (the candidate's code) may have written in their place
			inputs.support().install(inputs.forSuites());
			Map<String, String> before = this.workspace.fingerprint();
			Path suiteLog = this.workspace.root().resolve("suite-" + criterion.module() + ".log");
			MavenRun.Result suiteRun = MavenRun.run(suiteCommand(inputs.forSuites(), inputs.userRepository()),
					this.workspace.root(), suiteLog, deadline.left());
			SurefireReports.Read read = SurefireReports.readModule(this.workspace.module(criterion.module()));
			reports.put(criterion.id(), read);
			Map<String, String> after = this.workspace.fingerprint();
			if (!before.equals(after)) {
				findings.add(Finding.critical("hidden-suite-modified", "files of the hidden suite of " + criterion.id()
						+ " or of the modules it runs on changed while it ran with the candidate's code ("
						+ RunFindings.changed(before, after) + "): its results cannot be trusted"));
			}
			List<String> lines = BoundedLog.readLines(suiteLog);
			List<String> disagreements = ReportCrossCheck.disagreements(read.tests(), BuildLog.of(lines).classResults());
			if (!disagreements.isEmpty()) {
				findings.add(Finding.critical("hidden-suite-reports-changed", "the reports of the hidden suite of "
						+ criterion.id() + " say something else than Maven printed while it ran, so they were changed"
						+ " after Maven wrote them (" + RunFindings.list(disagreements) + "): its results cannot be"
						+ " trusted"));
			}
			List<String> section = new ArrayList<>();
			section.add(BuildLog.RUN_SEPARATOR + "hidden suite " + criterion.module() + " ----");
			section.addAll(lines);
			logs.addAll(section);
			appendLog(log, section);
			all = all.then(suiteRun);
			if (suiteRun.timedOut()) {
				break;
			}
		}
		return all;
	}

	/**
	 * Every criterion's result in the catalog's order, composites from their parts; the outcomes' findings are added
	 * to {@code findings}, and a critical finding voids every result.
	 */
	private List<CriterionResult> results(Map<String, Verdicts.Outcome> outcomes, List<Finding> findings) {
		Map<String, CriterionResult> results = new LinkedHashMap<>();
		for (Criterion criterion : this.criteria) {
			if (criterion.isComposite()) {
				continue;
			}
			Verdicts.Outcome outcome = outcomes.get(criterion.id());
			results.put(criterion.id(), outcome.result());
			findings.addAll(outcome.findings());
		}
		List<CriterionResult> ordered = new ArrayList<>();
		for (Criterion criterion : this.criteria) {
			ordered.add(criterion.isComposite() ? Verdicts.composite(criterion, results) : results.get(criterion.id()));
		}
		Optional<Finding> voiding = findings.stream().filter((f) -> f.severity() == Severity.CRITICAL).findFirst();
		if (voiding.isPresent()) {
			String reason = voiding.get().message();
			ordered = ordered.stream().map((result) -> Verdicts.voided(result, reason)).toList();
		}
		return ordered;
	}

	private Map<String, Criterion.Feedback> feedback() {
		Map<String, Criterion.Feedback> feedback = new LinkedHashMap<>();
		for (Criterion criterion : this.criteria) {
			feedback.put(criterion.id(), criterion.feedback());
		}
		return feedback;
	}

	/** The candidate's commits since the incident's tag (the baseline's commit has the same id in every export). */
	private Timeline timeline(Submission submission) {
		try {
			return Timeline.of(this.workspace.candidateRepository(), submission.commit(), this.baseline.commit());
		}
		catch (UncheckedIOException ex) {
			// a shallow or damaged history: the card says the timeline is empty rather than failing the grading
			return new Timeline(List.of(), false, false);
		}
	}

	/** The parent POM of the hidden suites (the support module's, else the first suite's), or {@code null}. */
	private String suitesParent() {
		String module = (this.catalog.support() != null) ? this.catalog.support()
				: this.workspace.artifactIds().keySet().stream().findFirst().orElse(null);
		return (module != null) ? Resolution.parentOf(this.workspace.pristinePom(module)) : null;
	}

	/**
	 * The candidate's build: offline, batch, every module even after a failure, own tests on unless a proof skips
	 * them, installed into a repository of the workspace's own (the user's behind it, read only).
	 */
	List<String> candidateCommand(boolean ownTests, Path repository, Path userRepository) {
		List<String> command = sealedCommand(repository, userRepository);
		command.addAll(List.of("install", "-DskipTests=" + !ownTests, "-Dmaven.test.skip=false",
				"-Dmaven.install.skip=false"));
		return command;
	}

	/**
	 * The candidate's build of every module but the shared ones, which its repository already holds: the root and
	 * the others selected by folder.
	 */
	List<String> candidateCommand(boolean ownTests, Path repository, Path userRepository,
			List<ShopModules.Module> modules, Set<String> shared) {
		List<String> command = candidateCommand(ownTests, repository, userRepository);
		if (!shared.isEmpty()) {
			List<String> selected = new ArrayList<>();
			for (ShopModules.Module module : modules) {
				if (!shared.contains(module.dir())) {
					selected.add(module.dir().equals(".") ? GradingWorkspace.CANDIDATE
							: GradingWorkspace.CANDIDATE + "/" + module.dir());
				}
			}
			command.addAll(List.of("-pl", String.join(",", selected)));
		}
		return command;
	}

	/**
	 * The built shop base for this submission: the slot's, else built now if this grading is the first that can use
	 * it (this one changed no POM, so what was just resolved for it is what the base's build needs), else none.
	 */
	private Optional<SharedBase> sharedBase(SourceTree tree, Path userRepository) {
		if (this.baseSlot == null) {
			return Optional.empty();
		}
		Optional<SharedBase> ready = this.baseSlot.ready();
		if (ready.isPresent()) {
			return ready;
		}
		if (!SharedBase.couldShare(this.baseline.tree(), tree) || !this.baseSlot.claim()) {
			// another session may be building it: wait for it rather than build everything
			return this.baseSlot.whileNoBaseIsBuilt(this.baseSlot::ready);
		}
		return this.baseSlot.build(() -> buildBase(userRepository));
	}

	/**
	 * The suites' helper modules (the support module, the modules suites {@code use}), built for the session by its
	 * first grading whose suites run: each suite's run then compiles its own tests only.
	 */
	private GradingSupport support(Path userRepository) {
		if (this.support == null) {
			this.support = alone(() -> buildSupport(userRepository));
		}
		return this.support;
	}

	/**
	 * Builds the suites' helper modules, copied afresh from the kit, offline into a repository of the workspace's own
	 * and keeps what was installed there in memory. No candidate's code runs meanwhile in this workspace (the
	 * candidate's build has ended and no process of it is left) nor in any session sharing this one's slot.
	 * @throws FiredrillException (grading) if they do not build: the kit's own code, so no suite could run
	 */
	private GradingSupport buildSupport(Path userRepository) {
		List<String> helpers = new ArrayList<>();
		for (Criterion criterion : this.criteria) {
			if (!criterion.isComposite() && !this.unavailable.containsKey(criterion.id())) {
				this.catalog.suiteModules(criterion).stream()
					.filter((module) -> !module.equals(criterion.module()) && !helpers.contains(module))
					.forEach(helpers::add);
			}
		}
		if (helpers.isEmpty()) {
			return GradingSupport.NONE;
		}
		Path repository = this.workspace.freshRepository("repository/" + SUPPORT);
		Path log = this.workspace.root().resolve(SUPPORT + ".log");
		try {
			copySuites(helpers, List.of(), null, null);
			this.workspace.resetMavenConfig();
			this.workspace.writeAggregator(false, helpers);
			List<String> command = sealedCommand(repository, userRepository);
			command.addAll(List.of("install", "-Dmaven.test.skip=true", "-Dmaven.compiler.proc=none"));
			MavenRun.Result run = MavenRun.run(command, this.workspace.root(), log, this.settings.timeout());
			Optional<GradingSupport> built = (run.exitCode() == 0 && !run.timedOut())
					? GradingSupport.read(repository, helpers.stream().map(this.workspace::artifactFolder).toList())
					: Optional.empty();
			if (built.isEmpty()) {
				// a repository pruned since an earlier session resolved it: "grade again", not a kit bug
				checkResolvedStillThere(BoundedLog.readLines(log), log);
			}
			return built.orElseThrow(() -> new FiredrillException(ExitCode.GRADING, "the hidden suites' helper modules"
					+ " (grading/" + String.join(", grading/", helpers) + ") did not build offline (Maven's output in "
					+ log + ")"));
		}
		finally {
			Folders.deleteQuietly(repository);
			this.workspace.removeSuites();
		}
	}

	/** Runs something of the kit's while no candidate's code runs in any session sharing this one's slot. */
	private <T> T alone(Supplier<T> run) {
		return (this.baseSlot != null) ? this.baseSlot.alone(run) : run.get();
	}

	/**
	 * Runs the candidate's code (its build, or the hidden suites on it) while no session sharing this one's base is
	 * building it: the candidate's code runs as the kit's user and could write into another workspace's base folder.
	 */
	private <T> T whileNoBaseIsBuilt(Supplier<T> run) {
		return (this.baseSlot != null) ? this.baseSlot.whileNoBaseIsBuilt(run) : run.get();
	}

	/**
	 * Builds the incident's tag as the candidate's build would (offline, own tests on, without network) in a folder
	 * of the workspace, keeps what it left in memory and removes the folder; no candidate's code runs meanwhile in
	 * any session sharing the slot, and none has run in this workspace yet (its first grading gets here).
	 */
	private Optional<SharedBase> buildBase(Path userRepository) {
		Path shop = this.workspace.root().resolve(BASE);
		Path repository = this.workspace.freshRepository("repository/" + BASE);
		try {
			Folders.deleteQuietly(shop);
			SharedBase.writeSources(this.baseline.tree(), shop);
			List<String> command = candidateCommand(true, repository, userRepository);
			command.addAll(List.of("-f", shop.resolve("pom.xml").toString()));
			MavenRun.Result run = MavenRun.run(command, this.workspace.root(),
					this.workspace.root().resolve(BASE + ".log"), this.settings.timeout());
			return run.timedOut() ? Optional.empty()
					: SharedBase.read(this.baseline.tree(), shop, repository);
		}
		finally {
			Folders.deleteQuietly(shop);
			Folders.deleteQuietly(repository);
		}
	}

	/**
	 * Puts the shared modules' build output back as the base's build left it, whatever the candidate's code wrote
	 * there; a module folder the run replaced with a link voids the grading. The log says which modules were shared.
	 */
	private void restoreShared(SharedBase base, Set<String> shared, boolean ownTests, Path log, List<Finding> findings) {
		List<String> outside = base.restore(shared, this.workspace.candidate(), this.workspace.root(), ownTests);
		if (!outside.isEmpty()) {
			findings.add(Finding.critical("shared-module-replaced", "the candidate's build replaced the folder of "
					+ RunFindings.list(outside) + " (unchanged modules, taken from the build of " + this.incident.tag()
					+ ") with a link out of the workspace: the results cannot be trusted"));
		}
		appendLog(log, List.of(BuildLog.RUN_SEPARATOR + "not rebuilt, identical to " + this.incident.tag()
				+ " and taken from its build: " + String.join(", ", shared) + " ----"));
	}

	/**
	 * One hidden suite's run: its POM says how its tests run; annotation processing is off, since the candidate's
	 * jars are on its classpath and a processor in them would run in Maven's own JVM. What the tests' JVM prints
	 * (the candidate's code runs there) goes to files of the suite's own, never into the log: the log that ships
	 * with the scorecard cannot carry the hidden suites' sources, nor lines that imitate Maven's.
	 */
	List<String> suiteCommand(Path repository, Path userRepository) {
		List<String> command = sealedCommand(repository, userRepository);
		command.addAll(List.of("verify", "-Dmaven.compiler.proc=none", "-Dmaven.test.redirectTestOutputToFile=true"));
		return command;
	}

	private List<String> sealedCommand(Path repository, Path userRepository) {
		List<String> command = new ArrayList<>();
		for (String argument : this.settings.maven()) {
			if (!argument.startsWith("-Dmaven.repo.local=")) {
				command.add(argument);
			}
		}
		long fork = this.settings.forkTimeoutSeconds();
		command.addAll(List.of("-o", "-B", "-fae", "-ntp", "-Dstyle.color=never", "-Dmaven.repo.local=" + repository,
				"-Dmaven.repo.local.tail=" + userRepository, "-Dmaven.test.failure.ignore=true",
				"-D" + CANDIDATE_DIR + "=" + this.workspace.candidate(), "-D" + FORK_TIMEOUT + "=" + fork,
				"-Dsurefire.timeout=" + fork, "-Dfailsafe.timeout=" + fork,
				"-DargLine=" + GradingWorkspace.SHORT_LIVED_JVM_OPTIONS));
		return command;
	}

	/** Copies these grading modules afresh from the kit and sets each suite's properties for this submission. */
	private void copySuites(List<String> gradingModules, List<Criterion> criteria, String shopVersion, String hostSdk) {
		for (String module : gradingModules) {
			if (!this.workspace.copyModule(this.kit, module)) {
				throw FiredrillException.environment("grading/" + module + " is not in the HEAD commit of "
						+ this.kit.root());
			}
		}
		for (Criterion criterion : criteria) {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put(SHOP_VERSION, shopVersion);
			properties.put(SHOP_SDK_VERSION, (criterion.sdk() != null) ? criterion.sdk() : hostSdk);
			properties.put(FORK_TIMEOUT, Long.toString(this.settings.forkTimeoutSeconds()));
			properties.put(CANDIDATE_DIR, this.workspace.candidate().toString());
			this.workspace.configure(criterion.module(), properties);
		}
		Set<String> suites = new HashSet<>();
		criteria.forEach((criterion) -> suites.add(criterion.module()));
		for (String module : gradingModules) {
			if (!suites.contains(module)) {
				// the support module and what suites use: the kit's own code, its POM as the kit has it
				this.workspace.configure(module, Map.of());
			}
		}
	}

	/** What is left of one bound shared by the runs of a grading (a second at least, so that a run can start). */
	private record Deadline(long endNanos) {

		Deadline(Duration bound) {
			this(System.nanoTime() + bound.toNanos());
		}

		Duration left() {
			return Duration.ofNanos(Math.max(TimeUnit.SECONDS.toNanos(1), this.endNanos - System.nanoTime()));
		}

	}

	private static void appendLog(Path log, List<String> lines) {
		try {
			Files.write(log, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the candidate's build installed every module the criterion needs. */
	private static boolean installedByTheBuild(Criterion criterion, List<ShopModules.Module> modules,
			Set<String> shared, Path built) {
		for (String needed : criterion.needs()) {
			for (ShopModules.Module module : modules) {
				if (module.isNamed(needed) && module.groupId() != null && module.version() != null
						&& !shared.contains(module.dir())) {
					Path installed = built.resolve(module.repositoryFolder()).resolve(module.artifactFile());
					if (!Files.isRegularFile(installed, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
						return false;
					}
				}
			}
		}
		return true;
	}

	/** Why a suite cannot run against this build before running anything, if it cannot. */
	private Optional<String> missingFromBuild(Criterion criterion, List<ShopModules.Module> modules,
			String shopVersion, String sdk) {
		if (modules.isEmpty()) {
			return Optional.of("the candidate's repository has no readable pom.xml at its root");
		}
		for (String needed : criterion.needs()) {
			if (modules.stream().noneMatch((module) -> module.isNamed(needed))) {
				return Optional.of(needed + " is not a module of the candidate's build");
			}
		}
		if (sdk == null) {
			return Optional.of(HostRuntime.FILE + " does not say which payment SDK the hosts carry ("
					+ HostRuntime.PAYMENT_SDK + ".version)");
		}
		boolean sdkBuilt = modules.stream()
			.anyMatch((module) -> module.artifactId().equals("payment-sdk") && module.version().equals(sdk));
		if (!sdkBuilt) {
			return Optional.of("the candidate's build has no payment SDK " + sdk + " (the hosts' SDK the suite runs on)");
		}
		if (shopVersion == null || shopVersion.isBlank()) {
			return Optional.of("the candidate's root pom.xml has no version");
		}
		return Optional.empty();
	}

	/** Maven did not start at all (a broken installation, a Java it cannot run on): no point in a scorecard. */
	private static void checkStarted(MavenRun.Result run, BuildLog buildLog, Path log) {
		List<String> lines = buildLog.lines();
		boolean started = lines.stream().anyMatch((line) -> line.startsWith("[INFO] ") || line.startsWith("[ERROR] "));
		if (!started && !run.timedOut()) {
			String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
			throw new FiredrillException(ExitCode.GRADING, "Maven did not start (exit " + run.exitCode() + "): "
					+ SurefireReports.abbreviate(last, 200) + " (output in " + log + ")");
		}
	}

	/**
	 * A sealed run missed offline what an earlier resolution (of this session or another, {@link ResolvedMarks}) had
	 * put into the user's Maven repository, and this grading skipped the step on its word: the repository was pruned
	 * since, and the run says nothing of the candidate. No scorecard; the next grading resolves again.
	 */
	private void checkResolvedStillThere(List<String> lines, Path log) {
		if (this.resolution.skippedLast() && lines.stream()
			.anyMatch((line) -> line.startsWith("[ERROR]") && ShopBuild.offlineResolutionFailed(line))) {
			this.resolution.forget();
			throw FiredrillException.environment("the local Maven repository " + LocalRepository.locate(this.kit.root())
					+ " no longer holds what an earlier grading downloaded into it (see " + log + "): grade again, and"
					+ " firedrill will download it anew");
		}
	}

	/**
	 * Maven could not run the grader's own part: no point in a scorecard. A grading POM unreadable, or a grading
	 * module missing a dependency that is not the candidate's.
	 */
	private void checkEnvironment(BuildLog buildLog, Path log, boolean candidateUnresolved,
			List<ShopModules.Module> modules) {
		String gradingRoot = this.workspace.root().resolve(Criteria.GRADING).toString();
		String aggregator = this.workspace.root().resolve("pom.xml").toString();
		for (BuildLog.ProjectError error : buildLog.projectErrors()) {
			if (error.pom().startsWith(gradingRoot) || error.pom().equals(aggregator)) {
				throw new FiredrillException(ExitCode.GRADING, "Maven could not read the hidden suite "
						+ this.workspace.root().relativize(Path.of(error.pom())) + ": "
						+ (error.errors().isEmpty() ? "see " + log : error.errors().get(0)));
			}
		}
		Set<String> gradingIds = new LinkedHashSet<>(this.workspace.artifactIds().values());
		for (BuildLog.GoalFailure failure : buildLog.goalFailures()) {
			if (!gradingIds.contains(failure.project()) || !failure.message().contains("resolve dependencies")) {
				continue;
			}
			List<String> missing = new ArrayList<>();
			Matcher matcher = UNRESOLVED.matcher(failure.message().replaceFirst("^.*?could not be resolved:", "")
				.replaceFirst("^.*?Could not find artifact", ""));
			while (matcher.find()) {
				missing.add(matcher.group(1));
			}
			Set<String> candidateModules = new LinkedHashSet<>();
			modules.forEach((module) -> candidateModules.add(module.groupId() + ":" + module.artifactId()));
			boolean candidates = candidateUnresolved || !missing.isEmpty() && missing.stream()
				.allMatch((gav) -> candidateModules.contains(gav.split(":")[0] + ":" + gav.split(":")[1]));
			if (!candidates) {
				// the resolution step succeeded, so this is something only the run itself asks for
				throw new FiredrillException(ExitCode.GRADING, "the hidden suites need "
						+ (missing.isEmpty() ? "a dependency" : String.join(", ", missing))
						+ ", which the resolution step before the run did not put into the local Maven repository "
						+ LocalRepository.locate(this.kit.root()) + " (a firedrill bug: report it with " + log + ")");
			}
		}
	}

	/** The payment SDK the hosts carry, from the candidate's {@value HostRuntime#FILE}, or {@code null}. */
	private static String runtimeSdk(SourceTree tree) {
		return tree.read(HostRuntime.FILE).map(HostRuntime::parse).flatMap(HostRuntime::paymentSdk).orElse(null);
	}

	@Override
	public void close() {
		this.workspace.close();
	}

}
