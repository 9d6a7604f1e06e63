package com.acme.shop.order;

import java.util.Arrays;

/** Order states as stored in {@code orders.status}; the payment jobs read and write them too. */
public enum OrderStatus {
    PENDING("pending"),
    PAID("paid"),
    /** The charge was declined or the gateway was unavailable; the retry job will try again. */
    PAYMENT_FAILED("payment_failed"),
    PAYMENT_RETRYING("payment_retrying"),
    PAYMENT_ABANDONED("payment_abandoned");

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static OrderStatus fromCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown order status " + code));
    }
}
