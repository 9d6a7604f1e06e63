package com.acme.shop.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** One call to the payment gateway for an order, as stored in {@code payments}. */
public record PaymentAttempt(long id, long orderId, String transactionId, BigDecimal amount, String status,
                             String declineCode, Instant createdAt) {

    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";

    public boolean isApproved() {
        return APPROVED.equals(status);
    }
}
