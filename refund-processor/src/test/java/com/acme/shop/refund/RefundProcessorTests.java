package com.acme.shop.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.payments.ChargeResult;
import com.acme.payments.LedgerEntry;
import com.acme.payments.PaymentException;
import com.acme.payments.Payments;
import com.acme.payments.SandboxGateway;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
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
        "spring.datasource.url=jdbc:h2:mem:refund-processor;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
        "acme.jobs.refunds.batch-size=10"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED) // the processor commits its own work, like in production
@Import({RefundProcessor.class, RefundProcessorTests.SandboxPayments.class})
class RefundProcessorTests {

    static final long CUSTOMER = 1001;
    static final long UNREACHABLE_CUSTOMER = 5030;
    static final long CLOSED_ACCOUNT_CUSTOMER = 4100;

    @Autowired
    RefundProcessor processor;

    @Autowired
    SandboxGateway gateway;

    @Autowired
    JdbcClient jdbc;

    private int ledgerMark;

    @BeforeEach
    void startFromEmptyTables() {
        jdbc.sql("DELETE FROM refund_requests").update();
        jdbc.sql("DELETE FROM payments").update();
        jdbc.sql("DELETE FROM orders").update();
        ledgerMark = gateway.ledger().size();
    }

    @Test
    void creditsTheOrdersCustomerAndMarksTheRequestRefunded() {
        long order = paidOrder(CUSTOMER, "50.00");
        long request = refundRequest(order, "20.00");

        RefundReport report = processor.processRefundRequests();

        assertThat(report).isEqualTo(new RefundReport(1, 0, 0));
        assertThat(credits()).singleElement().satisfies(credit -> {
            assertThat(credit.customerId()).isEqualTo("1001");
            assertThat(credit.reference()).isEqualTo("refund-" + request);
            assertThat(credit.amount().value()).isEqualByComparingTo("-20.00");
            assertThat(credit.isApproved()).isTrue();
        });
        RequestRow row = requestRow(request);
        assertThat(row.status()).isEqualTo("refunded");
        assertThat(row.transactionId()).isEqualTo(credits().get(0).transactionId());
        assertThat(row.processedAt()).isNotNull();
    }

    @Test
    void refundsEachRequestOnlyOnceWhenRunTwice() {
        long request = refundRequest(paidOrder(CUSTOMER, "50.00"), "50.00");

        processor.processRefundRequests();
        RefundReport secondRun = processor.processRefundRequests();

        assertThat(secondRun).isEqualTo(new RefundReport(0, 0, 0));
        assertThat(credits()).hasSize(1);
        assertThat(requestRow(request).status()).isEqualTo("refunded");
    }

    @Test
    void paysOutEveryPartialRefundOfAnOrderToTheCustomerWhoPaidForIt() {
        long order = paidOrder(CUSTOMER + 7, "80.00");
        long first = refundRequest(order, "30.00");
        long second = refundRequest(order, "15.50");
        long otherCustomersRequest = refundRequest(paidOrder(CUSTOMER, "10.00"), "10.00");

        processor.processRefundRequests();

        assertThat(credits()).extracting(LedgerEntry::reference, LedgerEntry::customerId, credit -> credit.amount().value())
                .containsExactly(
                        tuple("refund-" + first, "1008", new BigDecimal("-30.00")),
                        tuple("refund-" + second, "1008", new BigDecimal("-15.50")),
                        tuple("refund-" + otherCustomersRequest, "1001", new BigDecimal("-10.00")));
    }

    @Test
    void marksADeclinedRefundFailedWithTheGatewaysTransaction() {
        long request = refundRequest(paidOrder(CLOSED_ACCOUNT_CUSTOMER, "25.00"), "25.00");

        RefundReport report = processor.processRefundRequests();

        assertThat(report).isEqualTo(new RefundReport(0, 1, 0));
        RequestRow row = requestRow(request);
        assertThat(row.status()).isEqualTo("failed");
        assertThat(row.transactionId()).isEqualTo("txn_closed_account");
        assertThat(row.processedAt()).isNotNull();
        assertThat(processor.processRefundRequests()).as("a failed refund is not retried").isEqualTo(new RefundReport(0, 0, 0));
    }

    @Test
    void failsARequestWithoutAPositiveAmountWithoutCallingTheGateway() {
        long order = paidOrder(CUSTOMER, "25.00");
        long negative = refundRequest(order, "-25.00");
        long zero = refundRequest(order, "0.00");

        RefundReport report = processor.processRefundRequests();

        assertThat(report).isEqualTo(new RefundReport(0, 2, 0));
        assertThat(credits()).isEmpty();
        assertThat(List.of(requestRow(negative).status(), requestRow(zero).status())).containsOnly("failed");
    }

    @Test
    void putsTheRequestBackWhenTheGatewayIsUnreachableAndCarriesOnWithTheNextOne() {
        long unreachable = refundRequest(paidOrder(UNREACHABLE_CUSTOMER, "10.00"), "10.00");
        long next = refundRequest(paidOrder(CUSTOMER, "20.00"), "20.00");

        RefundReport report = processor.processRefundRequests();

        assertThat(report).isEqualTo(new RefundReport(1, 0, 1));
        RequestRow row = requestRow(unreachable);
        assertThat(row.status()).isEqualTo("requested");
        assertThat(row.processedAt()).isNull();
        assertThat(requestRow(next).status()).isEqualTo("refunded");
        assertThat(credits()).extracting(LedgerEntry::reference).containsExactly("refund-" + next);
    }

    @Test
    void leavesRequestsThatAreNotWaitingAlone() {
        long order = paidOrder(CUSTOMER, "90.00");
        long processing = refundRequest(order, "10.00", "processing");
        long refunded = refundRequest(order, "10.00", "refunded");
        long failed = refundRequest(order, "10.00", "failed");

        RefundReport report = processor.processRefundRequests();

        assertThat(report).isEqualTo(new RefundReport(0, 0, 0));
        assertThat(credits()).isEmpty();
        assertThat(List.of(requestRow(processing).status(), requestRow(refunded).status(), requestRow(failed).status()))
                .containsExactly("processing", "refunded", "failed");
    }

    @Test
    void paysOutEveryRequestExactlyOnceWhenTwoRunsOverlap() throws Exception {
        List<Long> requests = IntStream.range(0, 8)
                .mapToObj(i -> refundRequest(paidOrder(CUSTOMER + i, "12.00"), "12.00"))
                .toList();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<RefundReport> first = CompletableFuture.supplyAsync(() -> runAfter(start), executor);
            CompletableFuture<RefundReport> second = CompletableFuture.supplyAsync(() -> runAfter(start), executor);

            assertThat(first.get().refunded() + second.get().refunded()).isEqualTo(requests.size());
        } finally {
            executor.shutdown();
        }
        assertThat(credits()).extracting(LedgerEntry::reference)
                .containsExactlyInAnyOrderElementsOf(requests.stream().map(id -> "refund-" + id).toList());
        assertThat(requests).allSatisfy(request -> assertThat(requestRow(request).status()).isEqualTo("refunded"));
    }

    private RefundReport runAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return processor.processRefundRequests();
    }

    /** Credits sent to the gateway by the test that is running. */
    private List<LedgerEntry> credits() {
        List<LedgerEntry> ledger = gateway.ledger();
        return ledger.subList(ledgerMark, ledger.size());
    }

    private long paidOrder(long customerId, String amount) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (:customerId, :amount, 'paid')")
                .param("customerId", customerId)
                .param("amount", new BigDecimal(amount))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long refundRequest(long orderId, String amount) {
        return refundRequest(orderId, amount, "requested");
    }

    private long refundRequest(long orderId, String amount, String status) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO refund_requests (order_id, amount, reason, status)
                        VALUES (:orderId, :amount, 'damaged in transit', :status)""")
                .param("orderId", orderId)
                .param("amount", new BigDecimal(amount))
                .param("status", status)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private RequestRow requestRow(long id) {
        return jdbc.sql("SELECT status, transaction_id, processed_at FROM refund_requests WHERE id = :id")
                .param("id", id)
                .query(RequestRow.class)
                .single();
    }

    record RequestRow(String status, String transactionId, Timestamp processedAt) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SandboxPayments {

        @Bean
        SandboxGateway sandboxGateway() {
            return SandboxGateway.builder()
                    .declinesPerThousand(0)
                    // Long enough for overlapping runs to interleave.
                    .processingTime(Duration.ofMillis(5))
                    .build();
        }

        /**
         * The sandbox, except that one customer's requests time out before reaching it and
         * another's card account is closed, so credits to it are declined.
         */
        @Bean
        Payments payments(SandboxGateway sandbox) {
            return Payments.using(request -> {
                if (request.customerId().equals(String.valueOf(UNREACHABLE_CUSTOMER))) {
                    throw new PaymentException("connect timed out");
                }
                if (request.customerId().equals(String.valueOf(CLOSED_ACCOUNT_CUSTOMER))) {
                    return ChargeResult.declined("txn_closed_account", request.amount(), "account_closed");
                }
                return sandbox.process(request);
            });
        }
    }
}
