package com.acme.shop.retry;

/**
 * What one run of the {@link OrderRetryJob} did.
 *
 * @param retried      orders the job tried to charge again
 * @param paid         of those, orders that are now paid
 * @param stillFailing of those, orders that were declined again or could not reach the gateway
 * @param abandoned    orders given up on because they had used up their payment attempts
 */
public record RetryReport(int retried, int paid, int stillFailing, int abandoned) {
}
