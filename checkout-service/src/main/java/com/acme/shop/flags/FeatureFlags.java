package com.acme.shop.flags;

import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import org.springframework.stereotype.Component;

/**
 * The shop's view of its feature flags: every decision is made per customer, so a gradual
 * rollout keeps showing a customer the same thing on every request.
 */
@Component
public class FeatureFlags {

    private final Unleash unleash;

    public FeatureFlags(Unleash unleash) {
        this.unleash = unleash;
    }

    public boolean isEnabled(String flag, long customerId) {
        return unleash.isEnabled(flag, UnleashContext.builder().userId(Long.toString(customerId)).build());
    }
}
