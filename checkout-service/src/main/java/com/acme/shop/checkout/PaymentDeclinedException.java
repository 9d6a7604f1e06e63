package com.acme.shop.checkout;

/** The gateway declined the charge; the order is kept and the retry job will try again. */
public class PaymentDeclinedException extends RuntimeException {

    private final long orderId;
    private final String declineCode;

    public PaymentDeclinedException(long orderId, String declineCode) {
        super("payment for order " + orderId + " was declined (" + declineCode + ")");
        this.orderId = orderId;
        this.declineCode = declineCode;
    }

    public long orderId() {
        return orderId;
    }

    public String declineCode() {
        return declineCode;
    }
}
