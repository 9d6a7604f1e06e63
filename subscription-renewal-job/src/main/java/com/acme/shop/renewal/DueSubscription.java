package com.acme.shop.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An active subscription whose next billing period has started.
 *
 * @param id          the subscription's id
 * @param customerId  the customer who is charged
 * @param amount      the price of one period
 * @param periodStart the first day of the period to charge, the subscription's {@code next_renewal_on}
 */
public record DueSubscription(long id, long customerId, BigDecimal amount, LocalDate periodStart) {
}
