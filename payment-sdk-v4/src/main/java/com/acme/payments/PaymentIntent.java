package com.acme.payments;

import java.util.Objects;

/**
 * A charge the gateway has accepted but not yet carried out. Since 4.0 every charge is an intent,
 * created and then confirmed: the gateway screens the intent when it is created and moves the money
 * only when it is confirmed.
 *
 * @param id      the gateway's id of the intent
 * @param request what the intent will charge once confirmed
 */
record PaymentIntent(String id, ChargeRequest request) {

    public PaymentIntent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
    }
}
