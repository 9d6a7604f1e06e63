package com.acme.payments;

import java.util.Objects;

/** Entry point of the SDK: one instance per gateway connection, shared by the application. */
public final class Payments {

    private final PaymentGateway gateway;

    private Payments(PaymentGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    public static Payments using(PaymentGateway gateway) {
        return new Payments(gateway);
    }

    /**
     * A client for one payment of one customer.
     *
     * @param customerId the customer whose stored payment method is used
     * @param reference  the merchant's reference, shown on statements and used to reconcile
     */
    public PaymentClient client(String customerId, String reference) {
        return new PaymentClient(gateway, customerId, reference);
    }
}
