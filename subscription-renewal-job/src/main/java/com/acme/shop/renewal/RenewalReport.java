package com.acme.shop.renewal;

/**
 * What one run of the {@link SubscriptionRenewalJob} did.
 *
 * @param renewed   subscriptions charged for their new period
 * @param declined  subscriptions whose charge was declined; they are now past due
 * @param skipped   due periods another run is already renewing, or renewed without finishing
 * @param postponed periods put back because the gateway was unavailable; the next run retries them
 */
public record RenewalReport(int renewed, int declined, int skipped, int postponed) {
}
