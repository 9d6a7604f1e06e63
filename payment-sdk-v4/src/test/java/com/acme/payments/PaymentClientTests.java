package com.acme.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PaymentClientTests {

    private final SandboxGateway gateway = SandboxGateway.builder().declinesPerThousand(0).build();
    private final Payments payments = Payments.using(gateway);

    @Test
    void aDefaultChargeTakesMoneyOnEveryCall() {
        PaymentClient client = payments.client("42", "order-1");

        client.charge(Amount.usd("5.00"), ChargeOptions.defaults());
        client.charge(Amount.usd("5.00"), ChargeOptions.defaults());

        assertThat(gateway.netChargedTo("42")).isEqualByComparingTo("10.00");
    }

    @Test
    void aRetriedChargeTakesTheMoneyOnce() {
        PaymentClient client = payments.client("42", "order-1");

        ChargeResult first = client.charge(Amount.usd("5.00"), ChargeOptions.withRetry());
        ChargeResult repeat = client.charge(Amount.usd("5.00"), ChargeOptions.withRetry());

        assertThat(repeat.replayed()).isTrue();
        assertThat(repeat.transactionId()).isEqualTo(first.transactionId());
        assertThat(gateway.netChargedTo("42")).isEqualByComparingTo("5.00");
    }

    @Test
    void aRefundGivesTheMoneyBack() {
        payments.client("42", "order-1").charge(Amount.usd("30.00"), ChargeOptions.defaults());

        ChargeResult refund = payments.client("42", "refund-1").charge(Amount.usd("30.00"), ChargeOptions.forRefund());

        assertThat(refund.isApproved()).isTrue();
        assertThat(gateway.netChargedTo("42")).isEqualByComparingTo("0.00");
        assertThat(gateway.ledger()).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(ChargeOptions.Kind.REFUND);
            assertThat(entry.amount()).isEqualTo(Amount.usd("-30.00"));
        });
    }

    @Test
    void aRefundSentWithPaymentOptionsChargesTheCustomerInstead() {
        payments.client("42", "refund-1").charge(Amount.usd("30.00"), ChargeOptions.defaults());

        assertThat(gateway.netChargedTo("42")).isEqualByComparingTo("30.00");
    }

    @Test
    void aSubscriptionChargeIsRecurringAndSafeToRepeat() {
        PaymentClient client = payments.client("42", "subscription-9-2026-11");

        client.charge(Amount.usd("9.99"), ChargeOptions.forSubscription());
        client.charge(Amount.usd("9.99"), ChargeOptions.forSubscription());

        assertThat(gateway.ledger()).singleElement().satisfies(entry -> {
            assertThat(entry.recurring()).isTrue();
            assertThat(entry.kind()).isEqualTo(ChargeOptions.Kind.PAYMENT);
        });
    }

    @Test
    void negativeAmountsAreRejectedSinceRefundsHaveTheirOwnOption() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> payments.client("42", "refund-1").charge(Amount.usd("-5.00"), ChargeOptions.forRefund()))
                .withMessageContaining("forRefund");
        assertThat(gateway.ledger()).isEmpty();
    }

    @Test
    void theOneArgumentChargeOf3xIsGone() {
        assertThat(PaymentClient.class.getMethods())
                .noneMatch(method -> method.getName().equals("charge") && method.getParameterCount() == 1);
    }
}
