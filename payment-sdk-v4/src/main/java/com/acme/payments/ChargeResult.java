package com.acme.payments;

import java.util.Objects;

/**
 * The gateway's answer to a charge.
 *
 * @param transactionId gateway transaction id, present for approved and declined charges alike
 * @param status        whether the money moved
 * @param amount        the amount that was requested
 * @param declineCode   why the charge was declined, {@code null} when approved
 * @param replayed      {@code true} when an idempotent request repeated an earlier one and the
 *                      gateway returned the earlier result instead of moving money again
 */
public record ChargeResult(String transactionId, Status status, Amount amount, String declineCode, boolean replayed) {

    public enum Status { APPROVED, DECLINED }

    public ChargeResult {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
    }

    public static ChargeResult approved(String transactionId, Amount amount) {
        return new ChargeResult(transactionId, Status.APPROVED, amount, null, false);
    }

    public static ChargeResult declined(String transactionId, Amount amount, String declineCode) {
        return new ChargeResult(transactionId, Status.DECLINED, amount, declineCode, false);
    }

    ChargeResult asReplay() {
        return new ChargeResult(transactionId, status, amount, declineCode, true);
    }

    public boolean isApproved() {
        return status == Status.APPROVED;
    }
}
