package com.acme.shop.flags;

/** Names of the flags the shop reads; they must match the flag definitions in Unleash. */
public final class Flags {

    /** Shows the free-shipping banner on the checkout page. Display only. */
    public static final String FREE_SHIPPING_BANNER = "free_shipping_banner";

    private Flags() {
    }
}
