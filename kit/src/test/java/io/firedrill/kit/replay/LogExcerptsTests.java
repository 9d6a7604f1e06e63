package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class LogExcerptsTests {

	private static final List<String> LOG = List.of(
			"2026-11-26T04:20:01.123Z  INFO 4242 --- [checkout-service] [main] c.a.s.CheckoutApplication : Started",
			"2026-11-26T04:20:02.500Z ERROR 4242 --- [checkout-service] [exec-2] o.a.c.c.C.[.[.[/].[dispatcherServlet] : "
					+ "Servlet.service() threw exception",
			"java.lang.NullPointerException: Cannot invoke \"String.trim()\" because \"code\" is null",
			"\tat com.acme.shop.discount.DiscountService.normalize(DiscountService.java:36) ~[!/:2.3.0]",
			"\tat com.acme.shop.discount.DiscountService.validate(DiscountService.java:28) ~[!/:2.3.0]",
			"\tat com.acme.shop.checkout.CheckoutService.totalToCharge(CheckoutService.java:71) ~[!/:2.3.0]",
			"\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885) "
					+ "[spring-webmvc-7.0.8.jar!/:7.0.8]",
			"\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658) ~[tomcat-embed-core-11.0.jar!/:na]",
			"\tat java.base/java.lang.Thread.run(Thread.java:840) ~[na:na]");

	@Test
	void readsEachEventWithItsStackTrace() {
		List<LogExcerpts.Event> errors = LogExcerpts.events(LOG).stream()
			.filter((event) -> event.level().equals("ERROR"))
			.toList();

		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.exception()).contains(LOG.get(2));
			assertThat(error.message()).isEqualTo("Servlet.service() threw exception");
			assertThat(error.lines()).hasSize(7);
		});
	}

	@Test
	void trimsAStackTraceToItsFirstFramesWithoutPackagingData() {
		LogExcerpts.Event error = LogExcerpts.events(LOG).get(1);

		String trimmed = LogExcerpts.trimmed(error, (instant) -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
			.withHour(14)
			.withMinute(3));

		assertThat(trimmed).startsWith("2026-11-26T14:03:02.500Z ERROR 4242 --- [checkout-service]")
			.contains("\tat com.acme.shop.discount.DiscountService.normalize(DiscountService.java:36)\n")
			.contains("\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n")
			.doesNotContain("2.3.0", "spring-webmvc-7.0.8.jar", "HttpServlet")
			.endsWith("\t...\n");
		assertThat(trimmed.lines().filter((line) -> line.startsWith("\tat "))).hasSize(LogExcerpts.FRAMES);
	}

	@Test
	void aFailedSpringBootStartIsExplainedByTheDeepestCauseOfItsLastError() {
		List<String> log = List.of(
				"2026-12-02T05:54:40.100Z  INFO 4343 --- [checkout-service] [main] c.a.s.CheckoutApplication : Starting",
				"2026-12-02T05:54:44.900Z ERROR 4343 --- [checkout-service] [main] o.s.boot.SpringApplication : "
						+ "Application run failed",
				"org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'liquibase'",
				"\tat org.springframework.beans.factory.support.AbstractBeanFactory.getBean(AbstractBeanFactory.java:1)",
				"Caused by: liquibase.exception.LockException: Could not acquire change log lock.",
				"\tat liquibase.lockservice.StandardLockService.waitForLock(StandardLockService.java:1)",
				"\t... 20 common frames omitted");

		assertThat(LogExcerpts.whyStartFailed(log))
			.contains("liquibase.exception.LockException: Could not acquire change log lock.");
	}

	@Test
	void aJvmThatDiedBeforeLoggingIsExplainedByItsLastLine() {
		List<String> log = List.of("Error occurred during initialization of VM",
				"Unable to use shared archive: the archive was created by a different JVM", "");

		assertThat(LogExcerpts.whyStartFailed(log))
			.contains("Unable to use shared archive: the archive was created by a different JVM");
		assertThat(LogExcerpts.whyStartFailed(List.of())).isEmpty();
	}

}
