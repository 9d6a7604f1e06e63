package com.acme.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountTests {

    @Test
    void amountsAreHeldAtTheCurrencyScale() {
        assertThat(Amount.usd("12.5").value()).isEqualByComparingTo("12.50");
        assertThat(Amount.usd("12.5")).isEqualTo(Amount.usd(new BigDecimal("12.500")));
    }

    @Test
    void moreDecimalsThanTheCurrencyAllowsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.usd("0.001"));
    }

    @Test
    void negatingGivesACredit() {
        Amount credit = Amount.usd("10.00").negate();

        assertThat(credit.isNegative()).isTrue();
        assertThat(credit.toString()).isEqualTo("-10.00 USD");
    }

    @Test
    void amountsInDifferentCurrenciesDoNotAdd() {
        Amount euros = Amount.of(BigDecimal.ONE, java.util.Currency.getInstance("EUR"));

        assertThatIllegalArgumentException().isThrownBy(() -> Amount.usd("1").plus(euros));
    }
}
