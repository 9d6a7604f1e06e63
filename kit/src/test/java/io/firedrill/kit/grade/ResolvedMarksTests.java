package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trusted resolution step is done once per set of POMs and Maven, across sessions: each session has a workspace
 * of its own (its path written into the suites' POMs), one user repository holds what was downloaded.
 */
class ResolvedMarksTests {

	private static final byte[] MAVEN_3_9_11 = "distributionUrl=.../apache-maven-3.9.11-bin.zip".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	private Path userRepository;

	private Path runs;

	private List<String> maven;

	@BeforeEach
	void fakeMaven() throws IOException {
		this.userRepository = Files.createDirectories(this.dir.resolve("m2/repository"));
		this.runs = this.dir.resolve("runs");
		Path script = this.dir.resolve("mvn");
		// Maven that resolves everything: it only counts its runs
		Files.writeString(script, "#!/bin/sh\necho run >> '" + this.runs + "'\n");
		script.toFile().setExecutable(true);
		this.maven = List.of(script.toString());
	}

	@Test
	void anotherSessionWithTheSamePomsInAnotherWorkspaceRunsNoMaven() throws IOException {
		resolveIn(workspace("session-1", "<version>2.4.0</version>"), MAVEN_3_9_11);
		resolveIn(workspace("session-2", "<version>2.4.0</version>"), MAVEN_3_9_11);

		assertThat(mavenRuns()).isEqualTo(1);
	}

	@Test
	void otherPomsOrAnotherMavenAreResolvedAgain() throws IOException {
		resolveIn(workspace("session-1", "<version>2.4.0</version>"), MAVEN_3_9_11);
		resolveIn(workspace("session-2", "<version>2.4.1</version>"), MAVEN_3_9_11);
		resolveIn(workspace("session-3", "<version>2.4.0</version>"), "apache-maven-3.9.12".getBytes(StandardCharsets.UTF_8));

		assertThat(mavenRuns()).isEqualTo(3);
	}

	@Test
	void marksASessionReliedOnAndForgotAreResolvedAgainByTheNext() throws IOException {
		resolveIn(workspace("session-1", "<version>2.4.0</version>"), MAVEN_3_9_11);
		Resolution second = resolveIn(workspace("session-2", "<version>2.4.0</version>"), MAVEN_3_9_11);
		assertThat(second.skippedLast()).isTrue();

		second.forget();
		resolveIn(workspace("session-3", "<version>2.4.0</version>"), MAVEN_3_9_11);

		assertThat(mavenRuns()).isEqualTo(2);
	}

	@Test
	void aSessionThatResolvedItselfReliedOnNoMark() throws IOException {
		Resolution first = resolveIn(workspace("session-1", "<version>2.4.0</version>"), MAVEN_3_9_11);

		assertThat(first.skippedLast()).isFalse();
	}

	@Test
	void aForgottenResolutionIsDoneAgainInTheSameSession() throws IOException {
		Path workspace = workspace("session-1", "<version>2.4.0</version>");
		Resolution session = resolveIn(workspace, MAVEN_3_9_11);
		session.resolve(Set.of(), Set.of(), null, this.dir.resolve("again.log"));
		assertThat(session.skippedLast()).isTrue();

		session.forget();
		session.resolve(Set.of(), Set.of(), null, this.dir.resolve("after-forget.log"));

		assertThat(session.skippedLast()).isFalse();
		assertThat(mavenRuns()).isEqualTo(2);
	}

	private Resolution resolveIn(Path workspace, byte[] mavenIdentity) {
		Resolution resolution = new Resolution(this.maven, workspace, Duration.ofMinutes(1),
				new ResolvedMarks(this.userRepository, mavenIdentity));
		assertThat(resolution.resolve(Set.of(), Set.of(), null, this.dir.resolve(workspace.getFileName() + ".log")))
			.isEmpty();
		return resolution;
	}

	/** A workspace as a session lays it out: the candidate's POM, and a suite's POM that names the workspace. */
	private Path workspace(String name, String candidateVersion) throws IOException {
		Path root = this.dir.resolve(name);
		Files.createDirectories(root.resolve("candidate"));
		Files.createDirectories(root.resolve("grading/a-suite"));
		Files.writeString(root.resolve("pom.xml"), "<project><modules><module>candidate</module></modules></project>");
		Files.writeString(root.resolve("candidate/pom.xml"), "<project>" + candidateVersion + "</project>");
		Files.writeString(root.resolve("grading/a-suite/pom.xml"),
				"<project><properties><candidate.dir>" + root.resolve("candidate") + "</candidate.dir></properties></project>");
		return root;
	}

	private long mavenRuns() throws IOException {
		return Files.exists(this.runs) ? Files.readAllLines(this.runs).size() : 0;
	}

}
