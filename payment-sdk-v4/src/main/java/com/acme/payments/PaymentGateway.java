package com.acme.payments;

/** The transport to a payment gateway: the hosted one in production, {@link SandboxGateway} elsewhere. */
public interface PaymentGateway {

    ChargeResult process(ChargeRequest request);
}
