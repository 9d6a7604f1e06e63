package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.grade.run.BuildLog;
import org.junit.jupiter.api.Test;

/** How the resolution step reads Maven's answers, and what it lets Maven see of the candidate's POMs. */
class ResolutionTests {

	private static final Set<String> REACTOR = Set.of("com.acme.shop:checkout-service", "com.acme.payments:payment-sdk",
			"io.firedrill.grading:grading-support");

	@Test
	void anArtifactTheRepositoryDoesNotHaveIsReportedAsNotFoundThere() {
		List<Resolution.Unresolved> unresolved = Resolution.parse("checkout-service", "The following artifacts could"
				+ " not be resolved: org.nonexistent:nothing-here:jar:9.9.9 (absent): Could not find artifact"
				+ " org.nonexistent:nothing-here:jar:9.9.9 in central (https://repo.maven.apache.org/maven2) -> [Help 1]",
				REACTOR);

		assertThat(unresolved).singleElement().satisfies((problem) -> {
			assertThat(problem.unreachable()).isFalse();
			assertThat(problem.describe()).isEqualTo(
					"org.nonexistent:nothing-here:jar:9.9.9 is not in central (https://repo.maven.apache.org/maven2)");
		});
	}

	@Test
	void aRepositoryThatCannotBeReachedIsReportedWithTheTransfersCause() {
		List<Resolution.Unresolved> unresolved = Resolution.parse("grading-flag-gated-backend", "Failed to collect"
				+ " dependencies at joda-time:joda-time:jar:2.12.7: Failed to read artifact descriptor for"
				+ " joda-time:joda-time:jar:2.12.7: The following artifacts could not be resolved:"
				+ " joda-time:joda-time:pom:2.12.7 (absent): Could not transfer artifact joda-time:joda-time:pom:2.12.7"
				+ " from/to central (https://repo.maven.apache.org/maven2): repo.maven.apache.org: Temporary failure in"
				+ " name resolution -> [Help 1]", REACTOR);

		assertThat(unresolved).singleElement().satisfies((problem) -> {
			assertThat(problem.unreachable()).isTrue();
			assertThat(problem.describe()).isEqualTo("joda-time:joda-time:jar:2.12.7 could not be downloaded from central"
					+ " (https://repo.maven.apache.org/maven2): repo.maven.apache.org: Temporary failure in name resolution");
		});
	}

	@Test
	void theReactorsOwnModulesAreNeverReportedSinceTheRunBuildsThem() {
		List<Resolution.Unresolved> unresolved = Resolution.parse("grading-flag-gated-backend", "The following"
				+ " artifacts could not be resolved: com.acme.payments:payment-sdk:jar:4.0.0 (absent),"
				+ " com.acme.shop:checkout-service:jar:2.4.0 (absent), io.firedrill.grading:grading-support:jar:1.0.0"
				+ " (absent): com.acme.payments:payment-sdk:jar:4.0.0 was not found in"
				+ " https://repo.maven.apache.org/maven2 during a previous attempt.", REACTOR);

		assertThat(unresolved).isEmpty();
	}

	@Test
	void aFailureWithItsCauseOnTheNextLineIsReadWhole() {
		BuildLog log = BuildLog.of(List.of("[ERROR] Failed to execute goal"
				+ " org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline (default-cli) on project y:"
				+ " Execution default-cli of goal go-offline failed: Plugin"
				+ " org.apache.maven.plugins:maven-dependency-plugin:3.9.0 or one of its dependencies could not be"
				+ " resolved:", "[ERROR] \tFailed to read artifact descriptor for org.apache.commons:commons-text:jar:1.12.0",
				"[ERROR] -> [Help 1]"));

		assertThat(Resolution.unresolved(log, Path.of("/ws/resolution/candidate"), REACTOR)).singleElement()
			.satisfies((problem) -> {
				assertThat(problem.project()).isEqualTo("y");
				assertThat(problem.artifact()).isEqualTo("org.apache.commons:commons-text:jar:1.12.0");
			});
	}

	@Test
	void aPomMavenCouldNotReadIsTheCandidatesWhenItLiesInTheCandidatesTree() {
		BuildLog log = BuildLog.of(List.of("[ERROR] The build could not read 1 project -> [Help 1]", "[ERROR]   ",
				"[ERROR]   The project com.acme.shop:acme-shop:2.4.0 (/ws/resolution/candidate/pom.xml) has 1 error",
				"[ERROR]     Non-resolvable parent POM for com.acme.shop:acme-shop:2.4.0: The following artifacts could"
						+ " not be resolved: org.springframework.boot:spring-boot-starter-parent:pom:9.9.9 (absent): Could"
						+ " not find artifact org.springframework.boot:spring-boot-starter-parent:pom:9.9.9 in central"
						+ " (https://repo.maven.apache.org/maven2) and 'parent.relativePath' points at no local POM"));

		assertThat(Resolution.unresolved(log, Path.of("/ws/resolution/candidate"), REACTOR)).singleElement()
			.satisfies((problem) -> {
				assertThat(problem.project()).isEqualTo("com.acme.shop:acme-shop:2.4.0");
				assertThat(problem.artifact()).isEqualTo("org.springframework.boot:spring-boot-starter-parent:pom:9.9.9");
				assertThat(problem.unreachable()).isFalse();
			});
	}

	@Test
	void theCandidatesBuildExtensionsNeverReachTheOnlineStep() {
		byte[] pom = """
				<project>
				  <build>
				    <extensions>
				      <extension><groupId>evil</groupId><artifactId>phone-home</artifactId><version>1</version></extension>
				    </extensions>
				    <plugins>
				      <plugin>
				        <groupId>evil</groupId><artifactId>lifecycle-hook</artifactId><version>1</version>
				        <extensions>true</extensions>
				      </plugin>
				    </plugins>
				  </build>
				  <profiles><profile><id>p</id><build><extensions><extension><groupId>evil</groupId>
				    <artifactId>in-a-profile</artifactId><version>1</version></extension></extensions></build></profile></profiles>
				</project>
				""".getBytes(StandardCharsets.UTF_8);

		String kept = new String(Resolution.withoutExtensions(pom).orElseThrow(), StandardCharsets.UTF_8);

		assertThat(kept).doesNotContain("<extensions>", "phone-home", "in-a-profile")
			.contains("<artifactId>lifecycle-hook</artifactId>");
	}

	@Test
	void aPomThatIsNotWellFormedIsLeftOutOfTheOnlineStep() {
		assertThat(Resolution.withoutExtensions("<project><build>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(Resolution.withoutExtensions(("<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM"
				+ " \"file:///etc/passwd\">]><project>&x;</project>").getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	@Test
	void aMavenOlderThan39IsRefusedByName() {
		assertThatThrownBy(() -> Resolution.checkMavenVersion(List.of("\u001B[1mApache Maven 3.8.7\u001B[m",
				"Maven home: /usr/share/maven"), Path.of("probe.log")))
			.isInstanceOf(FiredrillException.class)
			.hasMessageContaining("grading needs Maven 3.9 or newer")
			.hasMessageContaining("Apache Maven 3.8.7");
		Resolution.checkMavenVersion(List.of("Apache Maven 3.9.11 (3e54c93a704957b63ee3494413a2b544fd3d825b)"),
				Path.of("probe.log"));
	}

	@Test
	void theProbeInheritsTheHiddenSuitesParentWithoutItsRelativePath() {
		String parent = Resolution.parentOf("""
				<project>
				    <parent>
				        <groupId>org.springframework.boot</groupId>
				        <artifactId>spring-boot-starter-parent</artifactId>
				        <version>4.0.7</version>
				        <relativePath>../somewhere</relativePath>
				    </parent>
				    <artifactId>grading-support</artifactId>
				</project>
				""".getBytes(StandardCharsets.UTF_8));

		String probe = Resolution.probePom(parent);

		assertThat(probe).contains("<version>4.0.7</version>", "<relativePath/>", "maven-failsafe-plugin")
			.doesNotContain("../somewhere");
	}

}
