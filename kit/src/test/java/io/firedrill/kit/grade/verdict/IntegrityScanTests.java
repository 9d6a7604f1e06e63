package io.firedrill.kit.grade.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.firedrill.kit.catalog.Fix;
import io.firedrill.kit.grade.workspace.SourceTree;

import org.junit.jupiter.api.Test;

/** The scan of the candidate's tree before anything runs, on small fixture trees. */
class IntegrityScanTests {

	static final String CHECKOUT = "checkout-service/src/main/java/com/acme/shop/checkout/CheckoutService.java";

	static final String POM = """
			<project xmlns="http://maven.apache.org/POM/4.0.0">
			    <modelVersion>4.0.0</modelVersion>
			    <artifactId>checkout-service</artifactId>
			    <build>
			        <plugins>
			            <plugin>
			                <groupId>org.apache.maven.plugins</groupId>
			                <artifactId>maven-failsafe-plugin</artifactId>
			            </plugin>
			        </plugins>
			    </build>
			</project>
			""";

	final Map<String, byte[]> candidate = new LinkedHashMap<>();

	final Map<String, byte[]> baseline = new LinkedHashMap<>();

	IntegrityScanTests() {
		put(this.candidate, CHECKOUT, "package com.acme.shop.checkout;\n\npublic class CheckoutService {\n}\n");
		put(this.candidate, "checkout-service/pom.xml", POM);
		put(this.baseline, "checkout-service/pom.xml", POM);
	}

	@Test
	void aCleanTreeHasNoFinding() {
		assertThat(scan()).isEmpty();
	}

	@Test
	void aClassInJUnitsPackageInMainSourcesVoidsTheCriteria() {
		put(this.candidate, "checkout-service/src/main/java/org/junit/jupiter/api/Assertions.java",
				"// looks harmless\npackage org.junit.jupiter.api;\n\npublic class Assertions {\n}\n");

		assertThat(scan()).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(finding.code()).isEqualTo("shadows-test-library");
			assertThat(finding.message()).startsWith("checkout-service/src/main/java/org/junit/jupiter/api/Assertions.java"
					+ " declares a class in package org.junit.jupiter.api, which belongs to JUnit");
		});
	}

	@Test
	void aClassInTheGradersPackageIsCaughtWhateverItsFolder() {
		put(this.candidate, "checkout-service/src/main/java/com/acme/Sneaky.java",
				"package io.firedrill.grading.support;\npublic class RunningShop {}\n");

		assertThat(scan()).extracting(Finding::severity, Finding::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "shadows-test-library"));
		assertThat(scan().get(0).message()).contains("the grader");
	}

	@Test
	void inTestSourcesItOnlyTouchesTheCandidatesOwnTests() {
		put(this.candidate, "checkout-service/src/test/java/org/assertj/core/api/Assertions.java",
				"package org.assertj.core.api;\npublic class Assertions {}\n");

		assertThat(scan()).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.message()).contains("AssertJ", "own tests");
		});
	}

	@Test
	void aCommittedJarWithArchUnitClassesIsCaught() throws IOException {
		this.candidate.put("checkout-service/lib/helpers.jar", jar("com/tngtech/archunit/core/domain/JavaClass.class"));

		assertThat(scan()).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(finding.message()).contains("jar with classes in package com.tngtech.archunit", "ArchUnit");
		});
	}

	@Test
	void aServiceRegistrationForTheTestEngineInMainResourcesVoidsTheCriteria() {
		put(this.candidate,
				"checkout-service/src/main/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener",
				"com.acme.shop.Listener\n");
		put(this.candidate, "checkout-service/src/main/resources/junit-platform.properties",
				"junit.jupiter.extensions.autodetection.enabled=true\n");

		assertThat(scan()).extracting(Finding::severity, Finding::code).containsOnly(
				org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "hooks-test-engine"));
		assertThat(scan()).hasSize(2);
	}

	@Test
	void aJavaAgentDeclaredInMainResourcesVoidsTheCriteria() {
		put(this.candidate, "checkout-service/src/main/resources/META-INF/MANIFEST.MF",
				"Manifest-Version: 1.0\nPremain-Class: com.acme.shop.Agent\n");

		assertThat(scan()).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(finding.code()).isEqualTo("hooks-test-engine");
			assertThat(finding.message()).contains("Java agent");
		});
	}

	@Test
	void javaCodeTheCandidatesChangelogRunsIsNamed() {
		put(this.candidate, "checkout-service/src/main/resources/db/changelog/v2.4.1.xml",
				"<databaseChangeLog><changeSet id=\"1\" author=\"c\"><customChange class=\"com.acme.shop.Fix\"/>"
						+ "</changeSet></databaseChangeLog>");
		put(this.candidate, "checkout-service/src/main/resources/META-INF/services/liquibase.change.Change",
				"com.acme.shop.Fix\n");

		assertThat(scan()).extracting(Finding::severity, Finding::code).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(Severity.INFO, "liquibase-custom-change"),
				org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "hooks-liquibase"));
	}

	@Test
	void exitingTheJvmInMainSourcesIsAWarning() {
		put(this.candidate, CHECKOUT, """
				package com.acme.shop.checkout;

				public class CheckoutService {
				    void stop() {
				        // System.exit(0) would be rude
				        Runtime.getRuntime()
				            .halt(1);
				    }
				}
				""");

		assertThat(scan()).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.code()).isEqualTo("exits-jvm");
			assertThat(finding.message()).startsWith(CHECKOUT + " calls Runtime.getRuntime().halt()");
		});
	}

	@Test
	void anExitTheIncidentsTagAlreadyHadIsNotAFindingButANewOneIs() {
		String job = "order-retry-job/src/main/java/com/acme/shop/retry/OrderRetryJobApplication.java";
		String main = "package com.acme.shop.retry;\nclass OrderRetryJobApplication {\n"
				+ "    public static void main(String[] args) { System.exit(runOnce(args)); }\n}\n";
		put(this.baseline, job, main);
		put(this.candidate, job, main);
		put(this.candidate, CHECKOUT, "package com.acme.shop.checkout;\nclass CheckoutService { void x() { System.exit(0); } }\n");

		assertThat(scan()).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("exits-jvm");
			assertThat(finding.message()).startsWith(CHECKOUT + " calls System.exit()");
		});

		put(this.candidate, job, main.replace("runOnce(args)); }", "runOnce(args)); }\n    void stop() { System.exit(2); }"));
		assertThat(scan()).extracting(Finding::message).anySatisfy((message) -> assertThat(message).startsWith(job));

		put(this.candidate, job, main.replace("System.exit(runOnce(args));", "runOnce(args);")
			.replace("\n}\n", "\n    void stop() {\n        System\n            .exit(2);\n    }\n}\n"));
		assertThat(scan()).extracting(Finding::message).anySatisfy((message) -> assertThat(message).startsWith(job));
	}

	@Test
	void aMentionOfSystemExitInACommentOrATestIsNotACall() {
		put(this.candidate, CHECKOUT, "package com.acme.shop.checkout;\n/** Never System.exit(1) here. */\nclass CheckoutService {}\n");
		put(this.candidate, "checkout-service/src/test/java/com/acme/ExitTests.java",
				"package com.acme;\nclass ExitTests { void t() { System.exit(3); } }\n");

		assertThat(scan()).isEmpty();
	}

	@Test
	void skippingTestsInAPomIsAWarningThatOnlyOwnTestsAreTouched() {
		put(this.candidate, "checkout-service/pom.xml", POM.replace("""
				                <artifactId>maven-failsafe-plugin</artifactId>
				""", """
				                <artifactId>maven-failsafe-plugin</artifactId>
				                <configuration>
				                    <skipITs>true</skipITs>
				                    <excludes><exclude>**/CheckoutIntegrationTests.java</exclude></excludes>
				                </configuration>
				"""));

		List<Finding> findings = scan();

		assertThat(findings).extracting(Finding::code).containsOnly("build-test-setting");
		assertThat(findings).extracting(Finding::message).containsExactly(
				"checkout-service/pom.xml adds or changes plugin org.apache.maven.plugins:maven-failsafe-plugin: skipITs=true:"
						+ " it can skip, narrow or ignore the candidate's own tests (the hidden suites run in the grader's"
						+ " modules and are not affected)",
				"checkout-service/pom.xml adds or changes plugin org.apache.maven.plugins:maven-failsafe-plugin:"
						+ " excludes=[**/CheckoutIntegrationTests.java]: it can skip, narrow or ignore the candidate's own"
						+ " tests (the hidden suites run in the grader's modules and are not affected)");
	}

	@Test
	void aPropertyThatIgnoresTestFailuresIsAWarning() {
		put(this.candidate, "pom.xml", "<project><properties><maven.test.failure.ignore>true</maven.test.failure.ignore>"
				+ "</properties></project>");

		assertThat(scan()).extracting(Finding::message)
			.containsExactly("pom.xml adds or changes (new POM) property maven.test.failure.ignore=true: it can skip, narrow"
					+ " or ignore the candidate's own tests (the hidden suites run in the grader's modules and are not affected)");
	}

	@Test
	void aBuildExtensionIsAWarningAndANewPluginAnInfo() {
		put(this.candidate, "checkout-service/pom.xml", POM.replace("""
				        <plugins>
				""", """
				        <extensions>
				            <extension><groupId>com.example</groupId><artifactId>build-tweaks</artifactId></extension>
				        </extensions>
				        <plugins>
				            <plugin>
				                <groupId>org.codehaus.mojo</groupId>
				                <artifactId>exec-maven-plugin</artifactId>
				            </plugin>
				"""));

		assertThat(scan()).extracting(Finding::severity, Finding::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "build-extension"),
				org.assertj.core.groups.Tuple.tuple(Severity.INFO, "build-plugin"));
	}

	@Test
	void anUnchangedPomIsNotAFindingEvenWithTestSettings() {
		String pom = POM.replace("<artifactId>maven-failsafe-plugin</artifactId>",
				"<artifactId>maven-failsafe-plugin</artifactId><configuration><skipITs>true</skipITs></configuration>");
		put(this.candidate, "checkout-service/pom.xml", pom);
		put(this.baseline, "checkout-service/pom.xml", pom);

		assertThat(scan()).isEmpty();
	}

	@Test
	void theCandidatesMavenConfigurationIsNotedAsIgnored() {
		put(this.candidate, ".mvn/maven.config", "-DskipTests\n");
		put(this.candidate, ".mvn/extensions.xml", "<extensions/>\n");
		put(this.candidate, ".mvn/wrapper/maven-wrapper.properties", "distributionType=only-script\n");

		assertThat(scan()).extracting(Finding::severity, Finding::message).containsExactly(
				org.assertj.core.groups.Tuple.tuple(Severity.INFO, ".mvn/extensions.xml is ignored: the grader runs Maven"
						+ " with its own settings from its own workspace"),
				org.assertj.core.groups.Tuple.tuple(Severity.INFO, ".mvn/maven.config is ignored: the grader runs Maven"
						+ " with its own settings from its own workspace"));
	}

	@Test
	void aPomThatIsNotXmlIsAWarning() {
		put(this.candidate, "checkout-service/pom.xml", "<project>");

		assertThat(scan()).extracting(Finding::code).containsExactly("pom-unreadable");
	}

	static final String VISIBLE_TEST = "checkout-service/src/test/java/com/acme/shop/checkout/CheckoutServiceTests.java";

	static final String VISIBLE_TEST_SOURCE = """
			class CheckoutServiceTests {
			    @Test
			    void paysACartUnder50() {
			        assertThat(checkout(30)).isEqualTo(201);
			    }

			    @Test
			    void paysACartOver50WithACode() {
			        assertThat(checkout(80, "SAVE10")).isEqualTo(201);
			        assertThat(charged()).isEqualByComparingTo("72.00");
			    }
			}
			""";

	@Test
	void aVisibleTestLeftAsItWasOrGivenMoreTestsIsNoFinding() {
		put(this.baseline, VISIBLE_TEST, VISIBLE_TEST_SOURCE);
		put(this.candidate, VISIBLE_TEST, VISIBLE_TEST_SOURCE.replace("    }\n}", """
				    }

				    @Test
				    void paysACartOver50WithoutACode() {
				        assertThat(checkout(80)).isEqualTo(201);
				    }
				}"""));

		assertThat(scan()).isEmpty();
	}

	@Test
	void aDeletedDisabledOrWeakenedVisibleTestIsAWarning() {
		String other = VISIBLE_TEST.replace("CheckoutServiceTests", "DiscountServiceTests");
		String third = VISIBLE_TEST.replace("CheckoutServiceTests", "OrderServiceTests");
		put(this.baseline, VISIBLE_TEST, VISIBLE_TEST_SOURCE);
		put(this.baseline, other, VISIBLE_TEST_SOURCE);
		put(this.baseline, third, VISIBLE_TEST_SOURCE);
		put(this.candidate, VISIBLE_TEST, VISIBLE_TEST_SOURCE.replace("        assertThat(charged()).isEqualByComparingTo(\"72.00\");\n", ""));
		put(this.candidate, other, VISIBLE_TEST_SOURCE.replace("    @Test\n    void paysACartOver50", "    @Test\n    @Disabled\n    void paysACartOver50"));

		assertThat(scan()).allSatisfy((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.code()).isEqualTo("visible-test-weakened");
		}).extracting(Finding::message).containsExactlyInAnyOrder(
				VISIBLE_TEST + " has fewer assertions than at the incident's tag (6 -> 4)",
				other + " adds 1 @Disabled: tests that ran at the incident's tag are skipped",
				third + " was deleted: the tests it held at the incident's tag no longer run");
	}

	private List<Finding> scan() {
		return IntegrityScan.scan(SourceTree.of(this.candidate), SourceTree.of(this.baseline));
	}

	private static void put(Map<String, byte[]> tree, String path, String content) {
		tree.put(path, content.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] jar(String entry) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(new byte[] { (byte) 0xCA, (byte) 0xFE });
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
