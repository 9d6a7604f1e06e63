package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
			assertThat(workspace.root().resolve(".mvn")).isEmptyDirectory();
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

}
