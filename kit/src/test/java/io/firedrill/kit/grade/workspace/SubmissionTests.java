package io.firedrill.kit.grade.workspace;

import static io.firedrill.kit.support.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.catalog.Fix;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTests {

	@TempDir
	Path dir;

	Path candidate;

	@BeforeEach
	void candidateWithTwoCommits() throws IOException {
		this.candidate = Files.createDirectories(this.dir.resolve("alice"));
		git(this.candidate, "init", "-q");
		Files.writeString(this.candidate.resolve("pom.xml"), "<project/>\n");
		git(this.candidate, "add", "-A");
		git(this.candidate, "commit", "-q", "-m", "Release 2.3.0");
		git(this.candidate, "tag", "v2.3.0");
		Files.writeString(this.candidate.resolve("Fix.java"), "class Fix {}\n");
		git(this.candidate, "add", "-A");
		git(this.candidate, "commit", "-q", "-m", "Fix forward");
	}

	@Test
	void gradesTheHeadCommitAndNamesWhatIsNotCommitted() throws IOException {
		Files.writeString(this.candidate.resolve("Fix.java"), "class Fix { /* not committed */ }\n");
		Files.writeString(this.candidate.resolve("notes.txt"), "todo\n");

		Submission submission = Submission.open(this.candidate, null);

		assertThat(submission.commit().name()).isEqualTo(git(this.candidate, "rev-parse", "HEAD").trim());
		assertThat(submission.ref()).isEqualTo("HEAD");
		assertThat(submission.isBundle()).isFalse();
		assertThat(submission.uncommitted()).containsExactly("Fix.java", "notes.txt");
	}

	@Test
	void gradesANamedRef() {
		assertThat(Submission.open(this.candidate, "v2.3.0").commit().name())
			.isEqualTo(git(this.candidate, "rev-parse", "v2.3.0^{commit}").trim());
		assertThat(Submission.open(this.candidate, "HEAD~1").commit().name())
			.isEqualTo(git(this.candidate, "rev-parse", "HEAD~1").trim());
	}

	@Test
	void anUnknownRefIsAnInputError() {
		assertInput(() -> Submission.open(this.candidate, "nope"), "unknown ref 'nope' in " + this.candidate);
	}

	@Test
	void aFolderThatIsNotARepositoryIsAnInputError() throws IOException {
		Path plain = Files.createDirectories(this.dir.resolve("plain"));

		assertInput(() -> Submission.open(plain, null), plain + " is not a git repository");
	}

	@Test
	void aRepositoryWithoutCommitIsAnInputError() throws IOException {
		Path empty = Files.createDirectories(this.dir.resolve("empty"));
		git(empty, "init", "-q");

		assertInput(() -> Submission.open(empty, null), empty + " has no commit to grade");
	}

	@Test
	void openingAndFetchingNeverWritesToTheCandidatesRepository() throws Exception {
		Files.writeString(this.candidate.resolve("notes.txt"), "todo\n");
		Map<String, String> before = digests(this.candidate);

		Submission submission = Submission.open(this.candidate, null);
		try (Git target = Git.init().setDirectory(this.dir.resolve("workspace").toFile()).call()) {
			submission.fetchInto(target.getRepository());
			try (RevWalk walk = new RevWalk(target.getRepository())) {
				assertThat(walk.parseCommit(submission.commit()).getShortMessage()).isEqualTo("Fix forward");
			}
		}

		assertThat(digests(this.candidate)).isEqualTo(before);
	}

	@Test
	void aShallowCloneIsFetchedWithTheTreeOfItsCommit() throws Exception {
		// a candidate may hand in `git clone --depth 1`: the grader needs only the graded commit's tree
		Path shallow = this.dir.resolve("shallow");
		git(this.dir, "clone", "-q", "--depth", "1", this.candidate.toUri().toString(), shallow.toString());
		assertThat(shallow.resolve(".git/shallow")).exists();

		Submission submission = Submission.open(shallow, null);

		assertThat(submission.shallow()).isTrue();
		try (Git target = Git.init().setDirectory(this.dir.resolve("workspace").toFile()).call()) {
			submission.fetchInto(target.getRepository());
			try (RevWalk walk = new RevWalk(target.getRepository())) {
				assertThat(walk.parseCommit(submission.commit()).getShortMessage()).isEqualTo("Fix forward");
			}
			assertThat(target.getRepository().open(
					target.getRepository().resolve(submission.commit().name() + ":Fix.java")).getBytes())
				.asString().isEqualTo("class Fix {}\n");
		}
	}

	@Test
	void aBundleIsGradedAtItsHead() {
		Path bundle = this.dir.resolve("alice.bundle");
		git(this.candidate, "bundle", "create", bundle.toString(), "--all");

		Submission submission = Submission.open(bundle, null);

		assertThat(submission.isBundle()).isTrue();
		assertThat(submission.ref()).isEqualTo("HEAD");
		assertThat(submission.commit().name()).isEqualTo(git(this.candidate, "rev-parse", "HEAD").trim());
		assertThat(submission.uncommitted()).isEmpty();
	}

	@Test
	void aBundleWithoutHeadIsGradedAtItsOnlyBranch() throws Exception {
		Path bundle = this.dir.resolve("main.bundle");
		String branch = git(this.candidate, "symbolic-ref", "--short", "HEAD").trim();
		git(this.candidate, "bundle", "create", bundle.toString(), branch);

		Submission submission = Submission.open(bundle, null);

		assertThat(submission.ref()).isEqualTo("refs/heads/" + branch);
		try (Git target = Git.init().setDirectory(this.dir.resolve("workspace").toFile()).call()) {
			submission.fetchInto(target.getRepository());
		}
	}

	@Test
	void aCorruptBundleIsAnInputError() throws IOException {
		Path bundle = this.dir.resolve("alice.bundle");
		git(this.candidate, "bundle", "create", bundle.toString(), "--all");
		byte[] bytes = Files.readAllBytes(bundle);
		Path truncated = this.dir.resolve("truncated.bundle");
		Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 40));

		assertInput(() -> Submission.open(truncated, null), "the bundle " + truncated + " is corrupt");
	}

	@Test
	void aFileThatIsNeitherIsAnInputError() throws IOException {
		Path file = Files.writeString(this.dir.resolve("alice.zip"), "PK not a bundle");

		assertInput(() -> Submission.open(file, null), file + " is neither a git repository nor a git bundle");
		assertInput(() -> Submission.open(this.dir.resolve("missing"), null), this.dir.resolve("missing") + " does not exist");
	}

	private static void assertInput(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
		assertThatExceptionOfType(FiredrillException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
			.withMessageStartingWith(message);
	}

	private static Map<String, String> digests(Path root) throws IOException, NoSuchAlgorithmException {
		Map<String, String> digests = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				digests.put(root.relativize(file).toString() + " " + Files.getLastModifiedTime(file),
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
			}
		}
		return digests;
	}


}
