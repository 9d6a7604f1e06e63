package com.acme.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxGatewayTests {

    @Test
    void declinesAboutOneChargeInAThousandByDefault() {
        Payments payments = Payments.using(SandboxGateway.create());

        long declined = IntStream.range(0, 100_000)
                .mapToObj(i -> payments.client("customer-" + (i % 5_000), "order-" + i)
                        .charge(Amount.usd("10.00"), ChargeOptions.defaults()))
                .filter(result -> !result.isApproved())
                .count();

        assertThat(declined).isBetween(70L, 130L);
    }

    @Test
    void aDeclinedRetryMayBeTriedAgainUnderTheSameKey() {
        SandboxGateway gateway = SandboxGateway.builder().declinesPerThousand(500).build();
        PaymentClient client = Payments.using(gateway).client("7", "order-7");

        long approvals = IntStream.range(0, 10)
                .mapToObj(i -> client.charge(Amount.usd("1.00"), ChargeOptions.withRetry()))
                .filter(result -> result.isApproved() && !result.replayed())
                .count();

        assertThat(approvals).isEqualTo(1);
        assertThat(gateway.netChargedTo("7")).isEqualByComparingTo("1.00");
    }

    @Test
    void refundsAreNeverDeclinedEvenForADecliningCustomer() {
        SandboxGateway gateway = SandboxGateway.builder().decliningCustomer("13").build();
        Payments payments = Payments.using(gateway);

        ChargeResult charge = payments.client("13", "order-1").charge(Amount.usd("10.00"), ChargeOptions.defaults());
        ChargeResult refund = payments.client("13", "refund-1").charge(Amount.usd("10.00"), ChargeOptions.forRefund());

        assertThat(charge.isApproved()).isFalse();
        assertThat(refund.isApproved()).isTrue();
    }

    @Test
    void aPaymentAndARefundUnderOneReferenceAreDistinctRequests() {
        SandboxGateway gateway = SandboxGateway.builder().declinesPerThousand(0).build();
        PaymentClient client = Payments.using(gateway).client("5", "order-5");

        client.charge(Amount.usd("8.00"), ChargeOptions.withRetry());
        client.charge(Amount.usd("8.00"), ChargeOptions.forRefund());

        assertThat(gateway.ledger()).hasSize(2);
        assertThat(gateway.netChargedTo("5")).isEqualByComparingTo("0.00");
    }

    @Test
    void aChargeIsTwoGatewayRequestsCreateThenConfirm() {
        SandboxGateway gateway = SandboxGateway.builder().declinesPerThousand(0).build();
        PaymentClient client = Payments.using(gateway).client("3", "order-3");

        client.charge(Amount.usd("12.00"), ChargeOptions.defaults());
        client.charge(Amount.usd("4.00"), ChargeOptions.forRefund());

        assertThat(gateway.requestCount()).isEqualTo(4);
        assertThat(gateway.ledger()).hasSize(2);
    }

    @Test
    void anIntentMovesMoneyOnlyWhenConfirmedAndOnlyOnce() {
        SandboxGateway gateway = SandboxGateway.builder().declinesPerThousand(0).build();
        ChargeRequest request = new ChargeRequest("8", "order-8", Amount.usd("20.00"), ChargeOptions.defaults());

        PaymentIntent intent = gateway.createIntent(request);
        assertThat(gateway.ledger()).isEmpty();

        gateway.confirm(intent);
        assertThatExceptionOfType(PaymentException.class).isThrownBy(() -> gateway.confirm(intent))
                .withMessageContaining(intent.id());
        assertThat(gateway.netChargedTo("8")).isEqualByComparingTo("20.00");
    }
}
