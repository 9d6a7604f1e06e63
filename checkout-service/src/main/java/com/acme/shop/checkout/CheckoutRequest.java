package com.acme.shop.checkout;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * A cart submitted for payment.
 *
 * @param customerId the signed-in customer
 * @param amount     cart total in USD, at most two decimals
 */
public record CheckoutRequest(
        @NotNull @Positive Long customerId,
        @NotNull @Positive @Digits(integer = 10, fraction = 2) BigDecimal amount) {
}
