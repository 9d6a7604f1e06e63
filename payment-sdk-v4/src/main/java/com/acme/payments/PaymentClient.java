package com.acme.payments;

import java.util.Objects;

/** Charges or refunds one customer for one merchant reference. */
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
     * Sends a charge to the gateway. Since 4.0 the amount is always positive and the options say
     * which way the money goes and how the gateway must treat repeats.
     *
     * @throws IllegalArgumentException when the amount is not positive
     * @throws PaymentException         when the gateway cannot process the request
     */
    public ChargeResult charge(Amount amount, ChargeOptions options) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(options, "options");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException(
                    "amount must be positive, was " + amount + "; send refunds with ChargeOptions.forRefund()");
        }
        return gateway.process(new ChargeRequest(customerId, reference, amount, options));
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
