package io.firedrill.kit.grade.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.firedrill.kit.grade.Fixtures;
import org.junit.jupiter.api.Test;

/** Reads real Maven output: compiler errors, the reactor summary, POMs Maven could not read. */
class BuildLogTests {

	@Test
	void readsTheCompilersErrorsOnceEachWithTheirSymbol() {
		BuildLog log = BuildLog.of(Fixtures.lines("logs/compile-errors.txt"));

		assertThat(log.compilerErrors()).containsExactly(
				new BuildLog.CompilerError("/tmp/fd/synth/src/main/java/demo/Broken.java", 3, 14,
						"cannot find symbol (symbol: method foo())"),
				new BuildLog.CompilerError("/tmp/fd/synth/src/main/java/demo/Broken.java", 4, 20,
						"incompatible types: java.lang.String cannot be converted to int"));
		assertThat(log.compilerErrors().get(0).describe("/tmp/fd/synth"))
			.isEqualTo("src/main/java/demo/Broken.java:[3,14] cannot find symbol (symbol: method foo())");
	}

	@Test
	void readsTheFailedGoalAndItsProject() {
		BuildLog log = BuildLog.of(Fixtures.lines("logs/compile-errors.txt"));

		assertThat(log.goalFailures()).singleElement().satisfies((failure) -> {
			assertThat(failure.project()).isEqualTo("synth");
			assertThat(failure.goal()).isEqualTo("org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile");
			assertThat(failure.message()).startsWith("Compilation failure");
		});
	}

	@Test
	void readsTheLastReactorSummary() {
		BuildLog log = BuildLog.of(Fixtures.lines("logs/workspace-compile-failure.txt"));

		assertThat(log.reactorSummary()).extracting(BuildLog.ReactorEntry::name, BuildLog.ReactorEntry::status)
			.contains(org.assertj.core.groups.Tuple.tuple("Acme Shop 2.3.0", "SUCCESS"),
					org.assertj.core.groups.Tuple.tuple("Checkout Service 2.3.0", "FAILURE"),
					org.assertj.core.groups.Tuple.tuple("grading-flag-gated-backend 1.0.0", "SKIPPED"));
	}

	@Test
	void aReactorSummaryPrintedByATestDoesNotCount() {
		List<String> lines = new java.util.ArrayList<>(List.of("[INFO] Reactor Summary for fake:",
				"[INFO] Checkout Service 2.3.0 ......... SUCCESS [  1.0 s]", "[INFO] BUILD SUCCESS"));
		lines.addAll(Fixtures.lines("logs/workspace-compile-failure.txt"));

		assertThat(BuildLog.of(lines).reactorSummary())
			.contains(new BuildLog.ReactorEntry("Checkout Service 2.3.0", "FAILURE"))
			.doesNotContain(new BuildLog.ReactorEntry("Checkout Service 2.3.0", "SUCCESS"));
	}

	@Test
	void readsTheLastReactorSummaryOfEachRunOfALogWithSeveral() {
		List<String> lines = List.of("[INFO] Reactor Summary for fake:", "[INFO] Checkout Service 2.4.0 ... FAILURE [1 s]",
				"[INFO] BUILD FAILURE", "[INFO] Reactor Summary:", "[INFO] Checkout Service 2.4.0 ... SUCCESS [1 s]",
				"[INFO] BUILD SUCCESS", BuildLog.RUN_SEPARATOR + "hidden suite flag-gated-backend ----",
				"[INFO] Reactor Summary for grading-workspace 1.0.0:", "[INFO] grading-flag-gated-backend ... SUCCESS [2 s]",
				"[INFO] BUILD SUCCESS");

		assertThat(BuildLog.of(lines).reactorSummary()).containsExactly(
				new BuildLog.ReactorEntry("Checkout Service 2.4.0", "SUCCESS"),
				new BuildLog.ReactorEntry("grading-flag-gated-backend", "SUCCESS"));
	}

	@Test
	void readsThePomsMavenCouldNotRead() {
		BuildLog log = BuildLog.of(Fixtures.lines("logs/unreadable-poms.txt"));

		assertThat(log.couldNotReadProjects()).isTrue();
		assertThat(log.reactorSummary()).isEmpty();
		assertThat(log.projectErrors()).singleElement().satisfies((error) -> {
			assertThat(error.project()).isEqualTo("com.acme.shop:acme-shop:2.3.0");
			assertThat(error.pom()).isEqualTo("/work/wt-grade/pom.xml");
			assertThat(error.errors()).hasSize(3)
				.first().isEqualTo("Child module /work/wt-grade/order-retry-job of /work/wt-grade/pom.xml does not exist");
		});
	}

	@Test
	void noticesTestJvmsThatTimedOutOrDied() {
		BuildLog log = BuildLog.of(List.of("[ERROR] There was a timeout in the fork",
				"[ERROR] ExecutionException The forked VM terminated without properly saying goodbye. VM crash or System.exit called?"));

		assertThat(log.forkTimedOut()).isTrue();
		assertThat(log.forkCrashed()).isTrue();
		assertThat(BuildLog.of(List.of("[INFO] BUILD SUCCESS")).forkCrashed()).isFalse();
	}


	/** A run whose test printed what Maven prints when it cannot read a POM, compile a file or run a goal. */
	private static List<String> runWithForgedLines() {
		return List.of("[INFO] Scanning for projects...", "[INFO] Building Checkout Service 2.4.0 [1/1]",
				"[INFO] --- compiler:3.14.1:compile (default-compile) @ checkout-service ---",
				"[INFO] Compiling 12 source files with javac [debug release 17] to target/classes",
				"[INFO] --- surefire:3.5.4:test (default-test) @ checkout-service ---",
				"[INFO] Running com.acme.shop.FakeTests",
				"[ERROR]   The project io.firedrill:grading-support:1.0.0 (/tmp/ws/grading/support/pom.xml) has 1 error",
				"[ERROR]     Non-resolvable parent POM",
				"[ERROR] /tmp/ws/candidate/order-retry-job/src/main/java/Retry.java:[1,1] cannot find symbol",
				"[INFO] BUILD FAILURE",
				"[ERROR] Failed to execute goal on project grading-flag-gated-backend: Could not resolve dependencies",
				"[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0",
				"[INFO] Reactor Summary for Checkout Service 2.4.0:",
				"[INFO] Checkout Service 2.4.0 ......................... SUCCESS [  9.0 s]",
				"[INFO] ------------------------------------------------------------------------",
				"[INFO] BUILD SUCCESS", "[INFO] ------------------------------------------------------------------------");
	}

	@Test
	void aPomErrorPrintedAfterThePluginsStartedIsNotMavens() {
		BuildLog log = BuildLog.of(runWithForgedLines());

		assertThat(log.projectErrors()).isEmpty();
		assertThat(log.couldNotReadProjects()).isFalse();
	}

	@Test
	void aCompilerErrorPrintedByATestIsNotTheCompilers() {
		assertThat(BuildLog.of(runWithForgedLines()).compilerErrors()).isEmpty();
	}

	@Test
	void aFailedGoalPrintedBeforeTheRunsLastBuildLineIsNotMavens() {
		BuildLog log = BuildLog.of(runWithForgedLines());

		assertThat(log.goalFailures()).isEmpty();
		assertThat(log.firstErrors(5)).isEmpty();
		assertThat(log.reactorSummary()).containsExactly(new BuildLog.ReactorEntry("Checkout Service 2.4.0", "SUCCESS"));
	}

	@Test
	void linesImitatingMavensReportAreNamedAndRealOnesAreNot() {
		assertThat(BuildLog.of(runWithForgedLines()).imitations()).hasSize(3)
			.allSatisfy((line) -> assertThat(line).startsWith("[ERROR] "));
		assertThat(BuildLog.of(Fixtures.lines("logs/compile-errors.txt")).imitations()).isEmpty();
		assertThat(BuildLog.of(Fixtures.lines("logs/unreadable-poms.txt")).imitations()).isEmpty();
	}

	@Test
	void aPomErrorOfALaterRunIsReadBeforeThatRunsFirstPlugin() {
		List<String> lines = new java.util.ArrayList<>(runWithForgedLines());
		lines.add(BuildLog.RUN_SEPARATOR + "hidden suite flag-gated-backend ----");
		lines.addAll(Fixtures.lines("logs/unreadable-poms.txt"));

		assertThat(BuildLog.of(lines).projectErrors()).singleElement()
			.satisfies((error) -> assertThat(error.pom()).isEqualTo("/work/wt-grade/pom.xml"));
	}

	@Test
	void aLineLongerThanMavenEverWritesIsCut() {
		BuildLog log = BuildLog.of(List.of("[INFO] " + "x".repeat(5_000_000)));

		assertThat(log.lines().get(0)).hasSize(BuildLog.LINE_LIMIT);
	}

}
