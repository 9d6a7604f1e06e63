package io.firedrill.kit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.firedrill.kit.FiredrillException;
import org.junit.jupiter.api.Test;

class ReleaseCutTests {

	private static final String ROOT_POM = """
			<project>
			    <parent>
			        <groupId>org.springframework.boot</groupId>
			        <artifactId>spring-boot-starter-parent</artifactId>
			        <version>4.0.7</version>
			    </parent>
			    <groupId>com.acme.shop</groupId>
			    <artifactId>acme-shop</artifactId>
			    <version>2.3.0</version>
			    <properties>
			        <payment-sdk.version>3.1.0</payment-sdk.version>
			    </properties>
			</project>
			""";

	private static final String MODULE_POM = """
			<project>
			    <parent>
			        <groupId>com.acme.shop</groupId>
			        <artifactId>acme-shop</artifactId>
			        <version>2.3.0</version>
			    </parent>
			    <artifactId>checkout-service</artifactId>
			    <dependencies>
			        <dependency>
			            <groupId>com.acme.payments</groupId>
			            <artifactId>payment-sdk</artifactId>
			            <version>4.0.0</version>
			        </dependency>
			    </dependencies>
			</project>
			""";

	@Test
	void setsTheShopsVersionAndNothingElse() {
		String root = ReleaseCut.setVersion("pom.xml", ROOT_POM, "2.3.0", "2.4.0");
		String module = ReleaseCut.setVersion("checkout-service/pom.xml", MODULE_POM, "2.3.0", "2.4.0");

		assertThat(root).isEqualTo(ROOT_POM.replace("<version>2.3.0</version>", "<version>2.4.0</version>"));
		assertThat(module).isEqualTo(MODULE_POM.replace("<version>2.3.0</version>", "<version>2.4.0</version>"))
			.contains("<version>4.0.0</version>");
	}

	@Test
	void refusesAShopVersionOtherThanTheBase() {
		assertThatExceptionOfType(FiredrillException.class)
			.isThrownBy(() -> ReleaseCut.setVersion("pom.xml", ROOT_POM.replace("2.3.0", "2.3.1"), "2.3.0", "2.4.0"))
			.withMessageContaining("pom.xml has the shop at version 2.3.1");
	}

	@Test
	void foldsTheEntriesInPrOrderAboveThePreviousRelease() {
		String changelog = """
				# Changelog

				Intro.

				## 2.3.0 — 2026-11-02

				- Older entry (#874).
				""";
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("changelog/unreleased/905-order-metadata.md", "- Orders: metadata (#905).\n");
		entries.put("changelog/unreleased/892-discount-codes.md", "- Checkout: discount codes (#892).\n");

		String folded = ReleaseCut.fold(changelog, "2.4.0", LocalDate.of(2026, 11, 24), entries);

		assertThat(folded).isEqualTo("""
				# Changelog

				Intro.

				## 2.4.0 — 2026-11-24

				- Checkout: discount codes (#892).
				- Orders: metadata (#905).

				## 2.3.0 — 2026-11-02

				- Older entry (#874).
				""");
	}

	@Test
	void onlyNumberedFilesUnderUnreleasedAreEntries() {
		assertThat(ReleaseCut.isEntry("changelog/unreleased/901-payment-sdk-4.md")).isTrue();
		assertThat(ReleaseCut.isEntry("changelog/unreleased/README.md")).isFalse();
		assertThat(ReleaseCut.isEntry("changelog/unreleased/sub/901-x.md")).isFalse();
		assertThat(ReleaseCut.isEntry("docs/901-x.md")).isFalse();
	}

}
