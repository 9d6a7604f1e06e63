package io.firedrill.kit.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.firedrill.kit.FiredrillException;
import org.junit.jupiter.api.Test;

class ShopLayoutTests {

	private static final String POM = """
			    <modules>
			        <module>checkout-service</module>
			        <!-- firedrill:kit-begin (not part of the shop; removed from exported repositories) -->
			        <module>kit</module>
			        <module>grading</module>
			        <!-- firedrill:kit-end -->
			    </modules>
			""";

	@Test
	void strippingTheKitBlockRemovesItsLinesAndTheMarkers() {
		assertThat(strip(POM)).isEqualTo("""
				    <modules>
				        <module>checkout-service</module>
				    </modules>
				""");
	}

	@Test
	void aPomWithoutKitBlockIsKeptAsItIs() {
		String pom = "<project>\r\n  <modules/>\r\n</project>";

		assertThat(strip(pom)).isEqualTo(pom);
	}

	@Test
	void anUnclosedKitBlockIsNotUsable() {
		assertThatThrownBy(() -> strip(POM.replace("<!-- firedrill:kit-end -->", "")))
			.isInstanceOf(FiredrillException.class)
			.hasMessageContaining("without firedrill:kit-end");
	}

	@Test
	void firedrillOutsideTheBlockIsNotUsable() {
		assertThatThrownBy(() -> strip(POM + "<!-- see firedrill -->\n")).isInstanceOf(FiredrillException.class)
			.hasMessageContaining("outside");
	}

	@Test
	void onlyTheShopsPathsAreTaken() {
		assertThat(ShopLayout.isShopPath("pom.xml")).isTrue();
		assertThat(ShopLayout.isShopPath(".mvn/wrapper/maven-wrapper.properties")).isTrue();
		assertThat(ShopLayout.isShopPath("checkout-service/pom.xml")).as("a module is the shop's once the pom lists it")
			.isFalse();
		assertThat(ShopLayout.isShopPath("deploy/k8s/checkout.yaml")).isTrue();
		assertThat(ShopLayout.isShopPath("CHANGELOG.md")).isTrue();
		assertThat(ShopLayout.isShopPath("changelog/unreleased/README.md")).isTrue();
		assertThat(ShopLayout.isShopPath("README.md")).isFalse();
		assertThat(ShopLayout.isShopPath("kit/pom.xml")).isFalse();
		assertThat(ShopLayout.isShopPath("incidents/x/incident.yaml")).isFalse();
		assertThat(ShopLayout.isShopPath("checkout-service-old/pom.xml")).isFalse();
		assertThat(ShopLayout.isShopPath("firedrill")).isFalse();
	}

	@Test
	void theFoldersOfTheModulesTheRootPomListsAreTheShopsButNeverTheKitsNorOutsideIt() {
		String pom = """
				<project>
				  <modules>
				    <module>checkout-service</module>
				    <module>loyalty-points-job</module>
				    <module>services/gift-cards/pom.xml</module>
				    <module>grading/support</module>
				    <module>../elsewhere</module>
				    <module>.</module>
				  </modules>
				  <profiles><profile><modules><module>experiments</module></modules></profile></profiles>
				</project>
				""";

		var shop = ShopLayout.shopPaths(pom.getBytes(StandardCharsets.UTF_8));

		assertThat(shop).accepts("loyalty-points-job/pom.xml", "loyalty-points-job/src/main/java/Main.java",
				"services/gift-cards/pom.xml", "checkout-service/pom.xml", "deploy/run.sh", "pom.xml");
		assertThat(shop).rejects("order-retry-job/pom.xml", "loyalty-points-job-old/pom.xml", "services/other/pom.xml", "grading/support/pom.xml",
				"kit/pom.xml", "incidents/x/incident.yaml", "experiments/pom.xml", "README.md");
	}

	@Test
	void aGuardrailTakesAnyPomAndCutsAnUnclosedBlockWhereItOpens() {
		String unclosed = POM.replace("<!-- firedrill:kit-end -->", "") + "<!-- see firedrill -->\n";

		assertThat(new String(ShopLayout.stripKitBlock(unclosed.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
			.isEqualTo("""
					    <modules>
					        <module>checkout-service</module>
					""");
		assertThat(new String(ShopLayout.stripKitBlock(POM.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
			.isEqualTo(strip(POM));
	}

	@Test
	void theKitsPathsAreNamedFoldersWithASlashAndFilesWithout() {
		assertThat(ShopLayout.kitPath("incidents/release-2.4.0/brief.md")).contains("incidents/");
		assertThat(ShopLayout.kitPath("grading")).contains("grading");
		assertThat(ShopLayout.kitPath("scenarios.md")).contains("scenarios.md");
		assertThat(ShopLayout.kitPath("firedrill")).contains("firedrill");
		assertThat(ShopLayout.kitPath("kitchen/pom.xml")).isEmpty();
		assertThat(ShopLayout.kitPath("checkout-service/kit/x")).isEmpty();
		assertThat(ShopLayout.isKitPath(java.nio.file.Path.of("kit", "pom.xml"))).isTrue();
		assertThat(ShopLayout.isKitPath(java.nio.file.Path.of("deploy", "kit"))).isFalse();
	}

	private static String strip(String pom) {
		return new String(ShopLayout.stripKitBlockStrictly(pom.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
	}

}
