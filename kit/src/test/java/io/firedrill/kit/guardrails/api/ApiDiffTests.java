package io.firedrill.kit.guardrails.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** japicmp and the call-site search on a two-class SDK in two versions, compiled here. */
class ApiDiffTests {

	@TempDir
	static Path work;

	static Path v3;

	static Path v4;

	static Path job;

	@BeforeAll
	static void compileTheSdkTwiceAndAJobAgainstTheOldOne() {
		String amount = "package com.acme.payments; public final class Amount { public static Amount usd(String v) { return new Amount(); } }";
		v3 = JavaSources.jar(JavaSources.compile(work, Map.of("com/acme/payments/Amount.java", amount,
				"com/acme/payments/PaymentClient.java", """
						package com.acme.payments;
						public final class PaymentClient {
						    public String charge(Amount amount) { return "ok"; }
						}
						"""), work.resolve("v3"), null), work.resolve("payment-sdk-3.1.0.jar"));
		v4 = JavaSources.jar(JavaSources.compile(work, Map.of("com/acme/payments/Amount.java", amount,
				"com/acme/payments/ChargeOptions.java", "package com.acme.payments; public final class ChargeOptions { }",
				"com/acme/payments/PaymentClient.java", """
						package com.acme.payments;
						public final class PaymentClient {
						    public String charge(Amount amount, ChargeOptions options) { return "ok"; }
						}
						"""), work.resolve("v4"), null), work.resolve("payment-sdk-4.0.0.jar"));
		job = JavaSources.compile(work, Map.of("com/acme/shop/retry/OrderRetryJob.java", """
				package com.acme.shop.retry;
				import com.acme.payments.*;
				public class OrderRetryJob {
				    String chargeOrder(PaymentClient client) {
				        return client.charge(Amount.usd("42.00"));
				    }
				}
				"""), work.resolve("job-classes"), v3.toString());
	}

	@Test
	void theRemovedChargeMethodIsMethodRemovedAndBinaryIncompatible() {
		int[] sourceOnly = new int[1];
		List<ApiDiff.Break> breaks = ApiDiff.binaryIncompatible(v3, "3.1.0", v4, "4.0.0", sourceOnly);

		assertThat(breaks).singleElement().satisfies((change) -> {
			assertThat(change.change()).isEqualTo("METHOD_REMOVED");
			assertThat(change.shortName()).isEqualTo("PaymentClient.charge(Amount)");
			assertThat(change.longName()).isEqualTo("com.acme.payments.PaymentClient.charge(com.acme.payments.Amount)");
		});
	}

	@Test
	void theSameVersionHasNoBreak() {
		assertThat(ApiDiff.binaryIncompatible(v3, "3.1.0", v3, "3.1.0", null)).isEmpty();
	}

	@Test
	void theCallSiteIsFoundInTheJobsBytecode() {
		ApiDiff.Break removed = ApiDiff.binaryIncompatible(v3, "3.1.0", v4, "4.0.0", null).get(0);

		assertThat(CallSites.of(job, removed)).singleElement().asString().startsWith("OrderRetryJob.chargeOrder() (line ");
	}

	@Test
	void theEffectivePomsGiveEachModulesVersion() throws Exception {
		Path effective = work.resolve("effective-pom.xml");
		java.nio.file.Files.writeString(effective, """
				<projects>
				  <project>
				    <artifactId>checkout-service</artifactId>
				    <dependencyManagement><dependencies><dependency>
				      <groupId>com.acme.payments</groupId><artifactId>payment-sdk</artifactId><version>3.1.0</version>
				    </dependency></dependencies></dependencyManagement>
				    <dependencies><dependency>
				      <groupId>com.acme.payments</groupId><artifactId>payment-sdk</artifactId><version>4.0.0</version>
				      <scope>provided</scope>
				    </dependency></dependencies>
				  </project>
				  <project>
				    <artifactId>order-retry-job</artifactId>
				    <dependencies><dependency>
				      <groupId>com.acme.payments</groupId><artifactId>payment-sdk</artifactId><version>3.1.0</version>
				      <scope>provided</scope>
				    </dependency></dependencies>
				  </project>
				  <project><artifactId>payment-sdk</artifactId></project>
				</projects>
				""");

		assertThat(SdkVersions.parse(effective, "payment-sdk")).containsExactly(
				new SdkVersions.Usage("checkout-service", "com.acme.payments", "payment-sdk", "4.0.0", "provided"),
				new SdkVersions.Usage("order-retry-job", "com.acme.payments", "payment-sdk", "3.1.0", "provided"));
	}

}
