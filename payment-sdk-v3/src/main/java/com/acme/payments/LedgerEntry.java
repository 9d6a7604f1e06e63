package com.acme.payments;

/**
 * One charge as the sandbox gateway recorded it.
 *
 * @param amount positive when the customer was charged, negative when credited
 */
public record LedgerEntry(String transactionId, String customerId, String reference, Amount amount,
                          ChargeResult.Status status, String declineCode) {

    public boolean isApproved() {
        return status == ChargeResult.Status.APPROVED;
    }
}
