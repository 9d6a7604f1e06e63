package io.firedrill.kit.grade;

import static io.firedrill.kit.support.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.firedrill.kit.grade.run.BuildLog;
import io.firedrill.kit.grade.run.MavenRun;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.verdict.Severity;
import io.firedrill.kit.grade.workspace.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFindingsTests {

	static final GradingSession.Settings SETTINGS = new GradingSession.Settings(List.of("mvn"), Duration.ofMinutes(10),
			false);

	@Test
	void aQuietSealedRunHasNothingToSay() {
		MavenRun.Result run = new MavenRun.Result(0, false, Duration.ofSeconds(40), true);

		assertThat(RunFindings.ofRuns(run, BuildLog.of(List.of("[INFO] BUILD SUCCESS")), SETTINGS,
				UnaryOperator.identity())).isEmpty();
	}

	@Test
	void aRunThatTimedOutWithTheNetworkSaysBothInTheScorecardsOrder() {
		MavenRun.Result run = new MavenRun.Result(143, true, Duration.ofMinutes(10), false);

		assertThat(RunFindings.ofRuns(run, BuildLog.of(List.of()), SETTINGS, UnaryOperator.identity()))
			.extracting(Finding::code).containsExactly("network-not-isolated", "timeout");
		assertThat(RunFindings.ofRuns(run, BuildLog.of(List.of()), SETTINGS, UnaryOperator.identity()).get(1).message())
			.contains("bound of 10m00s");
	}

	@Test
	void theChangedPathsAreTheOnesThatDifferOrAppearedSorted() {
		Map<String, String> before = new LinkedHashMap<>(Map.of("b", "1", "a", "1", "gone", "1"));
		Map<String, String> after = Map.of("a", "2", "b", "1", "new", "1");

		assertThat(RunFindings.changed(before, after)).isEqualTo("a, gone, new");
	}

	@Test
	void aLongListShowsItsFirstTenThenAnEllipsis() {
		List<String> values = java.util.stream.IntStream.range(0, 12).mapToObj(Integer::toString).toList();

		assertThat(RunFindings.list(values)).isEqualTo("0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …");
		assertThat(RunFindings.list(List.of("one"))).isEqualTo("one");
	}

	@Test
	void symbolicLinksAreNamedWithTheirTargets() {
		assertThat(RunFindings.symbolicLinks(Map.of())).isEmpty();
		assertThat(RunFindings.symbolicLinks(Map.of("grading", "/etc"))).hasValueSatisfying((finding) -> {
			assertThat(finding.code()).isEqualTo("symbolic-link");
			assertThat(finding.message()).contains("1 symbolic link was committed", "grading -> /etc");
		});
	}

	@Test
	void aShallowCloneIsGradedWithAnInfoFindingAndAFullCloneWithout(@TempDir Path dir) throws IOException {
		Path candidate = candidateWithTwoCommits(dir);
		Path shallow = dir.resolve("shallow");
		git(dir, "clone", "-q", "--depth", "1", candidate.toUri().toString(), shallow.toString());

		assertThat(RunFindings.shallow(Submission.open(shallow, null))).hasValueSatisfying((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.code()).isEqualTo("shallow-clone");
		});
		// a full clone's scorecard stays as it was
		assertThat(RunFindings.shallow(Submission.open(candidate, null))).isEmpty();
	}

	/** The candidate of {@code SubmissionTests}: a release commit, its tag, and a fix on top. */
	private static Path candidateWithTwoCommits(Path dir) throws IOException {
		Path candidate = Files.createDirectories(dir.resolve("alice"));
		git(candidate, "init", "-q");
		Files.writeString(candidate.resolve("pom.xml"), "<project/>\n");
		git(candidate, "add", "-A");
		git(candidate, "commit", "-q", "-m", "Release 2.3.0");
		git(candidate, "tag", "v2.3.0");
		Files.writeString(candidate.resolve("Fix.java"), "class Fix {}\n");
		git(candidate, "add", "-A");
		git(candidate, "commit", "-q", "-m", "Fix forward");
		return candidate;
	}

}
