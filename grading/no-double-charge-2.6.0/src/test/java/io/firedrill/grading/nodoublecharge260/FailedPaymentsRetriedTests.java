package io.firedrill.grading.nodoublecharge260;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payments.LedgerEntry;
import com.acme.payments.SandboxGateway;
import io.firedrill.grading.support.Databases;
import io.firedrill.grading.support.Orders;
import io.firedrill.grading.support.RunningShop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Behaviour: what the retry job is for still happens. Orders whose payment was declined at checkout are charged
 * again and paid, each exactly once, also when the job runs on two hosts at the same time (each host has its own
 * connection to the gateway; the charges of both are counted).
 */
class FailedPaymentsRetriedTests {

    private static final int ORDERS = 6;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void failedPaymentsAreChargedOnceAndPaidWhenTwoHostsRunTheJob(Databases kind) throws Exception {
        ShopDatabase database = ShopDatabase.fresh(kind);
        try (RunningShop first = database.startRetryJob("100ms"); RunningShop second = database.startRetryJob("100ms")) {
            JdbcClient jdbc = first.jdbc();
            List<Long> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                long orderId = Orders.insert(jdbc, 5200 + i, "18.00", "payment_failed");
                jdbc.sql("INSERT INTO payments (order_id, transaction_id, amount, status, decline_code) "
                                + "VALUES (:order, :txn, 18.00, 'declined', 'insufficient_funds')")
                        .param("order", orderId).param("txn", "txn_declined_" + orderId).update();
                orders.add(orderId);
            }

            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> Runs.retryOnce(first));
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> Runs.retryOnce(second));
            one.get(60, TimeUnit.SECONDS);
            other.get(60, TimeUnit.SECONDS);

            for (long orderId : orders) {
                String status = jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", orderId)
                        .query(String.class).single();
                assertThat(status)
                        .withFailMessage("on %s, order %d, whose payment had failed, is '%s' after the retry job ran "
                                + "on two hosts, instead of 'paid'", database, orderId, status)
                        .isEqualTo("paid");
                List<LedgerEntry> charges = Stream.of(first, second)
                        .flatMap(host -> CheckoutInFlightTests.approvedCharges(host.bean(SandboxGateway.class), orderId).stream())
                        .toList();
                assertThat(charges)
                        .withFailMessage("on %s, order %d was charged %d times when the retry job ran on two hosts at "
                                + "once, expected exactly once (%s)", database, orderId, charges.size(), charges)
                        .hasSize(1);
            }
        }
    }
}
