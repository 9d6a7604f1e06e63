package com.acme.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PaymentClientTests {

    private final SandboxGateway gateway = SandboxGateway.builder().declinesPerThousand(0).build();
    private final Payments payments = Payments.using(gateway);

    @Test
    void aPositiveAmountChargesTheCustomer() {
        ChargeResult result = payments.client("42", "order-1").charge(Amount.usd("99.99"));

        assertThat(result.isApproved()).isTrue();
        assertThat(gateway.netChargedTo("42")).isEqualByComparingTo("99.99");
    }

    @Test
    void aNegativeAmountCreditsTheCustomer() {
        payments.client("42", "order-1").charge(Amount.usd("99.99"));
        payments.client("42", "refund-1").charge(Amount.usd("-20.00"));

        assertThat(gateway.netChargedTo("42")).isEqualByComparingTo("79.99");
    }

    @Test
    void everyCallIsAChargeOfItsOwn() {
        PaymentClient client = payments.client("42", "order-1");

        ChargeResult first = client.charge(Amount.usd("5.00"));
        ChargeResult second = client.charge(Amount.usd("5.00"));

        assertThat(second.transactionId()).isNotEqualTo(first.transactionId());
        assertThat(gateway.netChargedTo("42")).isEqualByComparingTo("10.00");
    }

    @Test
    void aZeroAmountIsRejectedBeforeReachingTheGateway() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> payments.client("42", "order-1").charge(Amount.usd("0")));
        assertThat(gateway.ledger()).isEmpty();
    }

    @Test
    void aClientNeedsACustomerAndAReference() {
        assertThatIllegalArgumentException().isThrownBy(() -> payments.client(" ", "order-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> payments.client("42", null));
    }
}
