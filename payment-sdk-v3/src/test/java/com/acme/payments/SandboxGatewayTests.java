package com.acme.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxGatewayTests {

    @Test
    void declinesAboutOneChargeInAThousandByDefault() {
        SandboxGateway gateway = SandboxGateway.create();
        Payments payments = Payments.using(gateway);

        long declined = IntStream.range(0, 100_000)
                .mapToObj(i -> payments.client("customer-" + (i % 5_000), "order-" + i).charge(Amount.usd("10.00")))
                .filter(result -> !result.isApproved())
                .count();

        assertThat(declined).isBetween(70L, 130L);
    }

    @Test
    void theSameRequestsGetTheSameAnswers() {
        assertThat(statusesOf(SandboxGateway.builder().declinesPerThousand(100).build()))
                .isEqualTo(statusesOf(SandboxGateway.builder().declinesPerThousand(100).build()));
    }

    @Test
    void aDeclinedReferenceCanSucceedWhenTriedAgain() {
        SandboxGateway gateway = SandboxGateway.builder().declinesPerThousand(500).build();
        PaymentClient client = Payments.using(gateway).client("7", "order-7");

        boolean approvedWithinTenTries = IntStream.range(0, 10)
                .mapToObj(i -> client.charge(Amount.usd("1.00")))
                .anyMatch(ChargeResult::isApproved);

        assertThat(approvedWithinTenTries).isTrue();
    }

    @Test
    void aDecliningCustomerIsAlwaysDeclinedButCanStillBeCredited() {
        SandboxGateway gateway = SandboxGateway.builder().decliningCustomer("13").build();
        Payments payments = Payments.using(gateway);

        ChargeResult charge = payments.client("13", "order-1").charge(Amount.usd("10.00"));
        ChargeResult credit = payments.client("13", "refund-1").charge(Amount.usd("-10.00"));

        assertThat(charge.declineCode()).isEqualTo("insufficient_funds");
        assertThat(credit.isApproved()).isTrue();
    }

    @Test
    void theLedgerRecordsEveryRequestInOrder() {
        SandboxGateway gateway = SandboxGateway.builder().declinesPerThousand(0).build();
        Payments payments = Payments.using(gateway);

        payments.client("1", "order-1").charge(Amount.usd("3.00"));
        payments.client("2", "order-2").charge(Amount.usd("4.00"));

        assertThat(gateway.ledger()).extracting(LedgerEntry::reference).containsExactly("order-1", "order-2");
        assertThat(gateway.ledger()).allMatch(LedgerEntry::isApproved);
    }

    private static List<ChargeResult.Status> statusesOf(SandboxGateway gateway) {
        Payments payments = Payments.using(gateway);
        return IntStream.range(0, 500)
                .mapToObj(i -> payments.client("c" + (i % 50), "order-" + (i % 200)).charge(Amount.usd("2.00")).status())
                .toList();
    }
}
