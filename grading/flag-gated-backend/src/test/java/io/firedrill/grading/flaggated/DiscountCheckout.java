package io.firedrill.grading.flaggated;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.grading.support.Http;
import io.firedrill.grading.support.RunningShop;
import java.math.BigDecimal;
import java.util.Map;

/** Checkouts against the candidate's checkout-service, and what they charged. */
final class DiscountCheckout {

    static final long INSIDE = 1001;
    static final long[] OUTSIDE = {2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010};

    private DiscountCheckout() {
    }

    static RunningShop startCheckout(String flagsFile) {
        return RunningShop.start("com.acme.shop.CheckoutApplication", Map.of(
                "acme.flags.bootstrap", "classpath:" + flagsFile,
                "acme.flags.url", ""));
    }

    static Http.Response checkout(RunningShop shop, long customer, String amount, String code) {
        String body = code == null
                ? "{\"customerId\": " + customer + ", \"amount\": " + amount + "}"
                : "{\"customerId\": " + customer + ", \"amount\": " + amount + ", \"discountCode\": \"" + code + "\"}";
        return new Http(shop.baseUri()).postJson("/api/checkout", body);
    }

    /** What the customer was charged for the checkout: the stored order's amount. */
    static BigDecimal chargedFor(RunningShop shop, Http.Response created) {
        long orderId = created.json().get("orderId").asLong();
        return shop.jdbc().sql("SELECT amount FROM orders WHERE id = :id").param("id", orderId)
                .query(BigDecimal.class).single();
    }

    static void assertCreated(Http.Response response, String situation) {
        assertThat(response.status())
                .withFailMessage("%s: expected the order to be placed (HTTP 201), got %s", situation, response.summary())
                .isEqualTo(201);
    }
}
