package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrill;
import static io.firedrill.kit.support.GitCli.git;
import static io.firedrill.kit.support.GitCli.gitLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import io.firedrill.kit.support.ReadOnlyFolder;
import io.firedrill.kit.support.FakeClone.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTests {

	@TempDir
	static Path dir;

	static FakeClone fixture;

	/** The ungated-discount candidate, exported once for the tests that only read it. */
	static Path ungated;

	@TempDir
	Path out;

	@BeforeAll
	static void exportOnce() {
		fixture = FakeClone.create(dir.resolve("fixture"));
		ungated = dir.resolve("candidates/ungated");
		Run run = firedrill(fixture.root(), "export", FakeClone.UNGATED, "--out", ungated.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
	}

	@Test
	void writesTheReleaseThenOneCommitPerPrThenTheBriefOnMain() {
		assertThat(gitLines(ungated, "log", "--format=%s", "main")).containsExactly("Add on-call brief",
				FakeClone.UNGATED_SUBJECT, "Release 2.3.0");
		assertThat(git(ungated, "symbolic-ref", "HEAD").trim()).isEqualTo("refs/heads/main");
		assertThat(git(ungated, "rev-parse", "v2.3.0^{commit}")).isEqualTo(git(ungated, "rev-parse", "main~2"));
		assertThat(git(ungated, "rev-parse", "incident/ungated-discount")).isEqualTo(git(ungated, "rev-parse", "main~1"));
		assertThat(gitLines(ungated, "tag", "-l")).containsExactly("incident/ungated-discount", "v2.3.0");
		assertThat(git(ungated, "cat-file", "-t", "v2.3.0").trim()).isEqualTo("tag");
	}

	@Test
	void takesAuthorDateAndMessageOfEachPrFromItsPatch() {
		assertThat(git(ungated, "log", "-1", "--format=%an <%ae> %aI|%cn <%ce> %cI", "main~1").trim())
			.isEqualTo(FakeClone.UNGATED_AUTHOR + " <dana@acme.example> 2026-11-02T13:12:00+01:00|"
					+ FakeClone.UNGATED_AUTHOR + " <dana@acme.example> 2026-11-02T13:12:00+01:00");
		assertThat(git(ungated, "log", "-1", "--format=%B", "main~1").trim())
			.isEqualTo(FakeClone.UNGATED_SUBJECT + "\n\n" + FakeClone.UNGATED_BODY);
		assertThat(git(ungated, "log", "-1", "--format=%an <%ae> %aI", "main~2").trim())
			.isEqualTo("Acme Release Engineering <release@acme.example> 2026-11-02T09:00:00+00:00");
		assertThat(git(ungated, "log", "-1", "--format=%an <%ae> %aI", "main").trim())
			.isEqualTo("Acme On-Call <oncall@acme.example> 2026-11-02T19:12:00+01:00");
	}

	@Test
	void aPrCommitIsTheOneGitAmMakesFromThePatch() {
		git(this.out, "clone", "-q", ungated.toString(), "am");
		Path am = this.out.resolve("am");
		git(am, "checkout", "-q", "v2.3.0");

		git(Map.of("GIT_COMMITTER_NAME", FakeClone.UNGATED_AUTHOR, "GIT_COMMITTER_EMAIL", "dana@acme.example"), am,
				"am", "-q", "--committer-date-is-author-date", fixture.root()
					.resolve("incidents/ungated-discount/patches/" + FakeClone.UNGATED_PATCH)
					.toString());

		assertThat(git(am, "rev-parse", "HEAD")).isEqualTo(git(ungated, "rev-parse", "incident/ungated-discount"));
	}

	@Test
	void theWorkTreeIsTheLastCommitWithTheBrief() throws IOException {
		assertThat(git(ungated, "status", "--porcelain")).isEmpty();
		assertThat(Files.readString(ungated.resolve("BRIEF.md"))).isEqualTo(fixture.brief(FakeClone.UNGATED));
		assertThat(Files.readString(ungated.resolve("README.md"))).isEqualTo(FakeClone.CANDIDATE_README);
		assertThat(Files.readString(ungated.resolve(FakeClone.CHECKOUT_SERVICE)))
			.contains("discounts.validate(request.discountCode())", "payments.charge(total.minus(discount));");
		assertThat(ungated.resolve("mvnw")).isExecutable();
		assertThat(git(ungated, "ls-files", "-s", "mvnw")).startsWith("100755");
	}

	@Test
	void holdsNothingOfTheKit() throws IOException {
		List<String> everyPath = gitLines(ungated, "log", "--all", "--format=", "--name-only");
		assertThat(everyPath).isNotEmpty()
			.noneMatch((path) -> path.startsWith("incidents/") || path.startsWith("kit/")
					|| path.startsWith("grading/") || path.startsWith(".ci/") || path.equals("scenarios.md")
					|| path.equals("firedrill"));
		for (String commit : gitLines(ungated, "rev-list", "--all")) {
			assertThat(git(ungated, "show", commit + ":pom.xml")).doesNotContainIgnoringCase("firedrill")
				.contains("<module>checkout-service</module>");
		}
		assertThat(git(ungated, "remote")).isEmpty();
		assertThat(Files.readString(ungated.resolve(".git/config"))).doesNotContain("remote")
			.doesNotContainIgnoringCase("firedrill");
		try (Stream<Path> files = Files.walk(ungated)) {
			assertThat(files.filter(Files::isRegularFile).map((path) -> ungated.relativize(path).toString()))
				.noneMatch((path) -> path.contains("firedrill") || path.startsWith(".git/logs/"));
		}
	}

	@Test
	void buildsTheReleaseFromTheCommittedTreeOnly() {
		assertThat(ungated.resolve(FakeClone.UNCOMMITTED_FILE)).doesNotExist();
		assertThat(gitLines(ungated, "ls-tree", "-r", "--name-only", "v2.3.0")).containsExactlyInAnyOrder(".gitignore",
				".mvn/wrapper/maven-wrapper.properties", "README.md", "checkout-service/src/main/java/com/acme/shop/checkout/CheckoutService.java",
				"checkout-service/src/main/resources/db/changelog/db.changelog-master.yaml", "mvnw", "mvnw.cmd",
				"payment-sdk-v3/pom.xml", "payment-sdk-v3/src/main/java/com/acme/payments/PaymentClient.java", "pom.xml");
	}

	@Test
	void exportingTwiceGivesTheSameIds() {
		Run run = firedrill(fixture.root(), "export", FakeClone.UNGATED, "--out", this.out.resolve("again").toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(git(this.out.resolve("again"), "show-ref", "--head")).isEqualTo(git(ungated, "show-ref", "--head"));
	}

	@Test
	void theReleaseIncidentIsAlsoTaggedAsTheRelease() {
		Path release = this.out.resolve("release");
		Run run = firedrill(fixture.root(), "export", FakeClone.RELEASE, "--out", release.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(gitLines(release, "tag", "-l")).containsExactly("incident/release-2.4.0", "v2.3.0", "v2.4.0");
		assertThat(git(release, "rev-parse", "v2.4.0^{commit}")).isEqualTo(git(release, "rev-parse", "incident/release-2.4.0"));
		assertThat(gitLines(release, "log", "--format=%s", "v2.4.0")).containsExactly("Release 2.4.0",
				FakeClone.MIGRATION_SUBJECT, FakeClone.UNGATED_SUBJECT, "Release 2.3.0");
		assertThat(git(release, "describe", "main").trim()).startsWith("v2.4.0-1-g");
		// the PR commits are the same as in the single-PR incident: a bisect in one is a bisect in the other
		assertThat(git(release, "rev-parse", "v2.4.0~2")).isEqualTo(git(ungated, "rev-parse", "incident/ungated-discount"));
		// release engineering set the version the day after the last PR
		assertThat(git(release, "log", "-1", "--format=%an %aI", "v2.4.0").trim())
			.isEqualTo("Acme Release Engineering 2026-11-03T13:40:00+01:00");
		assertThat(git(release, "show", "v2.4.0:pom.xml")).contains("<version>2.4.0</version>")
			.doesNotContain("<version>2.3.0</version>");
	}

	@Test
	void aBundleCanBeClonedAndHasTheTags() {
		Path bundle = this.out.resolve("alice.bundle");
		Run run = firedrill(fixture.root(), "export", FakeClone.UNGATED, "--out", this.out.resolve("alice").toString(),
				"--bundle", bundle.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("bundle " + bundle);

		git(this.out, "clone", "-q", bundle.toString(), "from-bundle");
		Path cloned = this.out.resolve("from-bundle");
		assertThat(gitLines(cloned, "tag", "-l")).containsExactly("incident/ungated-discount", "v2.3.0");
		assertThat(git(cloned, "rev-parse", "HEAD")).isEqualTo(git(ungated, "rev-parse", "main"));
		assertThat(git(cloned, "rev-parse", "--abbrev-ref", "HEAD").trim()).isEqualTo("main");
		assertThat(cloned.resolve("BRIEF.md")).exists();
	}

	@Test
	void fillsAnEmptyOutputDirectory() throws IOException {
		Path empty = Files.createDirectories(this.out.resolve("empty"));

		Run run = firedrill(fixture.root(), "export", FakeClone.MIGRATION, "--out", empty.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(empty.resolve("BRIEF.md")).exists();
		assertThat(this.out).isDirectoryNotContaining((path) -> path.getFileName().toString().startsWith("."));
	}

	@Test
	void anUnknownIncidentExitsThreeWithOneLine() {
		Run run = firedrill(fixture.root(), "export", "nope", "--out", this.out.resolve("nope").toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: unknown incident 'nope'");
		assertThat(this.out).isEmptyDirectory();
	}

	@Test
	void aNonEmptyOutputDirectoryExitsThreeAndWritesNothing() throws IOException {
		Path taken = Files.createDirectories(this.out.resolve("taken"));
		Files.writeString(taken.resolve("notes.txt"), "mine\n");

		Run run = firedrill(fixture.root(), "export", FakeClone.UNGATED, "--out", taken.toString(), "--bundle",
				this.out.resolve("taken.bundle").toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).containsExactly("firedrill: output directory " + taken + " is not empty");
		assertThat(taken).isDirectoryContaining((path) -> path.endsWith("notes.txt"));
		try (Stream<Path> files = Files.list(this.out)) {
			assertThat(files).containsExactly(taken);
		}
		try (Stream<Path> files = Files.list(taken)) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void anOutputInAFolderThatCannotBeWrittenExitsThreeWithOneLine() {
		Path readOnly = ReadOnlyFolder.in(this.out);
		Path target = readOnly.resolve("firedrill-export").resolve("candidate");

		Run run = firedrill(fixture.root(), "export", FakeClone.UNGATED, "--out", target.toString());

		// not an internal error: the user chose the folder, and can choose another
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString()
			.startsWith("firedrill: cannot write " + target + ": " + readOnly + " is not writable (");
		assertThat(readOnly.resolve("firedrill-export")).doesNotExist();
	}

	@Test
	void aBundleInAFolderThatCannotBeWrittenExitsThreeAndWritesNothing() {
		Path readOnly = ReadOnlyFolder.in(this.out);
		Path bundle = readOnly.resolve("firedrill-export.bundle");
		Path candidate = this.out.resolve("candidate");

		Run run = firedrill(fixture.root(), "export", FakeClone.UNGATED, "--out", candidate.toString(), "--bundle",
				bundle.toString());

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: cannot write " + bundle + ": ");
		assertThat(candidate).doesNotExist();
		assertThat(bundle).doesNotExist();
	}

	@Test
	void aPatchThatNoLongerAppliesExitsFiveNamingIncidentPatchAndFileAndWritesNothing(@TempDir Path other) {
		FakeClone stale = FakeClone.create(other, Variant.STALE_SHOP);

		Run run = firedrill(stale.root(), "export", FakeClone.UNGATED, "--out", this.out.resolve("stale").toString(),
				"--bundle", this.out.resolve("stale.bundle").toString());

		assertThat(run.exitCode()).isEqualTo(5);
		assertThat(run.errLines()).containsExactly("firedrill: incident ungated-discount: patch "
				+ FakeClone.UNGATED_PATCH + " no longer applies to " + FakeClone.CHECKOUT_SERVICE + " (hunk 2)");
		assertThat(this.out).isEmptyDirectory();
	}

	@Test
	void withoutOutItIsAUsageError() {
		Run run = firedrill(fixture.root(), "export", FakeClone.UNGATED);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).singleElement().asString().startsWith("firedrill: Missing required option")
			.endsWith("(see 'firedrill export --help')");
	}

}
