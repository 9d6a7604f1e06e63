package com.acme.shop.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.payments.LedgerEntry;
import com.acme.payments.PaymentException;
import com.acme.payments.Payments;
import com.acme.payments.SandboxGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@JdbcTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:subscription-renewal-job;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
        // Small pages, so runs over more subscriptions than fit in one are covered too.
        "acme.jobs.subscription-renewal.batch-size=3"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED) // the job commits its own work, like in production
@Import({SubscriptionRenewalJob.class, SubscriptionRenewalJobTests.SandboxPaymentsAndClock.class})
class SubscriptionRenewalJobTests {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 15);
    static final long CUSTOMER = 1001;
    static final long DECLINING_CUSTOMER = 4000;
    static final long UNREACHABLE_CUSTOMER = 5030;

    @Autowired
    SubscriptionRenewalJob job;

    @Autowired
    SandboxGateway gateway;

    @Autowired
    JdbcClient jdbc;

    private int ledgerMark;

    @BeforeEach
    void startFromEmptyTables() {
        jdbc.sql("DELETE FROM subscription_renewals").update();
        jdbc.sql("DELETE FROM subscriptions").update();
        ledgerMark = gateway.ledger().size();
    }

    @Test
    void chargesDueSubscriptionsAndMovesThemToTheNextPeriod() {
        long dueToday = subscription(CUSTOMER, "9.99", "active", TODAY);
        long overdue = subscription(CUSTOMER + 1, "19.00", "active", TODAY.minusDays(3));

        RenewalReport report = job.renewDueSubscriptions();

        assertThat(report).isEqualTo(new RenewalReport(2, 0, 0, 0));
        assertThat(charges()).extracting(LedgerEntry::customerId, LedgerEntry::reference, charge -> charge.amount().value())
                .containsExactly(
                        tuple("1001", "subscription-" + dueToday + "-2025-03-15", new BigDecimal("9.99")),
                        tuple("1002", "subscription-" + overdue + "-2025-03-12", new BigDecimal("19.00")));
        assertThat(subscriptionRow(dueToday)).isEqualTo(new SubscriptionRow("active", LocalDate.of(2025, 4, 15)));
        assertThat(subscriptionRow(overdue)).isEqualTo(new SubscriptionRow("active", LocalDate.of(2025, 4, 12)));
        assertThat(renewalsOf(dueToday)).containsExactly(
                new RenewalRow(TODAY, "paid", charges().get(0).transactionId()));
    }

    @Test
    void leavesSubscriptionsThatAreNotDueYetUntouched() {
        long tomorrow = subscription(CUSTOMER, "9.99", "active", TODAY.plusDays(1));

        RenewalReport report = job.renewDueSubscriptions();

        assertThat(report).isEqualTo(new RenewalReport(0, 0, 0, 0));
        assertThat(charges()).isEmpty();
        assertThat(renewalsOf(tomorrow)).isEmpty();
        assertThat(subscriptionRow(tomorrow)).isEqualTo(new SubscriptionRow("active", TODAY.plusDays(1)));
    }

    @Test
    void leavesCancelledAndPastDueSubscriptionsAlone() {
        long cancelled = subscription(CUSTOMER, "9.99", "cancelled", TODAY);
        long pastDue = subscription(CUSTOMER, "9.99", "past_due", TODAY.minusMonths(1));

        job.renewDueSubscriptions();

        assertThat(charges()).isEmpty();
        assertThat(renewalsOf(cancelled)).isEmpty();
        assertThat(renewalsOf(pastDue)).isEmpty();
    }

    @Test
    void marksTheSubscriptionPastDueWhenTheRenewalIsDeclined() {
        long subscription = subscription(DECLINING_CUSTOMER, "29.00", "active", TODAY);

        RenewalReport report = job.renewDueSubscriptions();

        assertThat(report).isEqualTo(new RenewalReport(0, 1, 0, 0));
        assertThat(subscriptionRow(subscription)).isEqualTo(new SubscriptionRow("past_due", TODAY));
        assertThat(renewalsOf(subscription)).containsExactly(
                new RenewalRow(TODAY, "declined", charges().get(0).transactionId()));
        assertThat(job.renewDueSubscriptions()).as("past due subscriptions are not charged again")
                .isEqualTo(new RenewalReport(0, 0, 0, 0));
        assertThat(charges()).hasSize(1);
    }

    @Test
    void chargesAPeriodOnlyOnceWhenTheJobRunsTwice() {
        long subscription = subscription(CUSTOMER, "9.99", "active", TODAY);

        job.renewDueSubscriptions();
        RenewalReport secondRun = job.renewDueSubscriptions();

        assertThat(secondRun).isEqualTo(new RenewalReport(0, 0, 0, 0));
        assertThat(charges()).hasSize(1);
        assertThat(renewalsOf(subscription)).hasSize(1);
    }

    @Test
    void skipsAPeriodThatIsAlreadyBeingRenewed() {
        long subscription = subscription(CUSTOMER, "9.99", "active", TODAY);
        renewal(subscription, TODAY, "pending");

        RenewalReport report = job.renewDueSubscriptions();

        assertThat(report).isEqualTo(new RenewalReport(0, 0, 1, 0));
        assertThat(charges()).isEmpty();
        assertThat(subscriptionRow(subscription)).isEqualTo(new SubscriptionRow("active", TODAY));
        assertThat(renewalsOf(subscription)).containsExactly(new RenewalRow(TODAY, "pending", null));
    }

    @Test
    void chargesADeclinedPeriodOnceMoreAfterTheSubscriptionWasReactivated() {
        long subscription = subscription(CUSTOMER, "9.99", "active", TODAY);
        renewal(subscription, TODAY, "declined");

        RenewalReport report = job.renewDueSubscriptions();
        job.renewDueSubscriptions();

        assertThat(report).isEqualTo(new RenewalReport(1, 0, 0, 0));
        assertThat(charges()).extracting(LedgerEntry::reference).containsExactly("subscription-" + subscription + "-2025-03-15");
        assertThat(renewalsOf(subscription)).containsExactly(new RenewalRow(TODAY, "paid", charges().get(0).transactionId()));
        assertThat(subscriptionRow(subscription)).isEqualTo(new SubscriptionRow("active", TODAY.plusMonths(1)));
    }

    @Test
    void givesThePeriodBackWhenTheGatewayIsUnreachableAndCarriesOnWithTheNextSubscription() {
        long unreachable = subscription(UNREACHABLE_CUSTOMER, "9.99", "active", TODAY);
        long next = subscription(CUSTOMER, "9.99", "active", TODAY);

        RenewalReport report = job.renewDueSubscriptions();

        assertThat(report).isEqualTo(new RenewalReport(1, 0, 0, 1));
        assertThat(renewalsOf(unreachable)).as("the next run can claim the period again").isEmpty();
        assertThat(subscriptionRow(unreachable)).isEqualTo(new SubscriptionRow("active", TODAY));
        assertThat(subscriptionRow(next)).isEqualTo(new SubscriptionRow("active", TODAY.plusMonths(1)));
    }

    @Test
    void renewsEveryDueSubscriptionHoweverManyAreDue() {
        List<Long> subscriptions = IntStream.range(0, 7)
                .mapToObj(i -> subscription(CUSTOMER + i, "5.00", "active", TODAY))
                .toList();

        RenewalReport report = job.renewDueSubscriptions();

        assertThat(report.renewed()).isEqualTo(subscriptions.size());
        assertThat(subscriptions).allSatisfy(subscription ->
                assertThat(subscriptionRow(subscription).nextRenewalOn()).isEqualTo(TODAY.plusMonths(1)));
    }

    @Test
    void chargesEveryPeriodExactlyOnceWhenTwoRunsOverlap() throws Exception {
        List<Long> subscriptions = IntStream.range(0, 8)
                .mapToObj(i -> subscription(CUSTOMER + i, "7.50", "active", TODAY))
                .toList();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<RenewalReport> first = CompletableFuture.supplyAsync(() -> runAfter(start), executor);
            CompletableFuture<RenewalReport> second = CompletableFuture.supplyAsync(() -> runAfter(start), executor);

            assertThat(first.get().renewed() + second.get().renewed()).isEqualTo(subscriptions.size());
        } finally {
            executor.shutdown();
        }
        assertThat(charges()).extracting(LedgerEntry::reference).containsExactlyInAnyOrderElementsOf(
                subscriptions.stream().map(id -> "subscription-" + id + "-2025-03-15").toList());
        assertThat(subscriptions).allSatisfy(subscription -> assertThat(renewalsOf(subscription)).hasSize(1));
    }

    private RenewalReport runAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return job.renewDueSubscriptions();
    }

    /** Charges sent to the gateway by the test that is running. */
    private List<LedgerEntry> charges() {
        List<LedgerEntry> ledger = gateway.ledger();
        return ledger.subList(ledgerMark, ledger.size());
    }

    private long subscription(long customerId, String amount, String status, LocalDate nextRenewalOn) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO subscriptions (customer_id, plan, amount, status, next_renewal_on)
                        VALUES (:customerId, 'coffee-monthly', :amount, :status, :nextRenewalOn)""")
                .param("customerId", customerId)
                .param("amount", new BigDecimal(amount))
                .param("status", status)
                .param("nextRenewalOn", nextRenewalOn)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private void renewal(long subscriptionId, LocalDate periodStart, String status) {
        jdbc.sql("INSERT INTO subscription_renewals (subscription_id, period_start, status) VALUES (:id, :periodStart, :status)")
                .param("id", subscriptionId)
                .param("periodStart", periodStart)
                .param("status", status)
                .update();
    }

    private SubscriptionRow subscriptionRow(long id) {
        return jdbc.sql("SELECT status, next_renewal_on FROM subscriptions WHERE id = :id")
                .param("id", id)
                .query(SubscriptionRow.class)
                .single();
    }

    private List<RenewalRow> renewalsOf(long subscriptionId) {
        return jdbc.sql("SELECT period_start, status, transaction_id FROM subscription_renewals WHERE subscription_id = :id ORDER BY period_start")
                .param("id", subscriptionId)
                .query(RenewalRow.class)
                .list();
    }

    record SubscriptionRow(String status, LocalDate nextRenewalOn) {
    }

    record RenewalRow(LocalDate periodStart, String status, String transactionId) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SandboxPaymentsAndClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-03-15T00:00:05Z"), ZoneOffset.UTC);
        }

        @Bean
        SandboxGateway sandboxGateway() {
            return SandboxGateway.builder()
                    .declinesPerThousand(0)
                    .decliningCustomer(String.valueOf(DECLINING_CUSTOMER))
                    // Long enough for overlapping runs to interleave.
                    .processingTime(Duration.ofMillis(5))
                    .build();
        }

        /** The sandbox, except that one customer's charges time out before reaching it. */
        @Bean
        Payments payments(SandboxGateway sandbox) {
            return Payments.using(request -> {
                if (request.customerId().equals(String.valueOf(UNREACHABLE_CUSTOMER))) {
                    throw new PaymentException("connect timed out");
                }
                return sandbox.process(request);
            });
        }
    }
}
