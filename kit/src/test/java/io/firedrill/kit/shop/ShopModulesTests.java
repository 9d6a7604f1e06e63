package io.firedrill.kit.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopModulesTests {

	@TempDir
	Path shop;

	@Test
	void aFileBelongsToTheLongestModuleFolderThatHoldsItElseToTheRoot() {
		ShopModules.Module root = new ShopModules.Module(".", "com.acme.shop", "acme-shop", "2.3.0", "pom", null);
		ShopModules.Module sdk = new ShopModules.Module("sdk", "com.acme.payments", "payment-sdk", "4.0.0", "jar", null);
		ShopModules.Module sdkV4 = new ShopModules.Module("sdk/v4", "com.acme.payments", "payment-sdk", "4.0.0", "jar",
				null);
		List<ShopModules.Module> modules = List.of(root, sdk, sdkV4);

		assertThat(ShopModules.owner(modules, "sdk/v4/src/main/java/Client.java")).contains("sdk/v4");
		assertThat(ShopModules.owner(modules, "sdk/pom.xml")).contains("sdk");
		assertThat(ShopModules.owner(modules, "sdk-tools/README.md")).contains(".");
		assertThat(ShopModules.owner(List.of(sdkV4, root, sdk), "sdk/v4/pom.xml")).contains("sdk/v4");
		assertThat(ShopModules.owner(List.of(sdk, sdkV4), "deploy/run.sh")).isEmpty();
	}

	@Test
	void readsTheRootAndItsModulesWithInheritedCoordinates() throws IOException {
		write("pom.xml", """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <groupId>com.acme.shop</groupId><artifactId>acme-shop</artifactId><version>2.3.0</version>
				  <packaging>pom</packaging><name>Acme Shop</name>
				  <modules><module>payment-sdk-v4</module><module>checkout-service</module><module>missing</module></modules>
				  <profiles><profile><modules><module>kit</module></modules></profile></profiles>
				</project>
				""");
		write("payment-sdk-v4/pom.xml", """
				<project><parent><groupId>com.acme.shop</groupId><artifactId>acme-shop</artifactId><version>2.3.0</version></parent>
				  <groupId>com.acme.payments</groupId><artifactId>payment-sdk</artifactId><version>4.0.0</version></project>
				""");
		write("checkout-service/pom.xml", """
				<project><parent><groupId>com.acme.shop</groupId><artifactId>acme-shop</artifactId><version>2.3.0</version></parent>
				  <artifactId>checkout-service</artifactId><name>Checkout Service</name></project>
				""");
		write("kit/pom.xml", "<project><artifactId>kit</artifactId></project>");

		assertThat(ShopModules.read(this.shop)).containsExactly(
				new ShopModules.Module(".", "com.acme.shop", "acme-shop", "2.3.0", "pom", "Acme Shop"),
				new ShopModules.Module("payment-sdk-v4", "com.acme.payments", "payment-sdk", "4.0.0", "jar", null),
				new ShopModules.Module("checkout-service", "com.acme.shop", "checkout-service", "2.3.0", "jar",
						"Checkout Service"));
	}

	@Test
	void aModuleOutsideTheCandidatesFolderIsNotFollowed() throws IOException {
		write("pom.xml", "<project><artifactId>root</artifactId><version>1</version><modules><module>../grading/support</module></modules></project>");

		assertThat(ShopModules.read(this.shop)).extracting(ShopModules.Module::dir).containsExactly(".");
	}

	@Test
	void withoutARootPomThereAreNoModules() {
		assertThat(ShopModules.read(this.shop)).isEmpty();
	}

	@Test
	void aJobIsAModuleWhoseCodeHandlesRunOnceWhereverItIsListed() throws IOException {
		write("pom.xml", """
				<project><groupId>com.acme.shop</groupId><artifactId>acme-shop</artifactId><version>2.3.0</version>
				  <modules><module>checkout-service</module><module>loyalty-points-job</module><module>order-retry-job</module></modules>
				</project>
				""");
		for (String module : new String[] { "checkout-service", "loyalty-points-job", "order-retry-job" }) {
			write(module + "/pom.xml", "<project><artifactId>" + module + "</artifactId></project>");
		}
		write("checkout-service/src/main/java/com/acme/shop/CheckoutApplication.java", "class CheckoutApplication {}");
		write("loyalty-points-job/src/main/java/com/acme/shop/loyalty/LoyaltyPointsJobApplication.java",
				"class LoyaltyPointsJobApplication { boolean once(String[] args) { return java.util.List.of(args).contains(\"--run-once\"); } }");
		write("order-retry-job/src/main/java/com/acme/shop/retry/OrderRetryJobApplication.java",
				"class OrderRetryJobApplication { boolean once(org.springframework.boot.ApplicationArguments args) { return args.containsOption(\"run-once\"); } }");

		assertThat(ShopModules.jobs(this.shop)).extracting(ShopModules.Module::dir)
			.containsExactly("loyalty-points-job", "order-retry-job");
		assertThat(ShopModules.below(this.shop)).extracting(ShopModules.Module::dir)
			.containsExactly("checkout-service", "loyalty-points-job", "order-retry-job");
	}

	@Test
	void theModulesTheRootPomListsWithoutAPomAreMissing() throws IOException {
		write("pom.xml", "<project><artifactId>root</artifactId><modules><module>here</module><module>gone</module></modules></project>");
		write("here/pom.xml", "<project><artifactId>here</artifactId></project>");

		assertThat(ShopModules.missing(this.shop)).containsExactly("gone");
	}

	@Test
	void aPomWithADoctypeIsNotRead() throws IOException {
		write("pom.xml", "<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project><artifactId>&x;</artifactId></project>");

		assertThat(ShopModules.readPom(this.shop.resolve("pom.xml"))).isEmpty();
		assertThat(ShopModules.read(this.shop)).isEmpty();
	}

	private void write(String path, String content) throws IOException {
		Path file = this.shop.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
