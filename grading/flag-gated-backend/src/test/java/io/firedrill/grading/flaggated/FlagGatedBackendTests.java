package io.firedrill.grading.flaggated;

import static io.firedrill.grading.flaggated.DiscountCheckout.INSIDE;
import static io.firedrill.grading.flaggated.DiscountCheckout.OUTSIDE;
import static io.firedrill.grading.flaggated.DiscountCheckout.assertCreated;
import static io.firedrill.grading.flaggated.DiscountCheckout.chargedFor;
import static io.firedrill.grading.flaggated.DiscountCheckout.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.grading.support.Http;
import io.firedrill.grading.support.RunningShop;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The discount_codes rollout as it should behave with the flag on: customers 1001-1003 are in
 * the rollout, everyone else is outside it.
 */
class FlagGatedBackendTests {

    private static RunningShop shop;

    @BeforeAll
    static void startCheckoutWithTheRolloutOn() {
        shop = DiscountCheckout.startCheckout("flags-discount-on.json");
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void checkoutsOfCustomersOutsideTheRolloutNeverFail() {
        for (long customer : OUTSIDE) {
            for (String amount : new String[] {"80.00", "50.01", "120.00", "30.00"}) {
                Http.Response response = checkout(shop, customer, amount, null);
                assertCreated(response, "a customer outside the rollout checking out a $" + amount + " cart without a discount code");
                assertThat(chargedFor(shop, response))
                        .withFailMessage("a customer outside the rollout was charged %s for a $%s cart", chargedFor(shop, response), amount)
                        .isEqualByComparingTo(amount);
            }
        }
    }

    @Test
    void aCustomerOutsideTheRolloutWhoSendsACodeAnywayGetsNoDiscount() {
        Http.Response response = checkout(shop, OUTSIDE[0], "80.00", "SAVE10");

        assertCreated(response, "a customer outside the rollout who sent code SAVE10 with an $80.00 cart");
        BigDecimal charged = chargedFor(shop, response);
        assertThat(charged)
                .withFailMessage("a customer outside the 10 %% rollout who sent code SAVE10 was given the discount: charged $%s for an $80.00 cart instead of $80.00", charged)
                .isEqualByComparingTo("80.00");
    }

    @Test
    void aCustomerInsideTheRolloutGetsAValidCodeApplied() {
        Http.Response response = checkout(shop, INSIDE, "80.00", "SAVE10");

        assertCreated(response, "a customer inside the rollout with code SAVE10 and an $80.00 cart");
        BigDecimal charged = chargedFor(shop, response);
        assertThat(charged)
                .withFailMessage("a customer inside the rollout with code SAVE10 was charged $%s for an $80.00 cart instead of $72.00", charged)
                .isEqualByComparingTo("72.00");
    }

    @Test
    void aCustomerInsideTheRolloutWithAnUnknownCodeGetsAClearClientError() {
        Http.Response response = checkout(shop, INSIDE, "80.00", "NOSUCHCODE");

        assertThat(response.status())
                .withFailMessage("a customer inside the rollout who sent the unknown code NOSUCHCODE should get a 4xx saying so, got %s", response.summary())
                .isBetween(400, 499);
    }

    @Test
    void aCustomerInsideTheRolloutWithoutACodePaysFullPrice() {
        Http.Response response = checkout(shop, INSIDE + 1, "80.00", null);

        assertCreated(response, "a customer inside the rollout checking out an $80.00 cart without a code");
        assertThat(chargedFor(shop, response)).isEqualByComparingTo("80.00");
    }

    @Test
    void discountsStillApplyOnlyToCartsOverFiftyDollars() {
        Http.Response response = checkout(shop, INSIDE + 2, "30.00", "SAVE10");

        assertCreated(response, "a customer inside the rollout with code SAVE10 and a $30.00 cart");
        BigDecimal charged = chargedFor(shop, response);
        assertThat(charged)
                .withFailMessage("a $30.00 cart was discounted to $%s, but discounts apply only to carts over $50", charged)
                .isEqualByComparingTo("30.00");
    }
}
