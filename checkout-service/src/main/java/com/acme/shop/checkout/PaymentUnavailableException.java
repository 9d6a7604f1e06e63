package com.acme.shop.checkout;

/** The gateway could not be reached; the order is kept and the retry job will charge it later. */
public class PaymentUnavailableException extends RuntimeException {

    private final long orderId;

    public PaymentUnavailableException(long orderId, Throwable cause) {
        super("payment for order " + orderId + " could not be processed now", cause);
        this.orderId = orderId;
    }

    public long orderId() {
        return orderId;
    }
}
