package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrillIn;
import static io.firedrill.kit.support.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import io.firedrill.kit.support.ReadOnlyFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Input the grader cannot use: one line on stderr, exit 3, and nothing written anywhere. */
class GradeCommandTests {

	@TempDir
	static Path shared;

	static FakeClone fixture;

	static Path candidate;

	@TempDir
	Path cwd;

	@BeforeAll
	static void exportACandidate() {
		fixture = FakeClone.create(shared.resolve("fixture"));
		candidate = shared.resolve("alice");
		Run run = firedrillIn(fixture.root(), shared, "export", FakeClone.UNGATED, "--out", candidate.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
	}

	@Test
	void aFolderThatIsNotARepositoryExitsThree() throws IOException {
		Path plain = Files.createDirectories(this.cwd.resolve("plain"));

		Run run = grade(FakeClone.UNGATED, plain.toString());

		assertInputError(run, "firedrill: " + plain + " is not a git repository");
		assertThat(this.cwd).isDirectoryContaining((path) -> path.getFileName().toString().equals("plain"));
		assertThat(plain).isEmptyDirectory();
	}

	@Test
	void aCorruptBundleExitsThree() throws IOException {
		Path bundle = this.cwd.resolve("alice.bundle");
		git(candidate, "bundle", "create", bundle.toString(), "--all");
		byte[] bytes = Files.readAllBytes(bundle);
		Files.write(bundle, Arrays.copyOf(bytes, bytes.length - 40));

		Run run = grade(FakeClone.UNGATED, bundle.toString());

		assertInputError(run, "firedrill: the bundle " + bundle + " is corrupt");
	}

	@Test
	void refNamesFromABundleNeverReachTheTerminalAsEscapeSequences() throws IOException {
		// git itself refuses such a name, but a bundle's header is text a candidate can write by hand
		Path bundle = this.cwd.resolve("alice.bundle");
		git(candidate, "bundle", "create", bundle.toString(), "main");
		byte[] bytes = Files.readAllBytes(bundle);
		String header = new String(bytes, 0, indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII)) + 2,
				StandardCharsets.UTF_8);
		String evil = header.replace("refs/heads/main", "refs/heads/\u001b]0;pwned\u0007\u001b[2Jmain");
		Path crafted = this.cwd.resolve("crafted.bundle");
		try (var out = Files.newOutputStream(crafted)) {
			out.write(evil.getBytes(StandardCharsets.UTF_8));
			out.write(bytes, header.getBytes(StandardCharsets.UTF_8).length,
					bytes.length - header.getBytes(StandardCharsets.UTF_8).length);
		}

		Run run = grade(FakeClone.UNGATED, crafted.toString(), "--ref", "nope");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().contains("refs/heads/\\u001b]0;pwned\\u0007\\u001b[2Jmain");
		assertThat(run.err() + run.out()).doesNotContain("\u001b", "\u0007");
	}

	@Test
	void aCandidatePathWithAnEscapeSequenceIsPrintedEscaped() throws IOException {
		Path named = this.cwd.resolve("alice\u001b[2J");
		git(this.cwd, "clone", "-q", candidate.toString(), named.toString());

		Run run = grade(FakeClone.UNGATED, named.toString());

		// the fixture has no hidden suites, so grading stops after the first line; that line names the candidate
		assertThat(run.out()).contains("(HEAD of " + this.cwd + "/alice\\u001b[2J)");
		assertThat(run.err() + run.out()).doesNotContain("\u001b");
		assertThat(grade(FakeClone.UNGATED, this.cwd.resolve("missing\u001b[2J").toString()).errLines())
			.containsExactly("firedrill: " + this.cwd + "/missing\\u001b[2J does not exist");
	}

	@Test
	void anUnknownIncidentExitsThree() {
		Run run = grade("nope", candidate.toString());

		assertInputError(run, "firedrill: unknown incident 'nope'");
	}

	@Test
	void anUnknownRefExitsThree() {
		Run run = grade(FakeClone.UNGATED, candidate.toString(), "--ref", "no-such-branch");

		assertInputError(run, "firedrill: unknown ref 'no-such-branch' in " + candidate);
	}

	@Test
	void aCandidateThatDoesNotExistExitsThree() {
		Run run = grade(FakeClone.UNGATED, this.cwd.resolve("missing").toString());

		assertInputError(run, "firedrill: " + this.cwd.resolve("missing") + " does not exist");
	}

	@Test
	void anOutputFolderThatIsNotEmptyExitsThreeAndIsLeftAlone() throws IOException {
		Path out = Files.createDirectories(this.cwd.resolve("card"));
		Files.writeString(out.resolve("mine.txt"), "mine\n");

		Run run = firedrillIn(fixture.root(), this.cwd, "grade", FakeClone.UNGATED, candidate.toString(), "--out",
				out.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).containsExactly("firedrill: output directory " + out
				+ " is not empty (use --out, or --force to replace it)");
		assertThat(out).isDirectoryContaining((path) -> path.getFileName().toString().equals("mine.txt"));
		try (var files = Files.list(this.cwd)) {
			assertThat(files).containsExactly(out);
		}
	}

	@Test
	void anOutputFolderThatCannotBeWrittenExitsThreeBeforeGrading() {
		Path readOnly = ReadOnlyFolder.in(this.cwd);
		Path out = readOnly.resolve("firedrill-scorecards").resolve("card");

		Run run = grade(FakeClone.UNGATED, candidate.toString(), "--out", out.toString());

		// refused before the run, not after minutes of grading, and as bad input rather than a crash
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString()
			.startsWith("firedrill: cannot write " + out + ": " + readOnly + " is not writable (");
		assertThat(run.out()).isEmpty();
		assertThat(readOnly.resolve("firedrill-scorecards")).doesNotExist();
	}

	@Test
	void proveRefusesAMismatchesFolderThatCannotBeWrittenBeforeProving() {
		Path readOnly = ReadOnlyFolder.in(this.cwd);
		Path keep = readOnly.resolve("firedrill-kept");

		// an unknown incident would be refused too, later: the folder is checked first, before any work
		Run run = firedrillIn(fixture.root(), this.cwd, "prove", "nope", "--mismatches", keep.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: cannot write " + keep + ": ");
	}

	@Test
	void theGradingCommandsShareOneTimeoutAndOneKeepFlag() {
		CommandLine root = FiredrillCommand.commandLine(io.firedrill.kit.Workspace.fromSystem());
		for (String command : List.of("grade", "cohort", "demo", "prove", "check-incident")) {
			assertThat(root.getSubcommands().get(command).getCommandSpec().findOption("--timeout").description())
				.as(command)
				.containsExactly("Bound of each grading run (one submission's build and suites), e.g. 20m, 1h (default: 20m).");
		}
		for (String command : List.of("grade", "prove", "guardrails", "rollback-check")) {
			CommandLine.Model.OptionSpec keep = root.getSubcommands().get(command).getCommandSpec().findOption("--keep");
			assertThat(keep.arity().max()).as(command).isZero();
			assertThat(keep.description()).as(command)
				.containsExactly("Keep the work folders (checkouts, workspaces, builds, logs, databases) and print where.");
		}
	}

	@Test
	void aTimeoutThatIsNotADurationIsAUsageError() {
		Run run = grade(FakeClone.UNGATED, candidate.toString(), "--timeout", "soon");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString().contains("'soon' is not a duration");
		assertThat(this.cwd).isEmptyDirectory();
	}

	@Test
	void durationsAreWrittenAsPeopleWriteThem() {
		assertThat(DurationConverter.parse("20m")).hasMinutes(20);
		assertThat(DurationConverter.parse("1h30m")).hasMinutes(90);
		assertThat(DurationConverter.parse("90s")).hasSeconds(90);
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		for (int i = 0; i + part.length <= bytes.length; i++) {
			if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		throw new AssertionError("not found");
	}

	private Run grade(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "grade";
		System.arraycopy(args, 0, all, 1, args.length);
		return firedrillIn(fixture.root(), this.cwd, all);
	}

	private void assertInputError(Run run, String line) {
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith(line);
		assertThat(run.out()).isEmpty();
		assertThat(this.cwd.resolve("scorecards")).doesNotExist();
		try (var files = Files.list(this.cwd)) {
			assertThat(files).allMatch((path) -> !path.getFileName().toString().startsWith("."));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
