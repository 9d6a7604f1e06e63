package com.acme.shop.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** Starts the application the way the hosts do, on its own file-backed database. */
@ExtendWith(OutputCaptureExtension.class)
class RefundProcessorApplicationIntegrationTests {

    @TempDir
    Path dataDir;

    private String[] args;

    @BeforeEach
    void useOwnDatabase() {
        args = new String[] {"--acme.data-dir=" + dataDir};
    }

    @Test
    void runOncePaysOutTheRequestedRefundsWithoutSchedulingAndExitsWithZero(CapturedOutput output) {
        long request;
        try (ConfigurableApplicationContext context = RefundProcessorApplication.startWithoutScheduling(with("--run-once"))) {
            assertThat(context.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
            assertThat(context.getBeanNamesForType(SchedulingConfiguration.class)).isEmpty();
            request = requestedRefund(context.getBean(JdbcClient.class));
        }

        int exitCode = RefundProcessorApplication.runOnce(with("--run-once"));

        assertThat(exitCode).isZero();
        assertThat(output).contains("Refund processing finished: 1 refunded, 0 failed, 0 postponed");
        assertThat(statusOf(request)).isEqualTo("refunded");
    }

    @Test
    void runOnceExitsWithNonZeroAndLogsTheStackTraceWhenTheRunFails(CapturedOutput output) {
        // Without migrations the fresh database has no refund_requests table.
        int exitCode = RefundProcessorApplication.runOnce(with("--run-once", "--spring.liquibase.enabled=false"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(output).contains("Refund processing failed")
                .contains("BadSqlGrammarException")
                .contains("at com.acme.shop.refund.RefundProcessor.processRefundRequests");
    }

    @Test
    void runOnceRefusesToStartWithAGatewayOtherThanTheSandbox(CapturedOutput output) {
        int exitCode = RefundProcessorApplication.runOnce(with("--run-once", "--acme.payments.gateway=hosted"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(output).contains("acme.payments.gateway=hosted is not supported: only the sandbox gateway is available in this build");
    }

    @Test
    void schedulesTheRefundsWhenStartedWithoutRunOnce() {
        try (ConfigurableApplicationContext context = SpringApplication.run(RefundProcessorApplication.class,
                with("--acme.jobs.refunds.interval=PT1H"))) {
            assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                    .flatExtracting(ScheduledTaskHolder::getScheduledTasks)
                    .extracting(task -> task.getTask().getRunnable().toString())
                    .containsExactly(RefundProcessor.class.getName() + ".processRefundRequests");
        }
    }

    private String[] with(String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(args, 0, all, more.length, args.length);
        return all;
    }

    private String statusOf(long request) {
        JdbcClient database = JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + dataDir + "/shop;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE", "sa", ""));
        return database.sql("SELECT status FROM refund_requests WHERE id = ?").param(request).query(String.class).single();
    }

    private static long requestedRefund(JdbcClient jdbc) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (42, 49.90, 'paid')").update(keys, "id");
        long order = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("INSERT INTO refund_requests (order_id, amount, reason, status) VALUES (?, 49.90, 'arrived broken', 'requested')")
                .param(order)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
