package io.firedrill.kit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the user's Maven keeps its repository, found as Maven finds it. */
class LocalRepositoryTests {

	@TempDir
	Path home;

	@TempDir
	Path kit;

	@Test
	void withNothingConfiguredItIsTheRepositoryUnderTheUsersM2() {
		assertThat(LocalRepository.locate(Map.of(), this.home, this.kit)).isEqualTo(this.home.resolve(".m2/repository"));
	}

	@Test
	void aPropertyInMavenOptsNamesIt() {
		Path located = LocalRepository.locate(Map.of("MAVEN_OPTS", "-Xmx1g -Dmaven.repo.local=/tmp/cold-repo"),
				this.home, this.kit);

		assertThat(located).isEqualTo(Path.of("/tmp/cold-repo"));
	}

	@Test
	void theCommandLineInMavenArgsWinsOverMavenOpts() {
		Path located = LocalRepository.locate(Map.of("MAVEN_OPTS", "-Dmaven.repo.local=/tmp/from-opts", "MAVEN_ARGS",
				"-B -D maven.repo.local=/tmp/from-args"), this.home, this.kit);

		assertThat(located).isEqualTo(Path.of("/tmp/from-args"));
	}

	@Test
	void theKitsMavenConfigCountsAsCommandLine() throws Exception {
		Files.createDirectories(this.kit.resolve(".mvn"));
		Files.writeString(this.kit.resolve(".mvn/maven.config"), "-Dmaven.repo.local=/tmp/from-config\n");

		Path located = LocalRepository.locate(Map.of("MAVEN_OPTS", "-Dmaven.repo.local=/tmp/from-opts"), this.home,
				this.kit);

		assertThat(located).isEqualTo(Path.of("/tmp/from-config"));
	}

	@Test
	void theUserSettingsLocalRepositoryIsExpandedWithTheUsersHomeAndEnvironment() throws Exception {
		Files.createDirectories(this.home.resolve(".m2"));
		Files.writeString(this.home.resolve(".m2/settings.xml"), """
				<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
				  <localRepository>${user.home}/${env.REPO_NAME}</localRepository>
				</settings>
				""");

		Path located = LocalRepository.locate(Map.of("REPO_NAME", "maven-cache"), this.home, this.kit);

		assertThat(located).isEqualTo(this.home.resolve("maven-cache"));
	}

	@Test
	void aSettingsFileGivenWithDashSInMavenArgsIsReadInsteadOfTheUsers() throws Exception {
		Path settings = this.kit.resolve("ci-settings.xml");
		Files.writeString(settings, "<settings><localRepository>/srv/m2</localRepository></settings>");
		Files.createDirectories(this.home.resolve(".m2"));
		Files.writeString(this.home.resolve(".m2/settings.xml"),
				"<settings><localRepository>/not/this/one</localRepository></settings>");

		Path located = LocalRepository.locate(Map.of("MAVEN_ARGS", "-s '" + settings + "'"), this.home, this.kit);

		assertThat(located).isEqualTo(Path.of("/srv/m2"));
	}

	@Test
	void theGlobalSettingsOfMavenHomeAreTheLastPlaceLooked() throws Exception {
		Path mavenHome = this.kit.resolve("maven");
		Files.createDirectories(mavenHome.resolve("conf"));
		Files.writeString(mavenHome.resolve("conf/settings.xml"),
				"<settings><localRepository>/opt/shared-m2</localRepository></settings>");

		Path located = LocalRepository.locate(Map.of("MAVEN_HOME", mavenHome.toString()), this.home, this.kit);

		assertThat(located).isEqualTo(Path.of("/opt/shared-m2"));
	}

	@Test
	void aBrokenSettingsFileIsPassedOverForMavenToReport() throws Exception {
		Files.createDirectories(this.home.resolve(".m2"));
		Files.writeString(this.home.resolve(".m2/settings.xml"), "<settings><localRepository>");

		assertThat(LocalRepository.locate(Map.of(), this.home, this.kit)).isEqualTo(this.home.resolve(".m2/repository"));
	}

	@Test
	void optionStringsSplitOnWhitespaceAndKeepQuotedSpaces() {
		assertThat(LocalRepository.words("  -B  -Dmaven.repo.local=\"/tmp/my repo\" 'a b'c "))
			.containsExactly("-B", "-Dmaven.repo.local=/tmp/my repo", "a bc");
	}

	@Test
	void anArtifactsFileFollowsTheRepositoryLayout() {
		assertThat(LocalRepository.artifact(Path.of("/r"), "com.acme.payments", "payment-sdk", "4.0.0"))
			.isEqualTo(Path.of("/r/com/acme/payments/payment-sdk/4.0.0/payment-sdk-4.0.0.jar"));
	}

}
