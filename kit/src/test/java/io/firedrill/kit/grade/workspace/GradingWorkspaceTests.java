package io.firedrill.kit.grade.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.shop.ShopModules;
import io.firedrill.kit.support.GitCli;
import io.firedrill.kit.support.RealClone;

class GradingWorkspaceTests {

	static final String POM = """
			<project>
			    <properties>
			        <java.version>17</java.version>
			        <!-- Set by the grader. -->
			        <shop.version>2.3.0</shop.version>
			        <shop.sdk.version>3.1.0</shop.sdk.version>
			    </properties>
			    <dependencies><dependency><version>${shop.version}</version></dependency></dependencies>
			</project>
			""";

	@Test
	void setsAPropertysDefaultInThePomsText() {
		String pom = GradingWorkspace.setProperty(POM, "shop.sdk.version", "4.0.0");

		assertThat(pom).contains("<shop.sdk.version>4.0.0</shop.sdk.version>", "<shop.version>2.3.0</shop.version>",
				"<version>${shop.version}</version>", "<!-- Set by the grader. -->");
	}

	@Test
	void leavesAPropertyThePomDoesNotDeclareAlone() {
		assertThat(GradingWorkspace.setProperty(POM, "candidate.dir", "/tmp/x")).isEqualTo(POM);
	}

	@Test
	void escapesAValueForXml() {
		assertThat(GradingWorkspace.setProperty(POM, "shop.version", "1<2&3")).contains("<shop.version>1&lt;2&amp;3</shop.version>");
	}

	@Test
	void theAggregatorListsTheCandidateAndTheGradingModulesAndNothingOfTheCandidatesBuild() throws IOException {
		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.writeAggregator(List.of("support", "flag-gated-backend"));

			String pom = Files.readString(workspace.root().resolve("pom.xml"));
			assertThat(pom).contains("<module>candidate</module>", "<module>grading/support</module>",
					"<module>grading/flag-gated-backend</module>", "<packaging>pom</packaging>")
				.doesNotContain("<parent>");
			assertThat(workspace.root().resolve(".mvn")).isDirectoryContaining("glob:**/jvm.config");
			assertThat(workspace.root().resolve(".mvn/jvm.config")).hasContent(GradingWorkspace.SHORT_LIVED_JVM_OPTIONS);
		}
	}

	@Test
	void whatABuildWroteAmongTheGradersFilesIsNamedAndThenPutBack() throws IOException {
		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.removeSuites();
			assertThat(workspace.graderFilesWritten()).isEmpty();
			Path planted = workspace.module("flag-gated-backend").resolve("src/test/java/FlagOffTests.java");
			Files.createDirectories(planted.getParent());
			Files.writeString(planted, "class FlagOffTests { }");
			Files.writeString(workspace.root().resolve(".mvn/maven.config"), "-Dplanted=true");
			Files.writeString(workspace.root().resolve(".mvn/jvm.config"), "-javaagent:/tmp/agent.jar");

			assertThat(workspace.graderFilesWritten()).containsExactly(".mvn/jvm.config", ".mvn/maven.config",
					"grading/flag-gated-backend/src/test/java/FlagOffTests.java");

			workspace.removeSuites();
			workspace.resetMavenConfig();
			assertThat(workspace.graderFilesWritten()).isEmpty();
			assertThat(workspace.root().resolve(".mvn/jvm.config")).hasContent(GradingWorkspace.SHORT_LIVED_JVM_OPTIONS);
		}
	}

	@Test
	void anEmptyFolderLeftWhereTheSuitesGoIsAWriteToo() throws IOException {
		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.removeSuites();
			Files.createDirectories(workspace.module("support"));

			assertThat(workspace.graderFilesWritten()).containsExactly("grading/");
		}
	}

	@Test
	void aSuiteIsCopiedAfreshOverWhateverIsInItsPlace() throws IOException {
		try (KitClone kit = RealClone.open(); GradingWorkspace workspace = GradingWorkspace.create(false)) {
			assertThat(workspace.copyModule(kit, "support")).isTrue();
			Path pom = workspace.module("support").resolve("pom.xml");
			String pristine = Files.readString(pom);
			Path planted = workspace.module("support").resolve("src/main/java/Planted.java");
			Files.writeString(planted, "class Planted { }");
			Files.writeString(pom, "<project/>");

			assertThat(workspace.copyModule(kit, "support")).isTrue();

			assertThat(planted).doesNotExist();
			assertThat(pom).hasContent(pristine);
		}
	}

	@Test
	void theFingerprintSeesAChangedHiddenTestButNotTheBuildOutput() throws IOException {
		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.writeAggregator(List.of());
			java.nio.file.Path test = workspace.module("flag-gated-backend").resolve("src/test/java/FlagTests.java");
			Files.createDirectories(test.getParent());
			Files.writeString(test, "class FlagTests {}");
			Map<String, String> before = workspace.fingerprint();

			Files.createDirectories(workspace.module("flag-gated-backend").resolve("target"));
			Files.writeString(workspace.module("flag-gated-backend").resolve("target/out.txt"), "built");
			assertThat(workspace.fingerprint()).isEqualTo(before);

			Files.writeString(test, "class FlagTests { /* always passes */ }");
			assertThat(workspace.fingerprint()).isNotEqualTo(before);
		}
	}

	@Test
	void aCommittedSymbolicLinkIsCheckedOutAsAPlainFileAndCleaningNeverReachesItsTarget(@TempDir Path dir) throws IOException {
		Path outside = Files.createDirectories(dir.resolve("outside/surefire-reports"));
		Path precious = Files.writeString(dir.resolve("outside/precious.jar"), "not the grader's");
		Path repository = Files.createDirectories(dir.resolve("submission/order-retry-job"));
		Files.writeString(repository.resolve("pom.xml"), "<project/>");
		Files.createSymbolicLink(repository.resolve("target"), outside.getParent());
		commitAll(dir.resolve("submission"));

		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			Submission submission = Submission.open(dir.resolve("submission"), null);
			workspace.checkout(submission);
			workspace.cleanOutputs(List.of(JOB), List.of());

			assertThat(workspace.candidate().resolve("order-retry-job/target")).isRegularFile()
				.hasContent(outside.getParent().toString());
			assertThat(workspace.symbolicLinks(submission.commit()))
				.containsExactly(Map.entry("order-retry-job/target", outside.getParent().toString()));
		}
		assertThat(precious).exists();
		assertThat(outside).isDirectory();
	}

	@Test
	void aLinkTheBuildLeftInPlaceOfTargetIsRemovedWithoutTouchingWhatItPointsTo(@TempDir Path dir) throws IOException {
		Path outside = Files.createDirectories(dir.resolve("outside/surefire-reports"));
		Path precious = Files.writeString(dir.resolve("outside/precious.jar"), "not the grader's");
		Files.createDirectories(dir.resolve("submission/order-retry-job"));
		Files.writeString(dir.resolve("submission/order-retry-job/pom.xml"), "<project/>");
		commitAll(dir.resolve("submission"));

		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.checkout(Submission.open(dir.resolve("submission"), null));
			Path target = workspace.candidate().resolve("order-retry-job/target");
			Files.createSymbolicLink(target, outside.getParent());

			workspace.cleanOutputs(List.of(JOB), List.of());

			assertThat(target).doesNotExist();
		}
		assertThat(precious).exists();
		assertThat(outside).isDirectory();
	}

	@Test
	void aReusedWorkspaceChecksOutACommittedLinkWhereTheLastBuildLeftAFolder(@TempDir Path dir) throws IOException {
		Files.createDirectories(dir.resolve("submission/order-retry-job"));
		Files.writeString(dir.resolve("submission/order-retry-job/pom.xml"), "<project/>");
		commitAll(dir.resolve("submission"));

		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.checkout(Submission.open(dir.resolve("submission"), null));
			Files.writeString(Files.createDirectories(workspace.candidate().resolve("order-retry-job/target/classes"))
				.resolve("Job.class"), "built");
			Files.createSymbolicLink(dir.resolve("submission/order-retry-job/target"), dir.resolve("elsewhere"));
			GitCli.git(dir.resolve("submission"), "add", "-A");
			GitCli.git(dir.resolve("submission"), "-c", "user.name=Candidate", "-c", "user.email=candidate@example.com",
					"commit", "-qm", "Link");

			workspace.checkout(Submission.open(dir.resolve("submission"), null));

			assertThat(workspace.candidate().resolve("order-retry-job/target")).isRegularFile()
				.hasContent(dir.resolve("elsewhere").toString());
		}
	}

	private static final ShopModules.Module JOB = new ShopModules.Module("order-retry-job", "com.acme.shop",
			"order-retry-job", "2.4.0", "jar", null);

	private static void commitAll(Path repository) {
		GitCli.git(repository, "init", "-q");
		GitCli.git(repository, "add", "-A");
		GitCli.git(repository, "-c", "user.name=Candidate", "-c", "user.email=candidate@example.com", "commit", "-qm",
				"Submission");
	}

	@Test
	void theFingerprintSeesAJarAddedToTheRepositoryTheSuitesReadTheCandidateFrom() throws IOException {
		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.writeAggregator(List.of());
			Path repository = workspace.freshRepository(GradingWorkspace.SUITES_REPOSITORY);
			Map<String, String> before = workspace.fingerprint();

			Path fake = repository.resolve("org/junit/jupiter/junit-jupiter-api/6.0.3/junit-jupiter-api-6.0.3.jar");
			Files.createDirectories(fake.getParent());
			Files.writeString(fake, "a JUnit that always passes");

			assertThat(workspace.fingerprint()).isNotEqualTo(before)
				.containsKey("repository/suites/org/junit/jupiter/junit-jupiter-api/6.0.3/junit-jupiter-api-6.0.3.jar");
		}
	}

	@Test
	void closingDeletesTheWorkspaceUnlessKept() {
		java.nio.file.Path root;
		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			root = workspace.root();
		}
		assertThat(root).doesNotExist();
		try (GradingWorkspace workspace = GradingWorkspace.create(true)) {
			root = workspace.root();
		}
		assertThat(root).isDirectory();
		Folders.deleteQuietly(root);
	}

	@Test
	void aReusedWorkspaceDropsTheOutputOfTheModulesTheNextCommitChanged(@TempDir Path dir) throws IOException {
		Path shop = shopWithAFix(dir, "checkout/src/main/java/A.java", Map.of("pom.xml",
				"<project><artifactId>shop</artifactId><version>1</version><modules><module>sdk</module>"
						+ "<module>checkout</module></modules></project>",
				"sdk/pom.xml", "<project><artifactId>sdk</artifactId><version>1</version></project>",
				"checkout/pom.xml", "<project><artifactId>checkout</artifactId><version>1</version></project>"));

		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.checkout(Submission.open(shop, "HEAD~1"));
			List<ShopModules.Module> modules = ShopModules.read(workspace.candidate());
			for (String module : List.of("sdk", "checkout")) {
				write(workspace.candidate(), module + "/target/classes/stale.txt", "from the previous submission");
			}
			write(workspace.module("suite"), "target/test-classes/T.class", "old");

			workspace.checkout(Submission.open(shop, "HEAD"));
			workspace.removeStaleOutput(modules, List.of("suite"));

			assertThat(workspace.candidate().resolve("sdk/target/classes/stale.txt")).exists();
			assertThat(workspace.candidate().resolve("checkout/target")).doesNotExist();
			assertThat(workspace.module("suite").resolve("target")).doesNotExist();
			assertThat(workspace.candidate().resolve("checkout/src/main/java/A.java")).content().contains("fixed");
		}
	}

	@Test
	void aShallowCloneIsCheckedOutAtItsCommit(@TempDir Path dir) throws IOException {
		Path shop = shopWithAFix(dir, "src/main/java/A.java",
				Map.of("pom.xml", "<project><artifactId>shop</artifactId><version>1</version></project>"));
		Path shallow = dir.resolve("shallow");
		GitCli.git(dir, "clone", "-q", "--depth", "1", shop.toUri().toString(), shallow.toString());

		try (GradingWorkspace workspace = GradingWorkspace.create(false)) {
			workspace.checkout(Submission.open(shallow, null));

			assertThat(workspace.candidate().resolve("src/main/java/A.java")).content().contains("fixed");
		}
	}

	/** A repository at {@code dir/shop}: {@code files} and {@code source}, then a second commit that fixes the source. */
	private static Path shopWithAFix(Path dir, String source, Map<String, String> files) throws IOException {
		Path shop = Files.createDirectories(dir.resolve("shop"));
		GitCli.git(shop, "init", "-q");
		for (Map.Entry<String, String> file : files.entrySet()) {
			write(shop, file.getKey(), file.getValue());
		}
		write(shop, source, "class A {}");
		GitCli.git(shop, "add", "-A");
		GitCli.git(shop, "commit", "-q", "-m", "one");
		write(shop, source, "class A { int fixed; }");
		GitCli.git(shop, "commit", "-q", "-am", "two");
		return shop;
	}

	private static void write(Path dir, String path, String content) throws IOException {
		Path file = dir.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
