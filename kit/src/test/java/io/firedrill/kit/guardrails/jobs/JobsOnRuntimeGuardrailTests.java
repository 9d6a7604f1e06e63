package io.firedrill.kit.guardrails.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsOnRuntimeGuardrailTests {

	@TempDir
	Path dir;

	@Test
	void theFirstErrorIsTheExceptionLineNotTheLogLineAboveIt() {
		List<String> output = List.of(
				"2026-11-24T14:05:00.000Z  INFO 1 --- [main] c.a.s.r.OrderRetryJobApplication : Started",
				"2026-11-24T14:05:01.000Z ERROR 1 --- [main] c.a.s.r.OrderRetryJobApplication : Order payment retry failed",
				"",
				"java.lang.NoSuchMethodError: 'com.acme.payments.ChargeResult com.acme.payments.PaymentClient.charge(com.acme.payments.Amount)'",
				"\tat com.acme.shop.retry.OrderRetryJob.chargeOrder(OrderRetryJob.java:128) ~[classes!/:2.3.0]");

		assertThat(JobsOnRuntimeGuardrail.firstError(output)).hasValue("java.lang.NoSuchMethodError: "
				+ "'com.acme.payments.ChargeResult com.acme.payments.PaymentClient.charge(com.acme.payments.Amount)'");
	}

	@Test
	void withoutAnExceptionTheFirstErrorLogLineOrTheLaunchersMessage() {
		assertThat(JobsOnRuntimeGuardrail.firstError(List.of("x", "2026 ERROR 1 --- [main] Application run failed")))
			.hasValue("2026 ERROR 1 --- [main] Application run failed");
		assertThat(JobsOnRuntimeGuardrail.firstError(List.of("run.sh: payment-sdk 4.0.0 not found; build first")))
			.hasValue("run.sh: payment-sdk 4.0.0 not found; build first");
		assertThat(JobsOnRuntimeGuardrail.firstError(List.of("all good"))).isEmpty();
	}

	@Test
	void theDatabaseIsTheOneTheJobConfiguresInTheFreshDataDirectory() throws Exception {
		Path module = this.dir.resolve("order-retry-job");
		Files.createDirectories(module.resolve("src/main/resources"));
		Files.writeString(module.resolve("src/main/resources/application.properties"), """
				acme.data-dir=${ACME_DATA_DIR:${java.io.tmpdir}/acme-shop}
				spring.datasource.url=jdbc:h2:file:${acme.data-dir}/shop;MODE=PostgreSQL;AUTO_SERVER=TRUE
				""");
		assertThat(JobsOnRuntimeGuardrail.databaseUrl(module, Path.of("/data")))
			.isEqualTo("jdbc:h2:file:/data/shop;MODE=PostgreSQL;AUTO_SERVER=TRUE");
	}

}
