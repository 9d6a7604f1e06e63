package com.acme.shop.checkout;

import java.math.BigDecimal;

/** What the customer gets back from a successful checkout. */
public record CheckoutResult(long orderId, String status, BigDecimal amount, String transactionId) {
}
