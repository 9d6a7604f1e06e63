package io.firedrill.kit.support;

import static io.firedrill.kit.support.CloneFiles.KIT_BLOCK;
import static io.firedrill.kit.support.CloneFiles.commit;
import static io.firedrill.kit.support.CloneFiles.write;
import static io.firedrill.kit.support.GitCli.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A firedrill clone small enough to build for real in seconds: a shop of two modules (the payment SDK and
 * checkout-service with a {@code Pricing} class and a visible test), one incident ({@value #INCIDENT}: PR #892
 * makes {@code price(amount, null)} throw for carts over $50), a hidden suite for criterion {@value #CRITERION}, and
 * two known fixes: {@value #ACCEPTED} (pass) and {@value #WRONG} (partial). Patches are real {@code git format-patch}
 * output; the build needs only the Spring Boot parent, JUnit and AssertJ, which the grader resolves before its run,
 * with this project's Maven wrapper.
 */
public final class TinyKit {

	public static final String INCIDENT = "tiny-discount";

	public static final String CRITERION = "pricing";

	public static final String ACCEPTED = "null-check";

	public static final String WRONG = "no-discounts";

	private static final String PARENT = """
			    <parent>
			        <groupId>org.springframework.boot</groupId>
			        <artifactId>spring-boot-starter-parent</artifactId>
			        <version>4.0.7</version>
			        <relativePath/>
			    </parent>
			""";

	private static final String ROOT_POM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project xmlns="http://maven.apache.org/POM/4.0.0">
			    <modelVersion>4.0.0</modelVersion>
			%s    <groupId>com.acme.shop</groupId>
			    <artifactId>acme-shop</artifactId>
			    <version>2.3.0</version>
			    <packaging>pom</packaging>
			    <name>Acme Shop</name>
			    <modules>
			        <module>payment-sdk-v3</module>
			        <module>checkout-service</module>
			%s    </modules>
			    <properties>
			        <java.version>17</java.version>
			    </properties>
			</project>
			""";

	private static final String SDK_POM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project xmlns="http://maven.apache.org/POM/4.0.0">
			    <modelVersion>4.0.0</modelVersion>
			    <parent>
			        <groupId>com.acme.shop</groupId>
			        <artifactId>acme-shop</artifactId>
			        <version>2.3.0</version>
			    </parent>
			    <groupId>com.acme.payments</groupId>
			    <artifactId>payment-sdk</artifactId>
			    <version>3.1.0</version>
			    <name>Acme Payment SDK 3.1</name>
			</project>
			""";

	private static final String CHECKOUT_POM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project xmlns="http://maven.apache.org/POM/4.0.0">
			    <modelVersion>4.0.0</modelVersion>
			    <parent>
			        <groupId>com.acme.shop</groupId>
			        <artifactId>acme-shop</artifactId>
			        <version>2.3.0</version>
			    </parent>
			    <artifactId>checkout-service</artifactId>
			    <name>Checkout Service</name>
			    <dependencies>
			        <dependency>
			            <groupId>com.acme.payments</groupId>
			            <artifactId>payment-sdk</artifactId>
			            <version>3.1.0</version>
			            <scope>provided</scope>
			        </dependency>
			        <dependency>
			            <groupId>org.junit.jupiter</groupId>
			            <artifactId>junit-jupiter</artifactId>
			            <scope>test</scope>
			        </dependency>
			    </dependencies>
			</project>
			""";

	private static final String PRICING = """
			package com.acme.shop.checkout;

			import java.math.BigDecimal;

			/** What a cart costs. */
			public class Pricing {

			    public BigDecimal price(BigDecimal amount, String code) {
			        return amount;
			    }
			}
			""";

	private static final String PRICING_WITH_CODES = """
			package com.acme.shop.checkout;

			import java.math.BigDecimal;
			import java.util.Map;

			/** What a cart costs; carts over $50 get the code's percentage off. */
			public class Pricing {

			    private static final Map<String, Integer> CODES = Map.of("SAVE10", 10);

			    public BigDecimal price(BigDecimal amount, String code) {
			        if (amount.compareTo(new BigDecimal("50")) > 0) {
			            Integer off = CODES.get(code.toUpperCase());
			            if (off == null) {
			                throw new IllegalArgumentException("unknown code " + code);
			            }
			            return amount.subtract(amount.multiply(BigDecimal.valueOf(off)).divide(BigDecimal.valueOf(100)));
			        }
			        return amount;
			    }
			}
			""";

	private static final String VISIBLE_TEST = """
			package com.acme.shop.checkout;

			import static org.junit.jupiter.api.Assertions.assertEquals;

			import java.math.BigDecimal;
			import org.junit.jupiter.api.Test;

			class PricingTests {

			    @Test
			    void aSmallCartPaysItsAmount() {
			        assertEquals(0, new Pricing().price(new BigDecimal("30.00"), "SAVE10").compareTo(new BigDecimal("30.00")));
			    }
			}
			""";

	private static final String CRITERIA = """
			version: 1
			support: support
			criteria:
			  - id: pricing
			    title: "Carts without a code pay their amount; codes work over $50"
			    points: 10
			    module: pricing
			    needs: [checkout-service]
			    tests:
			      - io.firedrill.grading.pricing.PricingRulesTests#aCartWithoutACodePaysItsAmount
			      - io.firedrill.grading.pricing.PricingRulesTests#aKnownCodeGivesItsDiscountOverFiftyDollars
			      - io.firedrill.grading.pricing.PricingRulesTests#anUnknownCodeIsRefused
			    partial:
			      label: "errors stopped, discounts gone"
			      points: 3
			      mayFail:
			        - io.firedrill.grading.pricing.PricingRulesTests#aKnownCodeGivesItsDiscountOverFiftyDollars
			        - io.firedrill.grading.pricing.PricingRulesTests#anUnknownCodeIsRefused
			    feedback:
			      visibility: visible
			      title: "Checkout prices"
			      pass: "Every cart pays what it should."
			      fail: "Some carts still fail at checkout: try carts with and without a code."
			""";

	private static final String SUPPORT_POM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project xmlns="http://maven.apache.org/POM/4.0.0">
			    <modelVersion>4.0.0</modelVersion>
			%s    <groupId>io.firedrill.grading</groupId>
			    <artifactId>grading-support</artifactId>
			    <version>1.0.0</version>
			    <properties><java.version>17</java.version></properties>
			</project>
			""".formatted(PARENT);

	private static final String SUITE_POM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project xmlns="http://maven.apache.org/POM/4.0.0">
			    <modelVersion>4.0.0</modelVersion>
			%s    <groupId>io.firedrill.grading</groupId>
			    <artifactId>grading-pricing</artifactId>
			    <version>1.0.0</version>
			    <properties>
			        <java.version>17</java.version>
			        <shop.version>0.0.0</shop.version>
			        <shop.sdk.version>0.0.0</shop.sdk.version>
			        <grading.fork.timeout>300</grading.fork.timeout>
			    </properties>
			    <dependencies>
			        <dependency>
			            <groupId>io.firedrill.grading</groupId>
			            <artifactId>grading-support</artifactId>
			            <version>1.0.0</version>
			            <scope>test</scope>
			        </dependency>
			        <dependency>
			            <groupId>org.junit.jupiter</groupId>
			            <artifactId>junit-jupiter</artifactId>
			            <scope>test</scope>
			        </dependency>
			        <dependency>
			            <groupId>com.acme.shop</groupId>
			            <artifactId>checkout-service</artifactId>
			            <version>${shop.version}</version>
			            <scope>test</scope>
			        </dependency>
			        <dependency>
			            <groupId>com.acme.payments</groupId>
			            <artifactId>payment-sdk</artifactId>
			            <version>${shop.sdk.version}</version>
			            <scope>test</scope>
			        </dependency>
			    </dependencies>
			    <build>
			        <plugins>
			            <plugin>
			                <groupId>org.apache.maven.plugins</groupId>
			                <artifactId>maven-surefire-plugin</artifactId>
			                <configuration>
			                    <skipTests>false</skipTests>
			                    <skip>false</skip>
			                    <testFailureIgnore>true</testFailureIgnore>
			                    <failIfNoTests>true</failIfNoTests>
			                    <forkedProcessTimeoutInSeconds>${grading.fork.timeout}</forkedProcessTimeoutInSeconds>
			                    <includes><include>**/*Tests.java</include></includes>
			                    <excludes combine.self="override"/>
			                </configuration>
			            </plugin>
			        </plugins>
			    </build>
			</project>
			""".formatted(PARENT);

	private static final String HIDDEN_TEST = """
			package io.firedrill.grading.pricing;

			import static org.junit.jupiter.api.Assertions.assertEquals;
			import static org.junit.jupiter.api.Assertions.assertThrows;

			import com.acme.shop.checkout.Pricing;
			import java.math.BigDecimal;
			import org.junit.jupiter.api.Test;

			class PricingRulesTests {

			    @Test
			    void aCartWithoutACodePaysItsAmount() {
			        BigDecimal price = new Pricing().price(new BigDecimal("80.00"), null);
			        assertEquals(0, price.compareTo(new BigDecimal("80.00")), "an $80.00 cart without a code was charged $" + price);
			    }

			    @Test
			    void aKnownCodeGivesItsDiscountOverFiftyDollars() {
			        BigDecimal price = new Pricing().price(new BigDecimal("80.00"), "SAVE10");
			        assertEquals(0, price.compareTo(new BigDecimal("72.00")),
			                "an $80.00 cart with code SAVE10 was charged $" + price + " instead of $72.00");
			    }

			    @Test
			    void anUnknownCodeIsRefused() {
			        assertThrows(IllegalArgumentException.class, () -> new Pricing().price(new BigDecimal("80.00"), "NOPE"),
			                "an unknown code was accepted");
			    }
			}
			""";

	private static final String SCENARIOS = """
			# Interviewer's guide

			<!-- firedrill:rubric-begin -->
			```yaml
			levels: [Novice, Expert]
			dimensions:
			  - id: root-cause-analysis
			    title: Root-cause analysis
			    what: Which PR.
			    anchors: {Novice: Guesses., Expert: Reads the diff.}
			hints: {levels: [0, 1, 2], problems: [discount]}
			summary: {strengths: 3, improvements: 3, resources: 2}
			```
			<!-- firedrill:rubric-end -->
			""";

	private final Path root;

	private TinyKit(Path root) {
		this.root = root;
	}

	/** Writes the clone in {@code dir/clone} (the patches are made in {@code dir/upstream}). */
	public static TinyKit create(Path dir) {
		try {
			Path upstream = Files.createDirectories(dir.resolve("upstream"));
			Path root = Files.createDirectories(dir.resolve("clone"));
			git(upstream, "init", "-q");
			writeShop(upstream, ROOT_POM.formatted(PARENT, ""));
			git(upstream, "add", "-A");
			commit(upstream, "2026-11-02T09:00:00+00:00", "Release 2.3.0");
			write(upstream, "checkout-service/src/main/java/com/acme/shop/checkout/Pricing.java", PRICING_WITH_CODES);
			git(upstream, "add", "-A");
			commit(upstream, "2026-11-20T16:42:11+01:00", "Discount codes at checkout (#892)");
			String incidentPatch = git(upstream, "format-patch", "-1", "--stdout", "HEAD");
			String accepted = fix(upstream, "return amount.subtract(", "if (code == null) {\n                return amount;\n            }\n            Integer off", "Integer off", "Charge carts without a code their amount");
			String wrong = fix(upstream, null, null, null, "Switch discounts off");

			git(root, "init", "-q");
			writeShop(root, ROOT_POM.formatted(PARENT, KIT_BLOCK));
			copyMavenWrapper(root);
			write(root, "kit/pom.xml", "<project><artifactId>firedrill-kit</artifactId></project>\n");
			write(root, "kit/src/main/resources/candidate/README.md", "# Acme Shop\n");
			write(root, "scenarios.md", SCENARIOS);
			write(root, "grading/criteria.yaml", CRITERIA);
			write(root, "grading/support/pom.xml", SUPPORT_POM);
			write(root, "grading/support/src/main/java/io/firedrill/grading/support/Money.java",
					"package io.firedrill.grading.support;\n\npublic final class Money {\n    private Money() {\n    }\n}\n");
			write(root, "grading/pricing/pom.xml", SUITE_POM);
			write(root, "grading/pricing/src/test/java/io/firedrill/grading/pricing/PricingRulesTests.java", HIDDEN_TEST);
			String incident = "incidents/" + INCIDENT + "/";
			write(root, incident + "incident.yaml", """
					id: tiny-discount
					title: "Checkout fails for carts over $50 without a code"
					criteria: [pricing]
					prs:
					  - number: 892
					    title: "Discount codes at checkout"
					    patch: patches/0001-discount-codes.patch
					brief: brief.md
					""");
			write(root, incident + "brief.md", "# On-call brief\n\nCheckouts over $50 fail.\n");
			write(root, incident + "patches/0001-discount-codes.patch", incidentPatch);
			write(root, incident + "fixes/fixes.yaml", """
					fixes:
					  - id: null-check
					    kind: accepted
					    reference: true
					    description: "A cart without a code pays its amount"
					    patch: null-check.patch
					    expect: {pricing: pass}
					  - id: no-discounts
					    kind: wrong
					    description: "Discounts switched off"
					    patch: no-discounts.patch
					    expect: {pricing: partial}
					""");
			write(root, incident + "fixes/null-check.patch", accepted);
			write(root, incident + "fixes/no-discounts.patch", wrong);
			git(root, "add", "-A");
			commit(root, "2026-11-21T10:00:00+00:00", "tiny kit");
			return new TinyKit(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path root() {
		return this.root;
	}

	/** A fix on top of the incident commit of {@code upstream}, as format-patch text; then back to the incident. */
	private static String fix(Path upstream, String anchor, String replacement, String replaced, String message)
			throws IOException {
		Path file = upstream.resolve("checkout-service/src/main/java/com/acme/shop/checkout/Pricing.java");
		String content = (anchor == null) ? PRICING : PRICING_WITH_CODES.replace(replaced, replacement);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		commit(upstream, "2026-11-21T09:00:00+00:00", message, "-a");
		String patch = git(upstream, "format-patch", "-1", "--stdout", "HEAD");
		git(upstream, "reset", "-q", "--hard", "HEAD~1");
		return patch;
	}

	/**
	 * This project's Maven wrapper, as every firedrill clone has it: the grader runs the kit's own Maven (3.9 or
	 * newer), whatever {@code mvn} the machine has.
	 */
	private static void copyMavenWrapper(Path root) throws IOException {
		Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
		Files.createDirectories(root.resolve(".mvn/wrapper"));
		Files.copy(project.resolve(".mvn/wrapper/maven-wrapper.properties"),
				root.resolve(".mvn/wrapper/maven-wrapper.properties"));
		Files.copy(project.resolve("mvnw"), root.resolve("mvnw"));
		root.resolve("mvnw").toFile().setExecutable(true);
	}

	private static void writeShop(Path dir, String pom) throws IOException {
		write(dir, "pom.xml", pom);
		write(dir, ".gitignore", "target/\n");
		write(dir, "payment-sdk-v3/pom.xml", SDK_POM);
		write(dir, "payment-sdk-v3/src/main/java/com/acme/payments/Amount.java",
				"package com.acme.payments;\n\npublic record Amount(java.math.BigDecimal value) {\n}\n");
		write(dir, "checkout-service/pom.xml", CHECKOUT_POM);
		write(dir, "checkout-service/src/main/java/com/acme/shop/checkout/Pricing.java", PRICING);
		write(dir, "checkout-service/src/test/java/com/acme/shop/checkout/PricingTests.java", VISIBLE_TEST);
		write(dir, "deploy/runtime.properties", "payment-sdk.version=3.1.0\n");
	}

}
