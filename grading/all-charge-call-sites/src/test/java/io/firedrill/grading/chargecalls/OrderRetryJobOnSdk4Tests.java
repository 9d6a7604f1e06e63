package io.firedrill.grading.chargecalls;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payments.Amount;
import com.acme.payments.ChargeOptions;
import com.acme.payments.LedgerEntry;
import com.acme.payments.Payments;
import com.acme.payments.SandboxGateway;
import io.firedrill.grading.support.Orders;
import io.firedrill.grading.support.RunningShop;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderRetryJobOnSdk4Tests {

    private static final String JOB = "com.acme.shop.retry.OrderRetryJob";

    private RunningShop job;
    private SandboxGateway gateway;

    @BeforeEach
    void startTheRetryJob() {
        job = Jobs.start("com.acme.shop.retry.OrderRetryJobApplication");
        gateway = job.bean(SandboxGateway.class);
    }

    @AfterEach
    void stop() {
        job.close();
    }

    @Test
    void theRetryJobChargesAFailedOrderOnSdk4() {
        long orderId = failedOrder(7, "25.00");

        Jobs.run(job, JOB, "retryFailedPayments");

        assertThat(status(orderId))
                .withFailMessage("after the retry job ran, order %d is '%s' instead of 'paid'", orderId, status(orderId))
                .isEqualTo("paid");
        List<LedgerEntry> charges = entriesFor("order-" + orderId);
        assertThat(charges).withFailMessage("the retry job did not charge order %d once: %s", orderId, charges).hasSize(1);
        assertThat(charges.get(0).idempotent())
                .withFailMessage("the retry job charged without an idempotency key: a retry must use ChargeOptions.withRetry(), "
                        + "so that repeating it never takes the money twice")
                .isTrue();
        assertThat(charges.get(0).kind()).isEqualTo(ChargeOptions.Kind.PAYMENT);
    }

    @Test
    void aRetryNeverChargesTwiceWhenTheFirstAttemptWentThrough() {
        long orderId = failedOrder(8, "40.00");
        // The earlier attempt reached the gateway and was approved, but the order was left failed
        // (e.g. the process died before it could record the answer).
        Payments.using(gateway).client("8", "order-" + orderId).charge(Amount.usd("40.00"), ChargeOptions.withRetry());

        Jobs.run(job, JOB, "retryFailedPayments");

        assertThat(gateway.netChargedTo("8"))
                .withFailMessage("the retry job charged the customer $%s for a $40.00 order whose first charge had gone through: "
                        + "retries must be idempotent (ChargeOptions.withRetry())", gateway.netChargedTo("8"))
                .isEqualByComparingTo("40.00");
    }

    private long failedOrder(long customerId, String amount) {
        long orderId = Orders.insert(job.jdbc(), customerId, amount, "payment_failed");
        job.jdbc().sql("INSERT INTO payments (order_id, transaction_id, amount, status, decline_code) "
                        + "VALUES (:order, 'txn_declined', " + amount + ", 'declined', 'insufficient_funds')")
                .param("order", orderId).update();
        return orderId;
    }

    private String status(long orderId) {
        return job.jdbc().sql("SELECT status FROM orders WHERE id = :id").param("id", orderId).query(String.class).single();
    }

    private List<LedgerEntry> entriesFor(String reference) {
        return gateway.ledger().stream().filter(entry -> entry.reference().equals(reference)).toList();
    }
}
