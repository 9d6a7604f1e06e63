package com.acme.shop.refund;

/**
 * What one run of the {@link RefundProcessor} did.
 *
 * @param refunded  requests paid out to the customer
 * @param failed    requests that cannot be paid out and need someone to look at them
 * @param postponed requests put back because the gateway was unavailable; the next run retries them
 */
public record RefundReport(int refunded, int failed, int postponed) {
}
