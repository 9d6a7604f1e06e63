package io.firedrill.grading.nodoublecharge260;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payments.Amount;
import com.acme.payments.ChargeResult;
import com.acme.payments.LedgerEntry;
import com.acme.payments.Payments;
import com.acme.payments.SandboxGateway;
import io.firedrill.grading.support.Databases;
import io.firedrill.grading.support.Orders;
import io.firedrill.grading.support.RunningShop;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Behaviour: the candidate's retry job runs while checkout-service is charging an order (the order is stored as
 * {@code pending} before the customer is charged, and checkout records the answer when the gateway gives it), and
 * after a checkout that charged the customer died before it could record it. The customer must be charged once
 * for the order, whatever the job does with it. The gateway is one: the checkout's charge and the job's land in
 * the same ledger.
 */
class CheckoutInFlightTests {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void anOrderWhoseCheckoutIsStillChargingIsChargedOnce(Databases kind) throws Exception {
        ShopDatabase database = ShopDatabase.fresh(kind);
        try (RunningShop job = database.startRetryJob("1500ms")) {
            SandboxGateway gateway = job.bean(SandboxGateway.class);
            JdbcClient jdbc = job.jdbc();
            long customer = 5101;
            // What CheckoutService does: the order first, created a moment ago, then the charge, which the gateway
            // is still processing when the job runs; then the answer is recorded and the order marked paid.
            long orderId = Orders.insert(jdbc, customer, "42.00", "pending");
            jdbc.sql("UPDATE orders SET created_at = :at WHERE id = :id")
                    .param("at", LocalDateTime.now().minusSeconds(2)).param("id", orderId).update();
            CompletableFuture<Void> checkout = CompletableFuture.runAsync(() -> {
                ChargeResult result = Payments.using(gateway).client(String.valueOf(customer), "order-" + orderId)
                        .charge(Amount.usd("42.00"));
                jdbc.sql("INSERT INTO payments (order_id, transaction_id, amount, status) "
                                + "VALUES (:order, :txn, 42.00, 'approved')")
                        .param("order", orderId).param("txn", result.transactionId()).update();
                jdbc.sql("UPDATE orders SET status = 'paid' WHERE id = :id").param("id", orderId).update();
            });
            Thread.sleep(200); // the checkout's charge is at the gateway

            Runs.retryOnce(job);
            checkout.get(30, TimeUnit.SECONDS);

            List<LedgerEntry> charges = approvedCharges(gateway, orderId);
            assertThat(charges)
                    .withFailMessage("on %s, the customer of order %d was charged %d times for one $42.00 order: the retry "
                            + "job ran while the order's checkout was waiting for the gateway, and charged it too (%s)",
                            database, orderId, charges.size(), charges)
                    .hasSize(1);
            long recorded = jdbc.sql("SELECT COUNT(*) FROM payments WHERE order_id = :id AND status = 'approved'")
                    .param("id", orderId).query(Long.class).single();
            assertThat(recorded)
                    .withFailMessage("on %s, order %d has %d approved payments recorded, expected the checkout's one",
                            database, orderId, recorded)
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void anOrderLeftPendingByACheckoutThatChargedTheCustomerIsNotChargedAgain(Databases kind) throws Exception {
        ShopDatabase database = ShopDatabase.fresh(kind);
        try (RunningShop job = database.startRetryJob("50ms")) {
            SandboxGateway gateway = job.bean(SandboxGateway.class);
            JdbcClient jdbc = job.jdbc();
            long customer = 5102;
            // Two hours ago checkout-service stored the order and charged the customer; the gateway approved, and the
            // process was stopped before it recorded the answer. The order is still pending.
            long orderId = Orders.insert(jdbc, customer, "63.50", "pending");
            jdbc.sql("UPDATE orders SET created_at = :at WHERE id = :id")
                    .param("at", LocalDateTime.now().minusHours(2)).param("id", orderId).update();
            Payments.using(gateway).client(String.valueOf(customer), "order-" + orderId).charge(Amount.usd("63.50"));

            Runs.retryOnce(job);
            Runs.retryOnce(job);

            List<LedgerEntry> charges = approvedCharges(gateway, orderId);
            assertThat(charges)
                    .withFailMessage("on %s, the customer of order %d was charged %d times for one $63.50 order: the "
                            + "order was left pending by a checkout that had already charged them, and the retry job "
                            + "charged it again (%s)", database, orderId, charges.size(), charges)
                    .hasSize(1);
            assertThat(gateway.netChargedTo(String.valueOf(customer)))
                    .withFailMessage("on %s, customer %d paid $%s for one $63.50 order", database, customer,
                            gateway.netChargedTo(String.valueOf(customer)))
                    .isEqualByComparingTo("63.50");
        }
    }

    static List<LedgerEntry> approvedCharges(SandboxGateway gateway, long orderId) {
        return gateway.ledger().stream()
                .filter(entry -> entry.reference().equals("order-" + orderId) && entry.isApproved())
                .toList();
    }
}
