package com.acme.payments;

/**
 * One request as the sandbox gateway recorded it.
 *
 * @param amount    signed from the customer's point of view: positive when they were charged,
 *                  negative when money went back to them
 * @param kind      payment or refund, as the request's options said
 * @param recurring whether it was a merchant-initiated recurring charge
 * @param idempotent whether the request carried an idempotency key
 */
public record LedgerEntry(String transactionId, String customerId, String reference, Amount amount,
                          ChargeResult.Status status, String declineCode,
                          ChargeOptions.Kind kind, boolean recurring, boolean idempotent) {

    public boolean isApproved() {
        return status == ChargeResult.Status.APPROVED;
    }
}
