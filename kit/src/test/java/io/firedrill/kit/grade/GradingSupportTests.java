package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingSupportTests {

	static final String JAR = "io/firedrill/grading/grading-support/1.0.0/grading-support-1.0.0.jar";

	static final String POM = "io/firedrill/grading/grading-support/1.0.0/grading-support-1.0.0.pom";

	static final List<String> HELPERS = List.of("io/firedrill/grading/grading-support");

	@TempDir
	Path dir;

	@Test
	void holdsWhatTheHelpersBuildInstalledAndWritesItBackAsBuilt() throws IOException {
		GradingSupport support = built();

		Path repository = this.dir.resolve("suites");
		support.install(repository);

		assertThat(support.paths()).containsExactly(JAR, POM);
		assertThat(repository.resolve(JAR)).hasContent("built classes");
		assertThat(repository.resolve(POM)).hasContent("<project/>");
	}

	@Test
	void keepsNothingOnDiskThatALaterRunCouldChange() throws IOException {
		Path built = this.dir.resolve("built");
		write(built.resolve(JAR), "built classes");
		GradingSupport support = GradingSupport.read(built, HELPERS).orElseThrow();

		Files.writeString(built.resolve(JAR), "classes the candidate's code planted");
		Path repository = this.dir.resolve("suites");
		support.install(repository);

		assertThat(repository.resolve(JAR)).hasContent("built classes");
	}

	@Test
	void replacesWhatAnEarlierSuiteRunWroteInItsFolders() throws IOException {
		GradingSupport support = built();
		Path repository = this.dir.resolve("suites");
		write(repository.resolve(JAR), "a jar rewritten by the previous suite's run");
		Path planted = repository.resolve("io/firedrill/grading/grading-support/1.0.0/grading-support-1.0.0-tests.jar");
		write(planted, "an extra jar");
		Path candidates = repository.resolve("com/acme/shop/checkout-service/2.4.0/checkout-service-2.4.0.jar");
		write(candidates, "the candidate's module");

		support.install(repository);

		assertThat(repository.resolve(JAR)).hasContent("built classes");
		assertThat(planted).doesNotExist();
		assertThat(candidates).hasContent("the candidate's module");
	}

	@Test
	void removesALinkOnTheWayToItsFoldersWithoutTouchingWhereItPoints() throws IOException {
		GradingSupport support = built();
		Path repository = this.dir.resolve("suites");
		Path elsewhere = this.dir.resolve("elsewhere");
		Path outside = elsewhere.resolve("grading-support/1.0.0/grading-support-1.0.0.jar");
		write(outside, "a file of the user's, outside the workspace");
		Files.createDirectories(repository.resolve("io/firedrill"));
		Files.createSymbolicLink(repository.resolve("io/firedrill/grading"), elsewhere);

		support.install(repository);

		assertThat(outside).hasContent("a file of the user's, outside the workspace");
		assertThat(repository.resolve("io/firedrill/grading")).isDirectory();
		assertThat(Files.isSymbolicLink(repository.resolve("io/firedrill/grading"))).isFalse();
		assertThat(repository.resolve(JAR)).hasContent("built classes");
	}

	@Test
	void aBuildThatInstalledNothingIsNoSupport() throws IOException {
		Files.createDirectories(this.dir.resolve("empty"));

		assertThat(GradingSupport.read(this.dir.resolve("empty"), HELPERS)).isEmpty();
		assertThat(GradingSupport.read(this.dir.resolve("absent"), HELPERS)).isEmpty();
	}

	@Test
	void takesTheHelpersVersionFoldersOnly() throws IOException {
		Path built = this.dir.resolve("built");
		write(built.resolve(JAR), "built classes");
		write(built.resolve("io/firedrill/grading/grading-support/maven-metadata-local.xml"), "<metadata/>");
		write(built.resolve("io/firedrill/grading/grading-workspace/1.0.0/grading-workspace-1.0.0.pom"), "<project/>");

		GradingSupport support = GradingSupport.read(built, HELPERS).orElseThrow();
		Path repository = this.dir.resolve("suites");
		support.install(repository);

		assertThat(support.paths()).containsExactly(JAR);
		assertThat(repository.resolve(JAR)).hasContent("built classes");
	}

	private GradingSupport built() throws IOException {
		Path built = this.dir.resolve("built");
		write(built.resolve(JAR), "built classes");
		write(built.resolve(POM), "<project/>");
		write(built.resolve("io/firedrill/grading/grading-support/maven-metadata-local.xml"), "<metadata/>");
		return GradingSupport.read(built, HELPERS).orElseThrow();
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
