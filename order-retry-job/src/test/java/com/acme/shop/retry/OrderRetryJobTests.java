package com.acme.shop.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.payments.LedgerEntry;
import com.acme.payments.PaymentException;
import com.acme.payments.Payments;
import com.acme.payments.SandboxGateway;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
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
        "spring.datasource.url=jdbc:h2:mem:order-retry-job;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
        "acme.jobs.order-retry.max-attempts=3",
        "acme.jobs.order-retry.batch-size=10"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED) // the job commits its own work, like in production
@Import({OrderRetryJob.class, OrderRetryJobTests.SandboxPayments.class})
class OrderRetryJobTests {

    static final long CUSTOMER = 1001;
    static final long DECLINING_CUSTOMER = 4000;
    static final long UNREACHABLE_CUSTOMER = 5030;

    @Autowired
    OrderRetryJob job;

    @Autowired
    SandboxGateway gateway;

    @Autowired
    JdbcClient jdbc;

    private int ledgerMark;

    @BeforeEach
    void startFromEmptyTables() {
        jdbc.sql("DELETE FROM payments").update();
        jdbc.sql("DELETE FROM refund_requests").update();
        jdbc.sql("DELETE FROM orders").update();
        ledgerMark = gateway.ledger().size();
    }

    @Test
    void chargesFailedOrdersAgainAndMarksThemPaid() {
        long first = failedOrder(CUSTOMER, "25.00");
        long second = failedOrder(CUSTOMER + 1, "12.50");

        RetryReport report = job.retryFailedPayments();

        assertThat(report).isEqualTo(new RetryReport(2, 2, 0, 0));
        assertThat(statusOf(first)).isEqualTo("paid");
        assertThat(statusOf(second)).isEqualTo("paid");
        assertThat(charges()).extracting(LedgerEntry::reference, LedgerEntry::customerId, entry -> entry.amount().value())
                .containsExactly(
                        tuple("order-" + first, "1001", new BigDecimal("25.00")),
                        tuple("order-" + second, "1002", new BigDecimal("12.50")));
        PaymentRow payment = lastPaymentOf(first);
        assertThat(payment.status()).isEqualTo("approved");
        assertThat(payment.transactionId()).isEqualTo(charges().get(0).transactionId());
        assertThat(payment.amount()).isEqualByComparingTo("25.00");
        assertThat(payment.declineCode()).isNull();
    }

    @Test
    void recordsADeclineAndLeavesTheOrderForTheNextRun() {
        long order = failedOrder(DECLINING_CUSTOMER, "40.00");

        RetryReport report = job.retryFailedPayments();

        assertThat(report).isEqualTo(new RetryReport(1, 0, 1, 0));
        assertThat(statusOf(order)).isEqualTo("payment_failed");
        assertThat(paymentsOf(order)).hasSize(2);
        PaymentRow payment = lastPaymentOf(order);
        assertThat(payment.status()).isEqualTo("declined");
        assertThat(payment.declineCode()).isEqualTo("insufficient_funds");
        assertThat(payment.transactionId()).isEqualTo(charges().get(0).transactionId());
    }

    @Test
    void chargesAnOrderOnlyOnceWhenTheJobRunsTwice() {
        long order = failedOrder(CUSTOMER, "19.99");

        job.retryFailedPayments();
        RetryReport secondRun = job.retryFailedPayments();

        assertThat(secondRun).isEqualTo(new RetryReport(0, 0, 0, 0));
        assertThat(charges()).singleElement()
                .satisfies(charge -> assertThat(charge.amount().value()).isEqualByComparingTo("19.99"));
        assertThat(statusOf(order)).isEqualTo("paid");
    }

    @Test
    void abandonsAnOrderThatHasUsedUpItsAttemptsWithoutChargingIt() {
        long order = failedOrder(CUSTOMER, "30.00");
        declinedPayment(order, "30.00");
        declinedPayment(order, "30.00");

        RetryReport report = job.retryFailedPayments();

        assertThat(report).isEqualTo(new RetryReport(0, 0, 0, 1));
        assertThat(statusOf(order)).isEqualTo("payment_abandoned");
        assertThat(charges()).isEmpty();
        assertThat(paymentsOf(order)).hasSize(3);
    }

    @Test
    void keepsRetryingADeclinedOrderUntilItsAttemptsAreUsedUp() {
        long order = failedOrder(DECLINING_CUSTOMER, "15.00");

        job.retryFailedPayments();
        job.retryFailedPayments();
        assertThat(statusOf(order)).isEqualTo("payment_failed");
        job.retryFailedPayments();

        assertThat(statusOf(order)).isEqualTo("payment_abandoned");
        assertThat(paymentsOf(order)).hasSize(3);
        assertThat(charges()).hasSize(2);
    }

    @Test
    void putsTheOrderBackWhenTheGatewayIsUnreachableAndCarriesOnWithTheNextOrder() {
        long unreachable = failedOrder(UNREACHABLE_CUSTOMER, "10.00");
        long next = failedOrder(CUSTOMER, "20.00");

        RetryReport report = job.retryFailedPayments();

        assertThat(report).isEqualTo(new RetryReport(2, 1, 1, 0));
        assertThat(statusOf(unreachable)).isEqualTo("payment_failed");
        assertThat(paymentsOf(unreachable)).as("nothing was charged, so it is no attempt").hasSize(1);
        assertThat(statusOf(next)).isEqualTo("paid");
        assertThat(charges()).extracting(LedgerEntry::reference).containsExactly("order-" + next);
    }

    @Test
    void leavesOrdersThatAreNotFailedAlone() {
        long pending = order(CUSTOMER, "10.00", "pending", LocalDateTime.now());
        long paid = order(CUSTOMER, "10.00", "paid", LocalDateTime.now());
        long retrying = order(CUSTOMER, "10.00", "payment_retrying", LocalDateTime.now());
        long abandoned = order(CUSTOMER, "10.00", "payment_abandoned", LocalDateTime.now());

        RetryReport report = job.retryFailedPayments();

        assertThat(report).isEqualTo(new RetryReport(0, 0, 0, 0));
        assertThat(charges()).isEmpty();
        assertThat(List.of(statusOf(pending), statusOf(paid), statusOf(retrying), statusOf(abandoned)))
                .containsExactly("pending", "paid", "payment_retrying", "payment_abandoned");
    }

    @Test
    void retriesTheOldestOrdersFirstAndAtMostOneBatchPerRun() {
        LocalDateTime now = LocalDateTime.now();
        long newest = failedOrder(CUSTOMER, "5.00", now);
        List<Long> older = IntStream.range(0, 10)
                .mapToObj(i -> failedOrder(CUSTOMER, "5.00", now.minusHours(10 - i)))
                .toList();

        RetryReport report = job.retryFailedPayments();

        assertThat(report.retried()).isEqualTo(10);
        assertThat(charges()).extracting(LedgerEntry::reference)
                .containsExactlyElementsOf(older.stream().map(id -> "order-" + id).toList());
        assertThat(statusOf(newest)).isEqualTo("payment_failed");
    }

    @Test
    void chargesEveryOrderExactlyOnceWhenTwoRunsOverlap() throws Exception {
        List<Long> orders = IntStream.range(0, 8).mapToObj(i -> failedOrder(CUSTOMER + i, "9.00")).toList();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<RetryReport> first = CompletableFuture.supplyAsync(() -> runAfter(start), executor);
            CompletableFuture<RetryReport> second = CompletableFuture.supplyAsync(() -> runAfter(start), executor);

            assertThat(first.get().retried() + second.get().retried()).isEqualTo(orders.size());
        } finally {
            executor.shutdown();
        }
        assertThat(charges()).extracting(LedgerEntry::reference)
                .containsExactlyInAnyOrderElementsOf(orders.stream().map(id -> "order-" + id).toList());
        assertThat(orders).allSatisfy(order -> {
            assertThat(statusOf(order)).isEqualTo("paid");
            assertThat(paymentsOf(order)).hasSize(2);
        });
    }

    private RetryReport runAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return job.retryFailedPayments();
    }

    /** Charges sent to the gateway by the test that is running. */
    private List<LedgerEntry> charges() {
        List<LedgerEntry> ledger = gateway.ledger();
        return ledger.subList(ledgerMark, ledger.size());
    }

    /** An order whose checkout payment was declined, as checkout-service leaves it. */
    private long failedOrder(long customerId, String amount) {
        return failedOrder(customerId, amount, LocalDateTime.now());
    }

    private long failedOrder(long customerId, String amount, LocalDateTime createdAt) {
        long id = order(customerId, amount, "payment_failed", createdAt);
        declinedPayment(id, amount);
        return id;
    }

    private long order(long customerId, String amount, String status, LocalDateTime createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO orders (customer_id, amount, status, created_at) VALUES (:customerId, :amount, :status, :createdAt)")
                .param("customerId", customerId)
                .param("amount", new BigDecimal(amount))
                .param("status", status)
                .param("createdAt", createdAt)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private void declinedPayment(long orderId, String amount) {
        jdbc.sql("""
                        INSERT INTO payments (order_id, transaction_id, amount, status, decline_code)
                        VALUES (:orderId, 'txn_checkout', :amount, 'declined', 'insufficient_funds')""")
                .param("orderId", orderId)
                .param("amount", new BigDecimal(amount))
                .update();
    }

    private String statusOf(long orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", orderId).query(String.class).single();
    }

    private List<PaymentRow> paymentsOf(long orderId) {
        return jdbc.sql("SELECT transaction_id, amount, status, decline_code FROM payments WHERE order_id = :id ORDER BY id")
                .param("id", orderId)
                .query(PaymentRow.class)
                .list();
    }

    private PaymentRow lastPaymentOf(long orderId) {
        List<PaymentRow> payments = paymentsOf(orderId);
        return payments.get(payments.size() - 1);
    }

    record PaymentRow(String transactionId, BigDecimal amount, String status, String declineCode) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SandboxPayments {

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
