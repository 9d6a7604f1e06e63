package io.firedrill.kit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.firedrill.kit.FiredrillException;
import org.junit.jupiter.api.Test;

class CandidateLayoutTests {

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
		assertThat(CandidateLayout.isShopPath("pom.xml")).isTrue();
		assertThat(CandidateLayout.isShopPath(".mvn/wrapper/maven-wrapper.properties")).isTrue();
		assertThat(CandidateLayout.isShopPath("checkout-service/pom.xml")).isTrue();
		assertThat(CandidateLayout.isShopPath("deploy/k8s/checkout.yaml")).isTrue();
		assertThat(CandidateLayout.isShopPath("CHANGELOG.md")).isTrue();
		assertThat(CandidateLayout.isShopPath("changelog/unreleased/README.md")).isTrue();
		assertThat(CandidateLayout.isShopPath("README.md")).isFalse();
		assertThat(CandidateLayout.isShopPath("kit/pom.xml")).isFalse();
		assertThat(CandidateLayout.isShopPath("incidents/x/incident.yaml")).isFalse();
		assertThat(CandidateLayout.isShopPath("checkout-service-old/pom.xml")).isFalse();
		assertThat(CandidateLayout.isShopPath("firedrill")).isFalse();
	}

	private static String strip(String pom) {
		return new String(CandidateLayout.stripKitBlock(pom.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
	}

}
