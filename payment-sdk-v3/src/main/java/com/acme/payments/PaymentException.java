package com.acme.payments;

/** The gateway could not be reached or rejected the request as malformed; nothing was charged. */
public class PaymentException extends RuntimeException {

    public PaymentException(String message) {
        super(message);
    }

    public PaymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
