package com.acme.payments;

import java.util.Objects;

/** Charges (or, with a negative amount, credits) one customer for one merchant reference. */
public final class PaymentClient {

    private final PaymentGateway gateway;
    private final String customerId;
    private final String reference;

    PaymentClient(PaymentGateway gateway, String customerId, String reference) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.customerId = requireText(customerId, "customerId");
        this.reference = requireText(reference, "reference");
    }

    /**
     * Charges the customer. A negative amount credits the customer instead (a refund).
     *
     * @throws PaymentException when the gateway cannot process the request
     */
    public ChargeResult charge(Amount amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("cannot charge a zero amount");
        }
        return gateway.process(new ChargeRequest(customerId, reference, amount));
    }

    public String customerId() {
        return customerId;
    }

    public String reference() {
        return reference;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
