package com.acme.payments;

import java.util.Objects;

/**
 * What a {@link PaymentClient} sends to the gateway.
 *
 * @param customerId the customer whose stored payment method is charged
 * @param reference  the merchant's reference for the payment, e.g. an order number
 * @param amount     positive to charge the customer, negative to credit them
 */
public record ChargeRequest(String customerId, String reference, Amount amount) {

    public ChargeRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
    }
}
