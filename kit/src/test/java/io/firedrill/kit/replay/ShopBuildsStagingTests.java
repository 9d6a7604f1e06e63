package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopBuildsStagingTests {

	@TempDir
	Path source;

	@TempDir
	Path staged;

	@Test
	void everyModuleThatBuiltARunnableJarIsStagedANewJobIncluded() throws IOException {
		shop();
		module("payment-sdk-v3", false, null);
		module("checkout-service", false, "checkout-service-2.3.0-exec.jar");
		module("loyalty-points-job", true, "loyalty-points-job-2.3.0-exec.jar");

		ShopBuilds.stageRunnableJars(this.source, this.staged);

		try (var files = Files.list(this.staged)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("checkout-service.jar", "loyalty-points-job.jar");
		}
	}

	@Test
	void aJobWithoutARunnableJarFailsTheBuild() throws IOException {
		shop();
		module("payment-sdk-v3", false, null);
		module("checkout-service", false, "checkout-service-2.3.0-exec.jar");
		module("loyalty-points-job", true, null);

		assertThatThrownBy(() -> ShopBuilds.stageRunnableJars(this.source, this.staged)).isInstanceOf(IOException.class)
			.hasMessageContaining("for the job loyalty-points-job");
	}

	@Test
	void aStoryMayScheduleOnlyJobsTheReleaseHas() throws IOException {
		shop();
		module("checkout-service", false, "checkout-service-2.3.0-exec.jar");
		module("loyalty-points-job", true, "loyalty-points-job-2.3.0-exec.jar");
		ShopBuilds.stageRunnableJars(this.source, this.staged);
		ShopBuilds.Build build = new ShopBuilds.Build(this.staged, "tree", "3.1.0", true, java.time.Duration.ZERO);

		assertThat(build.hasJob("loyalty-points-job")).as("what live mode asks before a scheduled run").isTrue();
		assertThat(build.hasJob("order-retry-job")).isFalse();
		Replay.requireJob(build, "v2.6.0", "loyalty-points-job");
		assertThatThrownBy(() -> Replay.requireJob(build, "v2.6.0", "order-retry-job"))
			.isInstanceOf(io.firedrill.kit.FiredrillException.class)
			.hasMessage("the replay story schedules order-retry-job, but v2.6.0 has no such job (no runnable module"
					+ " order-retry-job that handles --run-once)");
	}

	private void shop() throws IOException {
		Files.writeString(this.source.resolve("pom.xml"), """
				<project><groupId>com.acme.shop</groupId><artifactId>acme-shop</artifactId><version>2.3.0</version>
				  <modules><module>payment-sdk-v3</module><module>checkout-service</module><module>loyalty-points-job</module></modules>
				</project>
				""");
	}

	private void module(String name, boolean job, String execJar) throws IOException {
		Path dir = Files.createDirectories(this.source.resolve(name));
		Files.writeString(dir.resolve("pom.xml"), "<project><artifactId>" + name + "</artifactId></project>");
		Path code = Files.createDirectories(dir.resolve("src/main/java/com/acme"));
		Files.writeString(code.resolve("App.java"), job ? "class App { String once = \"--run-once\"; }" : "class App {}");
		Path target = Files.createDirectories(dir.resolve("target"));
		Files.writeString(target.resolve(name + "-2.3.0.jar"), "plain");
		if (execJar != null) {
			Files.writeString(target.resolve(execJar), "runnable");
		}
	}

}
