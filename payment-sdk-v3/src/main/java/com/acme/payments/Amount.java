package com.acme.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A money amount in a currency, held at the currency's minor-unit scale.
 * A negative amount is a credit to the customer.
 */
public final class Amount {

    public static final Currency USD = Currency.getInstance("USD");

    private final BigDecimal value;
    private final Currency currency;

    private Amount(BigDecimal value, Currency currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(value, "value");
        if (value.scale() > currency.getDefaultFractionDigits()
                && value.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new IllegalArgumentException(
                    "amount " + value + " has more decimals than " + currency + " allows");
        }
        this.value = value.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    public static Amount of(BigDecimal value, Currency currency) {
        return new Amount(value, currency);
    }

    public static Amount usd(BigDecimal value) {
        return new Amount(value, USD);
    }

    public static Amount usd(String value) {
        return new Amount(new BigDecimal(value), USD);
    }

    public BigDecimal value() {
        return value;
    }

    public Currency currency() {
        return currency;
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public Amount negate() {
        return new Amount(value.negate(), currency);
    }

    public Amount plus(Amount other) {
        requireSameCurrency(other);
        return new Amount(value.add(other.value), currency);
    }

    private void requireSameCurrency(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount other && value.equals(other.value) && currency.equals(other.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, currency);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency.getCurrencyCode();
    }
}
