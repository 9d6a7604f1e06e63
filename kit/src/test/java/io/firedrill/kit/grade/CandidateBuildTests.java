package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.run.BuildLog;
import io.firedrill.kit.grade.run.MavenRun;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.grade.verdict.Evidence;
import io.firedrill.kit.grade.verdict.Verdicts;
import io.firedrill.kit.grade.verdict.VerdictsTests;
import io.firedrill.kit.shop.ShopModules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateBuildTests {

	static final ShopModules.Module ROOT = new ShopModules.Module(".", "com.acme.shop", "acme-shop", "2.4.0", "pom",
			"Acme Shop");

	static final ShopModules.Module SDK = new ShopModules.Module("payment-sdk-v4", "com.acme.payments", "payment-sdk",
			"4.0.0", "jar", "Payment SDK");

	static final ShopModules.Module CHECKOUT = new ShopModules.Module("checkout-service", "com.acme.shop",
			"checkout-service", "2.4.0", "jar", "Checkout Service");

	static final List<ShopModules.Module> MODULES = List.of(ROOT, SDK, CHECKOUT);

	static final MavenRun.Result FINISHED = new MavenRun.Result(1, false, Duration.ofSeconds(30), true);

	@TempDir
	Path root;

	private Path candidate() throws Exception {
		Path candidate = this.root.resolve("candidate");
		Files.createDirectories(candidate.resolve("payment-sdk-v4/target"));
		Files.createFile(candidate.resolve("payment-sdk-v4/target/payment-sdk-4.0.0.jar"));
		Files.createDirectories(candidate.resolve("checkout-service/target"));
		return candidate;
	}

	private List<String> brokenCheckout(Path candidate) {
		return List.of("[INFO] Scanning for projects...",
				"[INFO] ------------------< com.acme.shop:checkout-service >-------------------",
				"[INFO] Building Checkout Service 2.4.0 [3/3]",
				"[INFO] --- maven-compiler-plugin:3.14.1:compile (default-compile) @ checkout-service ---",
				"[INFO] -------------------------------------------------------------",
				"[ERROR] COMPILATION ERROR : ",
				"[INFO] -------------------------------------------------------------",
				"[ERROR] " + candidate + "/checkout-service/src/main/java/com/acme/shop/Checkout.java:[12,5] cannot find symbol",
				"[INFO] 1 error", "[INFO] Reactor Summary for Acme Shop 2.4.0:",
				"[INFO] Acme Shop 2.4.0 .................................... SUCCESS [  0.1 s]",
				"[INFO] Payment SDK 4.0.0 .................................. SUCCESS [  1.0 s]",
				"[INFO] Checkout Service 2.4.0 ............................. FAILURE [  2.0 s]",
				"[INFO] BUILD FAILURE",
				"[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile"
						+ " (default-compile) on project checkout-service: Compilation failure");
	}

	@Test
	void aModuleThatDidNotCompileFailsAndTheCriterionNeedingItIsNotGradedWithItsError() throws Exception {
		Path candidate = candidate();
		CandidateBuild build = new CandidateBuild(MODULES, BuildLog.of(brokenCheckout(candidate)), FINISHED, candidate,
				this.root);

		assertThat(build.moduleStatus()).containsEntry(".", "built").containsEntry("payment-sdk-v4", "built")
			.containsEntry("checkout-service", "failed");
		assertThat(build.build().ok()).isFalse();
		assertThat(build.build().errors())
			.containsExactly("checkout-service/src/main/java/com/acme/shop/Checkout.java:[12,5] cannot find symbol");

		Verdicts.Outcome outcome = build.verdict(VerdictsTests.GATED, SurefireReports.Read.NONE,
				this.root.resolve("grading/flag-gated-backend"), "grading-flag-gated-backend");

		assertThat(outcome.result().graded()).isFalse();
		assertThat(outcome.result().evidence()).extracting(Evidence::message).containsExactly(
				"not graded: checkout-service did not build",
				"checkout-service/src/main/java/com/acme/shop/Checkout.java:[12,5] cannot find symbol");
	}

	@Test
	void aModuleTheReactorCallsSuccessfulWithoutItsJarCountsAsFailed() throws Exception {
		Path candidate = candidate();
		List<String> lines = List.of("[INFO] Scanning for projects...", "[INFO] Reactor Summary for Acme Shop 2.4.0:",
				"[INFO] Acme Shop 2.4.0 .................................... SUCCESS [  0.1 s]",
				"[INFO] Payment SDK 4.0.0 .................................. SUCCESS [  1.0 s]",
				"[INFO] Checkout Service 2.4.0 ............................. SUCCESS [  2.0 s]", "[INFO] BUILD SUCCESS");

		CandidateBuild build = new CandidateBuild(MODULES, BuildLog.of(lines), FINISHED, candidate, this.root);

		assertThat(build.moduleStatus()).containsEntry("payment-sdk-v4", "built")
			.containsEntry("checkout-service", "failed");
	}

	@Test
	void pomsMavenCouldNotReadLeaveEveryModuleNotRunAndNoCriterionGraded() throws Exception {
		Path candidate = candidate();
		List<String> lines = List.of("[INFO] Scanning for projects...",
				"[ERROR] The build could not read 1 project -> [Help 1]", "[ERROR]   ",
				"[ERROR]   The project com.acme.shop:checkout-service:2.4.0 (" + candidate
						+ "/checkout-service/pom.xml) has 1 error",
				"[ERROR]     Non-parseable POM " + candidate + "/checkout-service/pom.xml: end tag expected");

		CandidateBuild build = new CandidateBuild(MODULES, BuildLog.of(lines), FINISHED, candidate, this.root);

		assertThat(build.unreadable()).isTrue();
		assertThat(build.moduleStatus().values()).containsOnly("not-run");
		assertThat(build.build().errors()).singleElement().asString()
			.startsWith("Non-parseable POM checkout-service/pom.xml");
		assertThat(build.verdict(VerdictsTests.GATED, SurefireReports.Read.NONE, this.root.resolve("grading/x"), "x")
			.result().evidence().get(0).message()).isEqualTo("not graded: Maven could not read the candidate's build");
	}

	@Test
	void aSuiteWithReportsIsGradedFromThemWhateverTheBuildSaid() throws Exception {
		Path candidate = candidate();
		CandidateBuild build = new CandidateBuild(MODULES, BuildLog.of(brokenCheckout(candidate)), FINISHED, candidate,
				this.root);
		SurefireReports.Read reports = new SurefireReports.Read(List.of(VerdictsTests.passed(VerdictsTests.NEVER_FAIL),
				VerdictsTests.passed(VerdictsTests.NO_DISCOUNT), VerdictsTests.passed(VerdictsTests.FLAG_OFF)), List.of());

		Verdicts.Outcome outcome = build.verdict(VerdictsTests.GATED, reports, this.root.resolve("grading/x"), "x");

		assertThat(outcome.result().graded()).isTrue();
		assertThat(outcome.result().status()).isEqualTo(Status.PASS);
	}

}
