package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.Xml;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.grade.run.BoundedLog;
import io.firedrill.kit.grade.run.BuildLog;
import io.firedrill.kit.grade.run.MavenRun;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.workspace.GradingWorkspace;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The trusted step before each sealed grading run. That run has no network, so everything it needs must be in the
 * local Maven repository before it starts; this step downloads it, with the network, while nothing of the
 * candidate's executes:
 * <ul>
 * <li>the declared dependencies and plugins of the candidate's modules and of the hidden suites:
 * {@code dependency:go-offline} over a copy of the workspace that holds only POM files, the candidate's with their
 * build extensions removed (a POM's extensions are the only code Maven loads while reading it). Once per set of POMs
 * in a session: the fixes of one incident rarely change a POM.</li>
 * <li>the test providers: Surefire and Failsafe pick their JUnit Platform provider and launcher when the tests run,
 * which no POM declares and {@code go-offline} cannot see. A one-test project of the kit's own, on the hidden suites'
 * parent, runs {@code verify} once per session.</li>
 * </ul>
 * What cannot be resolved is reported as what it is: which artifact, from which repository, and why. When the kit's
 * own part cannot be resolved there is no grading ({@link ExitCode#GRADING}); when the candidate's build needs
 * something that does not exist, that is the candidate's build failing, and the scorecard says so.
 */
final class Resolution {

	static final String GO_OFFLINE = "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline";

	static final String FOLDER = "resolution";

	static final String PROBE = "test-provider-probe";

	/** An artifact Maven could not resolve: {@code g:a:jar:1.0 (absent)}, as its messages list them. */
	private static final Pattern ARTIFACT = Pattern.compile("([\\w.-]+:[\\w.-]+(?::[\\w.-]+){1,3}) \\((?:absent|present[^)]*)\\)"
			+ "|artifact descriptor for ([\\w.-]+:[\\w.-]+(?::[\\w.-]+){1,3})");

	private static final Pattern MAVEN_VERSION = Pattern.compile("Apache Maven (\\d+)\\.(\\d+)\\.\\d+");

	private static final Pattern GOAL_FAILURE = Pattern
		.compile("^\\[ERROR\\] Failed to execute goal .*?on project ([^:\\s]+): (.*)$");

	private static final Pattern REPOSITORY = Pattern.compile("(?:\\bin|from/to) ([\\w.-]+) \\((\\w+://[^)\\s]+)\\)(?:: (.*))?");

	/**
	 * The trusted step is the only one that writes the user's Maven repository, and {@code firedrill cohort --jobs}
	 * runs it in several sessions at once: Maven's own file locks keep those processes from writing the same
	 * artifact together (its default locks are within one JVM only).
	 */
	static final List<String> SHARED_REPOSITORY_LOCKS = List.of("-Daether.syncContext.named.factory=file-lock",
			"-Daether.syncContext.named.nameMapper=file-gav");

	private final List<String> maven;

	private final Path workspace;

	private final Duration timeout;

	private final Set<String> resolvedPoms = new HashSet<>();

	private boolean providersResolved;

	private final ResolvedMarks marks;

	private boolean skippedLast;

	/** The hidden suites' parent the providers were resolved for. */
	private String suitesParent;

	Resolution(List<String> maven, Path workspace, Duration timeout, ResolvedMarks marks) {
		this.maven = maven;
		this.workspace = workspace;
		this.timeout = timeout;
		this.marks = marks;
	}

	/** Whether the last {@link #resolve} downloaded nothing, trusting an earlier one of this session or another. */
	boolean skippedLast() {
		return this.skippedLast;
	}

	/**
	 * Forgets what earlier resolutions of this session and the others it relied on did: the user's repository no
	 * longer holds it (pruned by hand, or by a candidate's code, which runs as the same user).
	 */
	void forget() {
		this.resolvedPoms.forEach((digest) -> this.marks.forget("poms", digest));
		this.resolvedPoms.clear();
		if (this.providersResolved) {
			this.marks.forget("providers", this.suitesParent);
			this.providersResolved = false;
		}
	}

	/**
	 * One thing that could not be resolved.
	 * @param project the artifactId of the project that needed it (or the POM Maven could not read)
	 * @param artifact its coordinates, when Maven names them
	 * @param repository {@code id (url)} of the repository asked, when Maven names it
	 * @param cause why: {@code not found}, or the transfer error
	 */
	record Unresolved(String project, String artifact, String repository, String cause) {

		/** A failure to reach the repository, as opposed to a repository that answered that it has no such thing. */
		boolean unreachable() {
			return this.repository != null && !this.cause.equals("not found");
		}

		String describe() {
			String what = (this.artifact != null) ? this.artifact : "a dependency";
			if (this.repository == null) {
				return what + (this.cause.equals("not found") ? " is not in the repositories Maven asked"
						: " could not be resolved: " + this.cause);
			}
			return unreachable() ? what + " could not be downloaded from " + this.repository + ": " + this.cause
					: what + " is not in " + this.repository;
		}

	}

	/**
	 * Resolves what the workspace's next run needs (its aggregator and grading POMs must be written).
	 * @param reactor {@code groupId:artifactId} of every module of the run (built there, never downloaded)
	 * @param gradingIds artifactIds of the grading modules
	 * @param suitesParent the hidden suites' {@code <parent>} element, for the test-provider probe ({@code null}: none)
	 * @param log where Maven's output of this step goes
	 * @return what the candidate's build needs and could not be resolved (findings for the scorecard)
	 * @throws FiredrillException (grading) when what the hidden suites need cannot be resolved
	 */
	List<Finding> resolve(Set<String> reactor, Set<String> gradingIds, String suitesParent, Path log) {
		if (!this.providersResolved && suitesParent != null) {
			if (!this.marks.has("providers", suitesParent)) {
				resolveProviders(suitesParent, log);
				this.marks.add("providers", suitesParent);
			}
			this.providersResolved = true;
			this.suitesParent = suitesParent;
		}
		Path copy = this.workspace.resolve(FOLDER);
		Folders.deleteQuietly(copy);
		String digest = copyPoms(copy);
		this.skippedLast = this.resolvedPoms.contains(digest) || this.marks.has("poms", digest);
		if (this.skippedLast) {
			this.resolvedPoms.add(digest);
			return List.of();
		}
		List<String> command = new ArrayList<>(this.maven);
		// every project, even after one failed (-fn), with the reactor's modules in each one's graph, so that what
		// a hidden suite gets transitively through a candidate module is resolved under the suite's own versions;
		// the reactor's own artifacts are then "not found" (they are built in the run), which is no failure
		command.addAll(SHARED_REPOSITORY_LOCKS);
		command.addAll(List.of("-B", "-ntp", "-fn", "-Dstyle.color=never", "-DexcludeReactor=false", GO_OFFLINE));
		MavenRun.Result run = MavenRun.runWithNetwork(command, copy, log, this.timeout);
		if (run.timedOut()) {
			throw failure("resolving the build's dependencies took longer than " + this.timeout.toMinutes() + " min", log);
		}
		List<Finding> findings = new ArrayList<>();
		BuildLog buildLog = BuildLog.of(BoundedLog.readLines(log));
		List<Unresolved> unresolved = unresolved(buildLog, copy.resolve(GradingWorkspace.CANDIDATE), reactor);
		if (run.exitCode() == 0 && unresolved.isEmpty()) {
			this.resolvedPoms.add(digest);
			this.marks.add("poms", digest);
			return findings;
		}
		String candidatePoms = readPoms(copy.resolve(GradingWorkspace.CANDIDATE));
		List<Unresolved> candidates = unresolved.stream().filter((u) -> !gradingIds.contains(u.project())).toList();
		for (Unresolved problem : unresolved) {
			boolean candidateRepository = problem.repository() != null
					&& candidatePoms.contains(problem.repository().replaceAll("^.*\\((.*)\\)$", "$1"));
			if (problem.unreachable() && !candidateRepository) {
				// the machine cannot reach the repositories the kit itself uses: nobody's build could be graded
				throw failure(problem.describe() + " (is this machine online? the first grading of a build downloads"
						+ " what it needs from the repositories of your Maven settings)", log);
			}
		}
		for (Unresolved problem : candidates) {
			findings.add(Finding.warning("dependency-unresolved", "the candidate's build (" + problem.project()
					+ ") needs " + problem.describe() + "; modules that need it cannot build"));
		}
		// a hidden suite gets what a candidate module needs through it: that is the candidate's, not the suite's
		Set<String> candidatesNeed = new HashSet<>();
		candidates.forEach((problem) -> candidatesNeed.add(String.valueOf(problem.artifact())));
		Optional<Unresolved> suites = unresolved.stream()
			.filter((problem) -> gradingIds.contains(problem.project()) || problem.project().equals("grading"))
			.filter((problem) -> !candidatesNeed.contains(String.valueOf(problem.artifact())))
			.findFirst();
		if (suites.isPresent() || (candidates.isEmpty() && run.exitCode() != 0)) {
			String what = suites.map(Unresolved::describe).orElse("Maven failed (exit " + run.exitCode() + ")");
			throw failure("the hidden suites' build cannot be resolved: " + what, log);
		}
		return findings;
	}

	private void resolveProviders(String suitesParent, Path log) {
		Path probe = this.workspace.resolve(PROBE);
		try {
			Folders.deleteQuietly(probe);
			Path test = probe.resolve("src/test/java/probe/ProbeTests.java");
			Files.createDirectories(test.getParent());
			Files.writeString(test, """
					package probe;

					class ProbeTests {

						@org.junit.jupiter.api.Test
						void runs() {
						}

					}
					""", StandardCharsets.UTF_8);
			Files.writeString(probe.resolve("pom.xml"), probePom(suitesParent), StandardCharsets.UTF_8);
			Files.createDirectories(probe.resolve(".mvn"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>(this.maven);
		command.addAll(SHARED_REPOSITORY_LOCKS);
		command.addAll(List.of("-V", "-B", "-ntp", "-Dstyle.color=never", "verify"));
		MavenRun.Result run = MavenRun.runWithNetwork(command, probe, log, this.timeout);
		checkMavenVersion(BoundedLog.readLines(log), log);
		if (run.exitCode() != 0) {
			List<Unresolved> unresolved = unresolved(BuildLog.of(BoundedLog.readLines(log)), probe, Set.of());
			String what = run.timedOut() ? "it took longer than " + this.timeout.toMinutes() + " min"
					: unresolved.isEmpty() ? "Maven failed (exit " + run.exitCode() + ")" : unresolved.get(0).describe()
							+ (unresolved.get(0).unreachable() ? " (is this machine online?)" : "");
			throw failure("cannot resolve the test runners the hidden suites use: " + what, log);
		}
		Folders.deleteQuietly(probe);
	}

	/**
	 * The sealed runs read the user's repository as the read-only tail of one of their own
	 * ({@code maven.repo.local.tail}), which Maven has since 3.9: an older Maven would read neither, and every
	 * candidate's build would look broken.
	 */
	static void checkMavenVersion(List<String> output, Path log) {
		for (String line : output) {
			Matcher version = MAVEN_VERSION.matcher(line);
			if (version.find()) {
				int major = Integer.parseInt(version.group(1));
				int minor = Integer.parseInt(version.group(2));
				if (major < 3 || major == 3 && minor < 9) {
					throw failure("grading needs Maven 3.9 or newer, and " + MavenRun.MAVEN_ENV + " or the PATH gave "
							+ version.group() + " (unset " + MavenRun.MAVEN_ENV + " to use the kit's ./mvnw)", log);
				}
				return;
			}
		}
	}

	/** A project on the hidden suites' parent with one test run by Surefire and by Failsafe. */
	static String probePom(String parent) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<!-- Generated by firedrill grade: makes Surefire and Failsafe resolve their test providers. -->
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				    <modelVersion>4.0.0</modelVersion>
				%s
				    <groupId>io.firedrill.grading</groupId>
				    <artifactId>%s</artifactId>
				    <version>1.0.0</version>
				    <dependencies>
				        <dependency>
				            <groupId>org.junit.jupiter</groupId>
				            <artifactId>junit-jupiter</artifactId>
				            <scope>test</scope>
				        </dependency>
				    </dependencies>
				    <build>
				        <plugins>
				            <plugin>
				                <groupId>org.apache.maven.plugins</groupId>
				                <artifactId>maven-failsafe-plugin</artifactId>
				                <configuration>
				                    <includes>
				                        <include>**/*Tests.java</include>
				                    </includes>
				                </configuration>
				                <executions>
				                    <execution>
				                        <goals>
				                            <goal>integration-test</goal>
				                            <goal>verify</goal>
				                        </goals>
				                    </execution>
				                </executions>
				            </plugin>
				        </plugins>
				    </build>
				</project>
				""".formatted(parent.indent(4).stripTrailing(), PROBE);
	}

	/**
	 * The {@code <parent>} element of a POM, as text, with an empty {@code relativePath} (the probe has no parent
	 * folder of its own).
	 */
	static String parentOf(byte[] pom) {
		String text = new String(pom, StandardCharsets.UTF_8);
		Matcher matcher = Pattern.compile("(?s)<parent>.*?</parent>").matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("the hidden suites' support POM has no <parent>");
		}
		return matcher.group().replaceAll("(?s)<relativePath\\s*/>|<relativePath>.*?</relativePath>", "")
			.replace("</parent>", "    <relativePath/>\n</parent>");
	}

	/**
	 * Copies the aggregator and every POM of the workspace into {@code copy}; returns a digest of what it wrote, in
	 * which the workspace's own folder (the suites' POMs name it) reads the same in every session.
	 */
	private String copyPoms(Path copy) {
		TreeMap<String, byte[]> poms = new TreeMap<>();
		try {
			Files.createDirectories(copy.resolve(".mvn"));
			collect(this.workspace.resolve("pom.xml"), poms);
			collectTree(this.workspace.resolve(Criteria.GRADING), poms, false);
			collectTree(this.workspace.resolve(GradingWorkspace.CANDIDATE), poms, true);
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (var pom : poms.entrySet()) {
				Path target = copy.resolve(pom.getKey());
				Files.createDirectories(target.getParent());
				Files.write(target, pom.getValue());
				digest.update(pom.getKey().getBytes(StandardCharsets.UTF_8));
				digest.update(new String(pom.getValue(), StandardCharsets.UTF_8)
					.replace(this.workspace.toString(), "${workspace}")
					.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void collect(Path pom, TreeMap<String, byte[]> poms) throws IOException {
		if (Files.isRegularFile(pom, LinkOption.NOFOLLOW_LINKS)) {
			poms.put(this.workspace.relativize(pom).toString(), Files.readAllBytes(pom));
		}
	}

	private void collectTree(Path start, TreeMap<String, byte[]> poms, boolean candidate) throws IOException {
		if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		Files.walkFileTree(start, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				String name = dir.getFileName().toString();
				return (name.equals("target") || name.equals(".git")) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (attrs.isRegularFile() && file.getFileName().toString().equals("pom.xml")) {
					byte[] pom = Files.readAllBytes(file);
					Optional<byte[]> kept = candidate ? withoutExtensions(pom) : Optional.of(pom);
					if (kept.isPresent()) {
						poms.put(Resolution.this.workspace.relativize(file).toString(), kept.get());
					}
				}
				return FileVisitResult.CONTINUE;
			}
		});
	}

	/**
	 * The POM without its build extensions ({@code <build><extensions>} and {@code <extensions>} of plugins, in
	 * profiles too), or nothing when it is not well-formed XML: then Maven cannot read it either, and the module is
	 * left out of the resolution.
	 */
	static Optional<byte[]> withoutExtensions(byte[] pom) {
		Optional<Document> parsed = Xml.parse(pom);
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		try {
			Document document = parsed.get();
			NodeList found = document.getElementsByTagName("extensions");
			List<Node> extensions = new ArrayList<>();
			for (int i = 0; i < found.getLength(); i++) {
				Node parent = found.item(i).getParentNode();
				if (parent instanceof Element element
						&& (element.getTagName().equals("build") || element.getTagName().equals("plugin"))) {
					extensions.add(found.item(i));
				}
			}
			extensions.forEach((node) -> node.getParentNode().removeChild(node));
			var transformer = TransformerFactory.newInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			var out = new java.io.ByteArrayOutputStream();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return Optional.of(out.toByteArray());
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** What Maven reported it could not resolve, by project, leaving out the reactor's own modules. */
	static List<Unresolved> unresolved(BuildLog log, Path candidateRoot, Set<String> reactor) {
		List<Unresolved> unresolved = new ArrayList<>();
		List<String> lines = log.lines();
		for (int i = 0; i < lines.size(); i++) {
			Matcher failure = GOAL_FAILURE.matcher(lines.get(i));
			if (failure.matches()) {
				// a failure's causes may follow on lines of their own, indented
				StringBuilder message = new StringBuilder(failure.group(2));
				while (i + 1 < lines.size() && lines.get(i + 1).matches("^\\[ERROR\\]\\s+\\S.*")
						&& !lines.get(i + 1).startsWith("[ERROR] ->") && lines.get(i + 1).startsWith("[ERROR] \t")) {
					message.append(' ').append(lines.get(++i).substring("[ERROR]".length()).strip());
				}
				unresolved.addAll(parse(failure.group(1), message.toString(), reactor));
			}
		}
		for (BuildLog.ProjectError error : log.projectErrors()) {
			String project = Path.of(error.pom()).startsWith(candidateRoot) ? error.project() : "grading";
			for (String message : error.errors()) {
				unresolved.addAll(parse(project, message, reactor));
			}
		}
		return unresolved;
	}

	/** Each artifact a Maven error says could not be resolved, except the reactor's; the message itself if none. */
	static List<Unresolved> parse(String project, String error, Set<String> reactor) {
		String message = error.replaceFirst("\\s*-> \\[Help \\d+]\\s*$", "");
		Matcher repository = REPOSITORY.matcher(message);
		String where = null;
		String cause = SurefireReports.abbreviate(message, 300);
		if (repository.find()) {
			where = repository.group(1) + " (" + repository.group(2) + ")";
			cause = message.contains("Could not find artifact") || message.contains("was not found in")
					|| repository.group(3) == null ? "not found"
							: SurefireReports.abbreviate(repository.group(3).strip(), 200);
		}
		else if (message.contains("was not found in")) {
			cause = "not found";
		}
		List<Unresolved> unresolved = new ArrayList<>();
		boolean named = false;
		Matcher artifact = ARTIFACT.matcher(message);
		Set<String> seen = new HashSet<>();
		while (artifact.find()) {
			named = true;
			String coordinates = (artifact.group(1) != null) ? artifact.group(1) : artifact.group(2);
			String[] parts = coordinates.split(":");
			String module = parts[0] + ":" + parts[1];
			if (!reactor.contains(module) && seen.add(module)) {
				unresolved.add(new Unresolved(project, coordinates, where, cause));
			}
		}
		if (!named) {
			unresolved.add(new Unresolved(project, null, where, cause));
		}
		return unresolved;
	}

	private static String readPoms(Path root) {
		StringBuilder text = new StringBuilder();
		try (var files = Files.walk(root)) {
			for (Path pom : files.filter((p) -> p.getFileName().toString().equals("pom.xml")).toList()) {
				text.append(Files.readString(pom, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// nothing to compare with
		}
		return text.toString();
	}

	/** The step's log is kept outside the workspace (which is deleted), and named in the message. */
	private static FiredrillException failure(String message, Path log) {
		Path kept = log;
		try {
			kept = Files.createTempFile("firedrill-resolution-", ".log");
			Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			// name the original
		}
		return new FiredrillException(ExitCode.GRADING, message + " (Maven's output in " + kept + ")");
	}

}
