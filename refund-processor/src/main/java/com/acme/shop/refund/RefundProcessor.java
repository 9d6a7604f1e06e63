package com.acme.shop.refund;

import com.acme.payments.Amount;
import com.acme.payments.ChargeResult;
import com.acme.payments.PaymentException;
import com.acme.payments.Payments;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pays out requested refunds, oldest first, by crediting the order's customer.
 *
 * <p>Several instances may run at the same time. Each request is claimed by moving it from
 * {@code requested} to {@code processing} before any money moves; only the run whose update
 * changed the row pays it out.
 */
@Component
public class RefundProcessor {

    private static final Logger log = LoggerFactory.getLogger(RefundProcessor.class);

    static final String REQUESTED = "requested";
    static final String PROCESSING = "processing";
    static final String REFUNDED = "refunded";
    static final String FAILED = "failed";

    private final JdbcClient jdbc;
    private final Payments payments;
    private final int batchSize;

    public RefundProcessor(JdbcClient jdbc, Payments payments,
            @Value("${acme.jobs.refunds.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${acme.jobs.refunds.interval:PT1M}")
    public RefundReport processRefundRequests() {
        int refunded = 0;
        int failed = 0;
        int postponed = 0;
        for (RefundRequest request : findRequested()) {
            switch (process(request)) {
                case REFUNDED -> refunded++;
                case FAILED -> failed++;
                case POSTPONED -> postponed++;
                case CLAIMED_ELSEWHERE -> {
                }
            }
        }
        log.info("Refund processing finished: {} refunded, {} failed, {} postponed", refunded, failed, postponed);
        return new RefundReport(refunded, failed, postponed);
    }

    /**
     * Credits the request's amount to the customer who paid for the order.
     *
     * @throws PaymentException when the gateway could not process the credit; no money moved
     */
    public ChargeResult issueRefund(RefundRequest request) {
        return payments.client(String.valueOf(request.customerId()), "refund-" + request.id())
                .charge(Amount.usd(request.amount()).negate());
    }

    private List<RefundRequest> findRequested() {
        return jdbc.sql("""
                        SELECT r.id, r.order_id, o.customer_id, r.amount
                        FROM refund_requests r JOIN orders o ON o.id = r.order_id
                        WHERE r.status = :status
                        ORDER BY r.requested_at, r.id
                        LIMIT :limit""")
                .param("status", REQUESTED)
                .param("limit", batchSize)
                .query(RefundRequest.class)
                .list();
    }

    private Outcome process(RefundRequest request) {
        if (!moveStatus(request.id(), REQUESTED, PROCESSING)) {
            return Outcome.CLAIMED_ELSEWHERE;
        }
        if (request.amount().signum() <= 0) {
            // Crediting a negative amount would charge the customer instead.
            finish(request.id(), FAILED, null);
            log.warn("Refund request {} has no positive amount ({}); marked failed", request.id(), request.amount());
            return Outcome.FAILED;
        }
        // Only failures that guarantee no money moved put the request back. Anything else leaves
        // it in processing until it is reconciled with the gateway, so it is never paid out twice.
        ChargeResult result;
        try {
            result = issueRefund(request);
        } catch (PaymentException ex) {
            moveStatus(request.id(), PROCESSING, REQUESTED);
            log.warn("Payment gateway unavailable for refund request {}; will retry on the next run", request.id(), ex);
            return Outcome.POSTPONED;
        }
        if (!result.isApproved()) {
            finish(request.id(), FAILED, result.transactionId());
            log.warn("Refund request {} was declined by the gateway: {}", request.id(), result.declineCode());
            return Outcome.FAILED;
        }
        finish(request.id(), REFUNDED, result.transactionId());
        return Outcome.REFUNDED;
    }

    private void finish(long requestId, String status, String transactionId) {
        jdbc.sql("""
                        UPDATE refund_requests
                        SET status = :status, transaction_id = :transactionId, processed_at = CURRENT_TIMESTAMP
                        WHERE id = :id AND status = :processing""")
                .param("status", status)
                .param("transactionId", transactionId)
                .param("id", requestId)
                .param("processing", PROCESSING)
                .update();
    }

    /** Changes the request's status only if it still has the expected one; returns whether it did. */
    private boolean moveStatus(long requestId, String from, String to) {
        return jdbc.sql("UPDATE refund_requests SET status = :to WHERE id = :id AND status = :from")
                .param("to", to)
                .param("id", requestId)
                .param("from", from)
                .update() == 1;
    }

    private enum Outcome { REFUNDED, FAILED, POSTPONED, CLAIMED_ELSEWHERE }
}
