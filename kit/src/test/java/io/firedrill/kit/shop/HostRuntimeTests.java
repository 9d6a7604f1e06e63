package io.firedrill.kit.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRuntimeTests {

	@TempDir
	Path shop;

	private void write(String content) throws Exception {
		Files.createDirectories(this.shop.resolve("deploy"));
		Files.writeString(this.shop.resolve(HostRuntime.FILE), content);
	}

	@Test
	void readsEveryLibraryTheHostsCarryByName() throws Exception {
		write("""
				# installed on every host by the platform team
				payment-sdk.version = 4.0.0 \s
				tracing-agent.version=1.2
				owner=payments
				""");

		HostRuntime runtime = HostRuntime.read(this.shop);

		assertThat(runtime.paymentSdk()).hasValue("4.0.0");
		assertThat(runtime.libraries()).containsExactly(entry("payment-sdk", "4.0.0"), entry("tracing-agent", "1.2"));
	}

	@Test
	void aMissingFileABlankVersionOrAMalformedFileSayNothing() throws Exception {
		assertThat(HostRuntime.read(this.shop)).isEqualTo(HostRuntime.NONE);

		write("payment-sdk.version=\n");
		assertThat(HostRuntime.read(this.shop).paymentSdk()).isEmpty();

		assertThat(HostRuntime.parse("payment-sdk.version=\\u12".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo(HostRuntime.NONE);
	}

	@Test
	void theBuiltSdkIsTheJarOfTheHostsVersionInWhicheverModuleBuiltIt() throws Exception {
		write("payment-sdk.version=3.1.0\n");
		Files.createDirectories(this.shop.resolve("payment-sdk-v3/target"));
		Files.createDirectories(this.shop.resolve("payment-sdk-v4/target"));
		Files.createFile(this.shop.resolve("payment-sdk-v3/target/payment-sdk-3.1.0.jar"));
		Files.createFile(this.shop.resolve("payment-sdk-v4/target/payment-sdk-4.0.0.jar"));

		HostRuntime runtime = HostRuntime.read(this.shop);

		assertThat(runtime.builtPaymentSdk(this.shop)).hasValue(this.shop.resolve("payment-sdk-v3/target/payment-sdk-3.1.0.jar"));
		assertThat(HostRuntime.parse("payment-sdk.version=5.0.0".getBytes(StandardCharsets.ISO_8859_1))
			.builtPaymentSdk(this.shop)).isEmpty();
	}

}
