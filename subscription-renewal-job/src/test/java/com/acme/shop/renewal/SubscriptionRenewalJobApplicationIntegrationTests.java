package com.acme.shop.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** Starts the application the way the hosts do, on its own file-backed database. */
@ExtendWith(OutputCaptureExtension.class)
class SubscriptionRenewalJobApplicationIntegrationTests {

    @TempDir
    Path dataDir;

    private String[] args;

    @BeforeEach
    void useOwnDatabase() {
        args = new String[] {"--acme.data-dir=" + dataDir, "--acme.payments.sandbox.declines-per-thousand=0"};
    }

    @Test
    void runOnceRenewsTheDueSubscriptionsWithoutSchedulingAndExitsWithZero(CapturedOutput output) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long subscription;
        try (ConfigurableApplicationContext context = SubscriptionRenewalJobApplication.startWithoutScheduling(with("--run-once"))) {
            assertThat(context.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
            assertThat(context.getBeanNamesForType(SchedulingConfiguration.class)).isEmpty();
            subscription = dueSubscription(context.getBean(JdbcClient.class), today);
        }

        int exitCode = SubscriptionRenewalJobApplication.runOnce(with("--run-once"));

        assertThat(exitCode).isZero();
        assertThat(output).contains("Subscription renewal for " + today + " finished: 1 renewed, 0 declined, 0 skipped, 0 postponed");
        assertThat(database().sql("SELECT next_renewal_on FROM subscriptions WHERE id = ?").param(subscription)
                .query(LocalDate.class).single()).isEqualTo(today.plusMonths(1));
        assertThat(database().sql("SELECT status FROM subscription_renewals WHERE subscription_id = ?").param(subscription)
                .query(String.class).list()).containsExactly("paid");
    }

    @Test
    void runOnceExitsWithNonZeroAndLogsTheStackTraceWhenTheRunFails(CapturedOutput output) {
        // Without migrations the fresh database has no subscriptions table.
        int exitCode = SubscriptionRenewalJobApplication.runOnce(with("--run-once", "--spring.liquibase.enabled=false"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(output).contains("Subscription renewal failed")
                .contains("BadSqlGrammarException")
                .contains("at com.acme.shop.renewal.SubscriptionRenewalJob.renewDueSubscriptions");
    }

    @Test
    void runOnceRefusesToStartWithAGatewayOtherThanTheSandbox(CapturedOutput output) {
        int exitCode = SubscriptionRenewalJobApplication.runOnce(with("--run-once", "--acme.payments.gateway=hosted"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(output).contains("acme.payments.gateway=hosted is not supported: only the sandbox gateway is available in this build");
    }

    @Test
    void schedulesTheRenewalNightlyWhenStartedWithoutRunOnce() {
        try (ConfigurableApplicationContext context = SpringApplication.run(SubscriptionRenewalJobApplication.class, args)) {
            assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                    .flatExtracting(ScheduledTaskHolder::getScheduledTasks)
                    .singleElement()
                    .satisfies(scheduled -> {
                        assertThat(scheduled.getTask()).isInstanceOfSatisfying(CronTask.class,
                                task -> assertThat(task.getExpression()).isEqualTo("0 0 0 * * *"));
                        assertThat(scheduled.getTask().getRunnable()).hasToString(
                                SubscriptionRenewalJob.class.getName() + ".renewDueSubscriptions");
                    });
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

    private static long dueSubscription(JdbcClient jdbc, LocalDate today) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO subscriptions (customer_id, plan, amount, status, next_renewal_on) VALUES (42, 'coffee-monthly', 12.00, 'active', ?)")
                .param(today)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
