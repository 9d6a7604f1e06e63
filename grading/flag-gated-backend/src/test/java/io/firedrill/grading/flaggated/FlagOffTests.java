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

/** The discount_codes flag switched off: the kill switch must work on the backend too. */
class FlagOffTests {

    private static RunningShop shop;

    @BeforeAll
    static void startCheckoutWithTheFlagOff() {
        shop = DiscountCheckout.startCheckout("flags-discount-off.json");
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void withTheFlagOffNobodyGetsADiscount() {
        Http.Response response = checkout(shop, INSIDE, "80.00", "SAVE10");

        assertCreated(response, "with the discount_codes flag off, a customer who sent code SAVE10 with an $80.00 cart");
        BigDecimal charged = chargedFor(shop, response);
        assertThat(charged)
                .withFailMessage("with the discount_codes flag switched off, a customer who sent SAVE10 was still given the discount: charged $%s for an $80.00 cart", charged)
                .isEqualByComparingTo("80.00");
    }

    @Test
    void withTheFlagOffCheckoutsWithoutACodeWork() {
        Http.Response response = checkout(shop, OUTSIDE[1], "80.00", null);

        assertCreated(response, "with the discount_codes flag off, an $80.00 cart without a code");
    }
}
