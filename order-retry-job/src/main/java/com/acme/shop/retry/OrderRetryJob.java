package com.acme.shop.retry;

import com.acme.payments.Amount;
import com.acme.payments.ChargeResult;
import com.acme.payments.PaymentException;
import com.acme.payments.Payments;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges orders again whose payment failed, oldest first, until they are paid or have used up
 * their attempts.
 *
 * <p>Several instances may run at the same time (a scheduled run and a manual {@code --run-once},
 * or two hosts). Each order is claimed by moving it from {@code payment_failed} to
 * {@code payment_retrying} before it is charged; only the run whose update changed the row charges
 * it.
 */
@Component
public class OrderRetryJob {

    private static final Logger log = LoggerFactory.getLogger(OrderRetryJob.class);

    static final String PAYMENT_FAILED = "payment_failed";
    static final String PAYMENT_RETRYING = "payment_retrying";
    static final String PAID = "paid";
    static final String PAYMENT_ABANDONED = "payment_abandoned";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Payments payments;
    private final int maxAttempts;
    private final int batchSize;

    public OrderRetryJob(JdbcClient jdbc, PlatformTransactionManager transactionManager, Payments payments,
            @Value("${acme.jobs.order-retry.max-attempts:3}") int maxAttempts,
            @Value("${acme.jobs.order-retry.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.payments = payments;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${acme.jobs.order-retry.interval:PT5M}")
    public RetryReport retryFailedPayments() {
        int retried = 0;
        int paid = 0;
        int stillFailing = 0;
        int abandoned = 0;
        for (FailedOrder order : findFailedOrders()) {
            switch (retry(order)) {
                case PAID -> {
                    retried++;
                    paid++;
                }
                case DECLINED, GATEWAY_UNAVAILABLE -> {
                    retried++;
                    stillFailing++;
                }
                case ABANDONED -> abandoned++;
                case CLAIMED_ELSEWHERE -> {
                }
            }
        }
        RetryReport report = new RetryReport(retried, paid, stillFailing, abandoned);
        log.info("Order payment retry finished: {} retried, {} paid, {} still failing, {} abandoned",
                retried, paid, stillFailing, abandoned);
        return report;
    }

    private List<FailedOrder> findFailedOrders() {
        return jdbc.sql("""
                        SELECT id, customer_id, amount FROM orders
                        WHERE status = :status
                        ORDER BY created_at, id
                        LIMIT :limit""")
                .param("status", PAYMENT_FAILED)
                .param("limit", batchSize)
                .query(FailedOrder.class)
                .list();
    }

    private Outcome retry(FailedOrder order) {
        if (!moveStatus(order.id(), PAYMENT_FAILED, PAYMENT_RETRYING)) {
            return Outcome.CLAIMED_ELSEWHERE;
        }
        if (attemptsFor(order.id()) >= maxAttempts) {
            moveStatus(order.id(), PAYMENT_RETRYING, PAYMENT_ABANDONED);
            log.info("Gave up on the payment of order {} after {} attempts", order.id(), maxAttempts);
            return Outcome.ABANDONED;
        }
        // Only failures that guarantee nothing was charged put the order back. Anything else leaves
        // it in payment_retrying: whether the customer paid is unknown until it is reconciled with
        // the gateway, and charging it again could take the money twice.
        ChargeResult result;
        try {
            result = chargeOrder(order);
        } catch (PaymentException ex) {
            moveStatus(order.id(), PAYMENT_RETRYING, PAYMENT_FAILED);
            log.warn("Payment gateway unavailable for order {}; will retry on the next run", order.id(), ex);
            return Outcome.GATEWAY_UNAVAILABLE;
        }
        recordAttempt(order, result);
        if (!result.isApproved()) {
            log.info("Payment for order {} declined again: {}", order.id(), result.declineCode());
            return Outcome.DECLINED;
        }
        return Outcome.PAID;
    }

    private ChargeResult chargeOrder(FailedOrder order) {
        return payments.client(String.valueOf(order.customerId()), "order-" + order.id())
                .charge(Amount.usd(order.amount()));
    }

    private int attemptsFor(long orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM payments WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query(Integer.class)
                .single();
    }

    private void recordAttempt(FailedOrder order, ChargeResult result) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO payments (order_id, transaction_id, amount, status, decline_code)
                            VALUES (:orderId, :transactionId, :amount, :status, :declineCode)""")
                    .param("orderId", order.id())
                    .param("transactionId", result.transactionId())
                    .param("amount", order.amount())
                    .param("status", result.isApproved() ? "approved" : "declined")
                    .param("declineCode", result.declineCode())
                    .update();
            moveStatus(order.id(), PAYMENT_RETRYING, result.isApproved() ? PAID : PAYMENT_FAILED);
        });
    }

    /** Changes the order's status only if it still has the expected one; returns whether it did. */
    private boolean moveStatus(long orderId, String from, String to) {
        return jdbc.sql("UPDATE orders SET status = :to WHERE id = :id AND status = :from")
                .param("to", to)
                .param("id", orderId)
                .param("from", from)
                .update() == 1;
    }

    private enum Outcome { PAID, DECLINED, GATEWAY_UNAVAILABLE, ABANDONED, CLAIMED_ELSEWHERE }

    record FailedOrder(long id, long customerId, BigDecimal amount) {
    }
}
