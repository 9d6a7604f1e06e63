package com.acme.shop.refund;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer's request for money back, processed asynchronously by the refund processor. */
public record RefundRequest(long id, long orderId, BigDecimal amount, String reason, String status,
                            String transactionId, Instant requestedAt, Instant processedAt) {

    public static final String REQUESTED = "requested";
}
