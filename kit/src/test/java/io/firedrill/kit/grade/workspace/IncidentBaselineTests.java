package io.firedrill.kit.grade.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.verdict.IntegrityScan;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class IncidentBaselineTests {

	@Test
	void listsTheVisibleTestClassesPerModuleButNotAbstractOnes() {
		Map<String, byte[]> tree = new LinkedHashMap<>();
		tree.put("pom.xml", bytes("<project/>"));
		tree.put("checkout-service/pom.xml", bytes("<project/>"));
		tree.put("checkout-service/src/test/java/com/acme/shop/ArchitectureTests.java", bytes("class ArchitectureTests {}"));
		tree.put("checkout-service/src/test/java/com/acme/shop/schema/ShopDatabases.java", bytes("class ShopDatabases {}"));
		tree.put("checkout-service/src/test/java/com/acme/shop/BaseTests.java", bytes("abstract class BaseTests {}"));
		tree.put("payment-sdk-v4/src/test/java/com/acme/payments/PaymentClientTests.java", bytes("class PaymentClientTests {}"));
		tree.put("checkout-service/src/main/java/com/acme/shop/NotTests.java", bytes("class NotTests {}"));

		IncidentBaseline baseline = IncidentBaseline.of(ObjectId.zeroId(), SourceTree.of(tree));

		assertThat(baseline.visibleTests()).containsExactly(
				new IncidentBaseline.VisibleTest("checkout-service", "com.acme.shop.ArchitectureTests"),
				new IncidentBaseline.VisibleTest("payment-sdk-v4", "com.acme.payments.PaymentClientTests"));
		assertThat(baseline.tree().paths()).containsExactlyInAnyOrderElementsOf(tree.keySet());
	}

	@Test
	void findingsAgainstTheWholeTagAreAboutWhatTheCandidateChanged() {
		Map<String, byte[]> tag = new LinkedHashMap<>();
		String main = "order-retry-job/src/main/java/com/acme/retry/RetryJobApplication.java";
		String test = "checkout-service/src/test/java/com/acme/shop/discount/DiscountServiceTests.java";
		tag.put("pom.xml", bytes("<project/>"));
		tag.put(main, bytes("class RetryJobApplication { void main() { System.exit(runOnce()); } }"));
		tag.put(test, bytes("class DiscountServiceTests { @Test void t() { assertThat(1).isEqualTo(1); } }"));
		Map<String, byte[]> candidate = new LinkedHashMap<>(tag);
		candidate.put(test, bytes("class DiscountServiceTests { @Test void t() { } }"));

		IncidentBaseline baseline = IncidentBaseline.of(ObjectId.zeroId(), SourceTree.of(tag));

		assertThat(IntegrityScan.scan(SourceTree.of(candidate), baseline.tree())).extracting(Finding::code)
			.containsExactly("visible-test-weakened");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
