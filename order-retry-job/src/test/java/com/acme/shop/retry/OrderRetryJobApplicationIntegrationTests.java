package com.acme.shop.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
class OrderRetryJobApplicationIntegrationTests {

    @TempDir
    Path dataDir;

    private String[] args;

    @BeforeEach
    void useOwnDatabase() {
        args = new String[] {"--acme.data-dir=" + dataDir, "--acme.payments.sandbox.declines-per-thousand=0"};
    }

    @Test
    void runOnceRetriesTheFailedOrdersWithoutSchedulingAndExitsWithZero(CapturedOutput output) {
        long order;
        try (ConfigurableApplicationContext context = OrderRetryJobApplication.startWithoutScheduling(with("--run-once"))) {
            assertThat(context.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
            assertThat(context.getBeanNamesForType(SchedulingConfiguration.class)).isEmpty();
            order = failedOrder(context.getBean(JdbcClient.class));
        }

        int exitCode = OrderRetryJobApplication.runOnce(with("--run-once"));

        assertThat(exitCode).isZero();
        assertThat(output).contains("Order payment retry finished: 1 retried, 1 paid, 0 still failing, 0 abandoned");
        JdbcClient database = database();
        assertThat(database.sql("SELECT status FROM orders WHERE id = ?").param(order).query(String.class).single())
                .isEqualTo("paid");
        assertThat(database.sql("SELECT status FROM payments WHERE order_id = ? ORDER BY id").param(order).query(String.class).list())
                .containsExactly("declined", "approved");
    }

    @Test
    void runOnceExitsWithNonZeroAndLogsTheStackTraceWhenTheRunFails(CapturedOutput output) {
        // Without migrations the fresh database has no orders table.
        int exitCode = OrderRetryJobApplication.runOnce(with("--run-once", "--spring.liquibase.enabled=false"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(output).contains("Order payment retry failed")
                .contains("BadSqlGrammarException")
                .contains("at com.acme.shop.retry.OrderRetryJob.retryFailedPayments");
    }

    @Test
    void runOnceRefusesToStartWithAGatewayOtherThanTheSandbox(CapturedOutput output) {
        int exitCode = OrderRetryJobApplication.runOnce(with("--run-once", "--acme.payments.gateway=hosted"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(output).contains("acme.payments.gateway=hosted is not supported: only the sandbox gateway is available in this build");
    }

    @Test
    void schedulesTheRetryWhenStartedWithoutRunOnce() {
        try (ConfigurableApplicationContext context = SpringApplication.run(OrderRetryJobApplication.class,
                with("--acme.jobs.order-retry.interval=PT1H"))) {
            assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                    .flatExtracting(ScheduledTaskHolder::getScheduledTasks)
                    .extracting(task -> task.getTask().getRunnable().toString())
                    .containsExactly(OrderRetryJob.class.getName() + ".retryFailedPayments");
        }
    }

    private String[] with(String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(args, 0, all, more.length, args.length);
        return all;
    }

    private JdbcClient database() {
        return JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + dataDir + "/shop;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE", "sa", ""));
    }

    private static long failedOrder(JdbcClient jdbc) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (42, 49.90, 'payment_failed')").update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("INSERT INTO payments (order_id, transaction_id, amount, status, decline_code) VALUES (?, 'txn_checkout', ?, 'declined', 'insufficient_funds')")
                .params(id, new BigDecimal("49.90"))
                .update();
        return id;
    }
}
