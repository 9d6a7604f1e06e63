package com.acme.shop.order;

import java.math.BigDecimal;
import java.time.Instant;

public record Order(long id, long customerId, BigDecimal amount, OrderStatus status, Instant createdAt) {

    /** The reference the payment gateway knows this order by. */
    public String paymentReference() {
        return "order-" + id;
    }
}
