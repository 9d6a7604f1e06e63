package io.firedrill.kit.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.firedrill.kit.replay.ShopHost.JobRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSessionTests {

	@TempDir
	Path dir;

	@Test
	void theErrorLinesAreTheLogsErrorsAndTheExceptionsHeadlinesNotTheirStackFrames() throws Exception {
		Path job = this.dir.resolve("refund-processor.log");
		Files.writeString(job, """
				2026-11-30T20:11:59.400Z  INFO 1 --- [main] c.a.s.r.RefundProcessor : 2 refunds to process
				2026-11-30T20:11:59.439Z ERROR 1 --- [main] c.a.s.r.RefundProcessorApplication : Refund processing failed
				java.lang.NoSuchMethodError: 'com.acme.payments.ChargeResult com.acme.payments.PaymentClient.charge(long)'
				\tat com.acme.shop.refund.RefundProcessor.process(RefundProcessor.java:42)
				""");
		Path service = this.dir.resolve("checkout-service.log");
		Files.writeString(service, """
				2026-11-30T20:12:00.000Z  INFO 2 --- [main] c.a.s.CheckoutApplication : Started
				2026-11-30T20:12:01.000Z ERROR 2 --- [exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() failed
				Caused by: org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException: NULL not allowed for column "ORDER_METADATA"
				""");
		JobRun run = new JobRun("refund-processor", "v2.4.0", "14:07", 1, Duration.ofSeconds(5), job, Instant.now());

		List<String> lines = LiveSession.errorLines(service, List.of(run));

		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("refund-processor: ").endsWith("Refund processing failed");
		assertThat(lines.get(1)).startsWith("refund-processor: java.lang.NoSuchMethodError");
		assertThat(lines.get(3)).startsWith("checkout-service: Caused by: ").contains("ORDER_METADATA");
		assertThat(lines).noneMatch((line) -> line.contains("\tat ") || line.contains(" INFO "));
	}

	@Test
	void aMissingLogHasNoErrorLines() {
		assertThat(LiveSession.errorLines(this.dir.resolve("none.log"), List.of())).isEmpty();
	}

	@Test
	void simulatedTimesCarryTheDayAfterTheFirst() {
		LocalDateTime start = LocalDateTime.of(2026, 11, 24, 13, 55);

		assertThat(LiveSession.label(start, start)).isEqualTo("13:55");
		assertThat(LiveSession.label(start, start.plusHours(10).plusMinutes(6))).isEqualTo("+1d 00:01");
	}

}
