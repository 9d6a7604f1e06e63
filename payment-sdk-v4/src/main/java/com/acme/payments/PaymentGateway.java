package com.acme.payments;

/**
 * The transport to a payment gateway: the hosted one in production, {@link SandboxGateway} elsewhere.
 * Each method is one request to the gateway.
 */
public interface PaymentGateway {

    /** Registers a charge with the gateway; no money moves yet. */
    PaymentIntent createIntent(ChargeRequest request);

    /**
     * Carries out an intent created by {@link #createIntent}.
     *
     * @throws PaymentException when the gateway does not know the intent or it was already confirmed
     */
    ChargeResult confirm(PaymentIntent intent);
}
