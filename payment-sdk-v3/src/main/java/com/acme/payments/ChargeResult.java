package com.acme.payments;

import java.util.Objects;

/**
 * The gateway's answer to a charge.
 *
 * @param transactionId gateway transaction id, present for approved and declined charges alike
 * @param status        whether the money moved
 * @param amount        the amount that was requested
 * @param declineCode   why the charge was declined, {@code null} when approved
 */
public record ChargeResult(String transactionId, Status status, Amount amount, String declineCode) {

    public enum Status { APPROVED, DECLINED }

    public ChargeResult {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
    }

    public static ChargeResult approved(String transactionId, Amount amount) {
        return new ChargeResult(transactionId, Status.APPROVED, amount, null);
    }

    public static ChargeResult declined(String transactionId, Amount amount, String declineCode) {
        return new ChargeResult(transactionId, Status.DECLINED, amount, declineCode);
    }

    public boolean isApproved() {
        return status == Status.APPROVED;
    }
}
