package com.acme.shop.checkout;

/** Which optional parts of the checkout page this customer sees. */
public record CheckoutOptions(boolean freeShippingBanner) {
}
