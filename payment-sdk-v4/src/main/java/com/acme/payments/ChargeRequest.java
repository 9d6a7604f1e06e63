package com.acme.payments;

import java.util.Objects;

/**
 * What a {@link PaymentClient} sends to the gateway.
 *
 * @param customerId the customer whose stored payment method is used
 * @param reference  the merchant's reference for the payment, e.g. an order number
 * @param amount     always positive; the direction is given by {@link ChargeOptions#kind()}
 * @param options    how the gateway must treat the charge
 */
public record ChargeRequest(String customerId, String reference, Amount amount, ChargeOptions options) {

    public ChargeRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(options, "options");
    }
}
