package com.acme.shop.refund;

import java.math.BigDecimal;

/**
 * A refund a customer asked for, waiting to be paid out.
 *
 * @param id         the refund request's id
 * @param orderId    the order being refunded
 * @param customerId the order's customer, who gets the money
 * @param amount     how much to give back, positive
 */
public record RefundRequest(long id, long orderId, long customerId, BigDecimal amount) {
}
