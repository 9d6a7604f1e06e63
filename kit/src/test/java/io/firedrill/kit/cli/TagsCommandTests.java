package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrill;
import static io.firedrill.kit.support.Cli.firedrillIn;
import static io.firedrill.kit.support.GitCli.git;
import static io.firedrill.kit.support.GitCli.gitLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagsCommandTests {

	@TempDir
	static Path dir;

	static FakeClone fixture;

	@TempDir
	Path work;

	/** A clone of the fixture: the tags are written there, never into the fixture itself. */
	Path repo;

	@BeforeAll
	static void createFixture() {
		fixture = FakeClone.create(dir);
	}

	@BeforeEach
	void cloneFixture() {
		git(this.work, "clone", "-q", fixture.root().toString(), "repo");
		this.repo = this.work.resolve("repo");
	}

	@Test
	void createsTheReleaseAndIncidentTags() {
		Run run = tags("--repo", this.repo.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(gitLines(this.repo, "tag", "-l")).containsExactly("incident/not-null-migration",
				"incident/release-2.4.0", "incident/ungated-discount", "v2.3.0", "v2.4.0");
		assertThat(run.outLines()).hasSize(5).allMatch((line) -> line.startsWith("created"));
		assertThat(git(this.repo, "rev-parse", "v2.4.0^{commit}"))
			.isEqualTo(git(this.repo, "rev-parse", "incident/release-2.4.0"));
		assertThat(gitLines(this.repo, "log", "--format=%s", "incident/ungated-discount"))
			.containsExactly(FakeClone.UNGATED_SUBJECT, "Release 2.3.0");
		assertThat(git(this.repo, "for-each-ref", "--format=%(objecttype) %(refname:short)", "refs/tags"))
			.contains("tag v2.3.0", "tag v2.4.0", "commit incident/ungated-discount");
	}

	@Test
	void rerunningKeepsEveryTagAndWritesNothing() throws IOException {
		tags("--repo", this.repo.toString());
		String refs = git(this.repo, "show-ref");
		List<String> objects = objectFiles();

		Run again = tags("--repo", this.repo.toString());

		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.outLines()).hasSize(5).allMatch((line) -> line.startsWith("kept"));
		assertThat(git(this.repo, "show-ref")).isEqualTo(refs);
		assertThat(objectFiles()).isEqualTo(objects);
	}

	@Test
	void theIncidentTagsAreTheCommitsAnExportHas() {
		tags("--repo", this.repo.toString());
		Path candidate = this.work.resolve("candidate");
		firedrill(fixture.root(), "export", FakeClone.RELEASE, "--out", candidate.toString());

		for (String tag : List.of("v2.3.0", "v2.4.0", "incident/release-2.4.0")) {
			assertThat(git(this.repo, "rev-parse", tag)).as(tag).isEqualTo(git(candidate, "rev-parse", tag));
		}
	}

	@Test
	void aTagPointingElsewhereIsAnErrorWithoutForceAndNothingChanges() {
		git(this.repo, "tag", "incident/ungated-discount", "HEAD");
		String head = git(this.repo, "rev-parse", "HEAD");

		Run run = tags("--repo", this.repo.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString()
			.startsWith("firedrill: tag incident/ungated-discount points to " + head.substring(0, 10))
			.endsWith("rerun with --force to move it");
		assertThat(gitLines(this.repo, "tag", "-l")).containsExactly("incident/ungated-discount");
		assertThat(git(this.repo, "rev-parse", "incident/ungated-discount")).isEqualTo(head);
	}

	@Test
	void forceMovesATagPointingElsewhere() {
		git(this.repo, "tag", "incident/ungated-discount", "HEAD");

		Run run = tags("--repo", this.repo.toString(), "--force");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).containsPattern("moved\\s+incident/ungated-discount\\s+\\w{10} \\(was \\w{10}\\)");
		assertThat(gitLines(this.repo, "log", "--format=%s", "incident/ungated-discount"))
			.containsExactly(FakeClone.UNGATED_SUBJECT, "Release 2.3.0");
	}

	@Test
	void writesIntoTheKitsOwnCloneEvenWhenRunFromInsideAnotherRepository() throws IOException {
		// the clone of the fixture is the kit's home here; the current directory is in somebody else's repository
		Path other = Files.createDirectories(this.work.resolve("other"));
		git(other, "init", "-q");
		Path subdirectory = Files.createDirectories(other.resolve("src"));

		Run run = firedrillIn(this.repo, subdirectory, "tags");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(gitLines(this.repo, "tag", "-l")).contains("v2.3.0", "incident/ungated-discount");
		assertThat(gitLines(other, "tag", "-l")).isEmpty();
	}

	@Test
	void theTagsGoToTheKitsCloneUnlessRepoNamesAnother() throws IOException {
		Path other = Files.createDirectories(this.work.resolve("other"));
		git(other, "init", "-q");
		Path inside = Files.createDirectories(other.resolve("src"));

		assertThat(TagsCommand.targetGitDir(this.repo, inside, null).toPath()).isEqualTo(this.repo.resolve(".git"));
		assertThat(TagsCommand.targetGitDir(this.repo, inside, Path.of(".."))).isEqualTo(other.resolve(".git").toFile());
	}

	@Test
	void aCurrentDirectoryOutsideAnyRepositoryStillWritesIntoTheKitsClone() throws IOException {
		Path plain = Files.createDirectories(this.work.resolve("plain"));

		Run run = firedrillIn(this.repo, plain, "tags");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(gitLines(this.repo, "tag", "-l")).contains("v2.3.0");
		assertThat(plain).isEmptyDirectory();
	}

	@Test
	void aDirectoryThatIsNotARepositoryExitsThree() throws IOException {
		Path plain = Files.createDirectories(this.work.resolve("plain"));

		Run run = tags("--repo", plain.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).containsExactly("firedrill: " + plain + " is not a git repository");
		assertThat(plain).isEmptyDirectory();
	}

	private Run tags(String... args) {
		String[] command = new String[args.length + 1];
		command[0] = "tags";
		System.arraycopy(args, 0, command, 1, args.length);
		return firedrill(fixture.root(), command);
	}

	private List<String> objectFiles() throws IOException {
		try (Stream<Path> files = Files.walk(this.repo.resolve(".git/objects"))) {
			return files.map(Path::toString).sorted().toList();
		}
	}

}
