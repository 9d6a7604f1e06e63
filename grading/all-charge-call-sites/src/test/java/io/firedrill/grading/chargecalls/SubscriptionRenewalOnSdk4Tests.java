package io.firedrill.grading.chargecalls;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payments.LedgerEntry;
import com.acme.payments.SandboxGateway;
import io.firedrill.grading.support.RunningShop;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionRenewalOnSdk4Tests {

    private RunningShop job;
    private SandboxGateway gateway;

    @BeforeEach
    void startTheRenewalJob() {
        job = Jobs.start("com.acme.shop.renewal.SubscriptionRenewalJobApplication");
        gateway = job.bean(SandboxGateway.class);
    }

    @AfterEach
    void stop() {
        job.close();
    }

    @Test
    void aDueSubscriptionIsRenewedAsARecurringChargeOnSdk4() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        job.jdbc().sql("INSERT INTO subscriptions (customer_id, plan, amount, status, next_renewal_on) "
                        + "VALUES (41, 'monthly', 9.99, 'active', :due)")
                .param("due", today.minusDays(1)).update();

        Jobs.run(job, "com.acme.shop.renewal.SubscriptionRenewalJob", "renewDueSubscriptions");

        List<LedgerEntry> charges = gateway.ledger().stream().filter(entry -> entry.customerId().equals("41")).toList();
        assertThat(charges).withFailMessage("the due subscription was not charged exactly once: %s", charges).hasSize(1);
        assertThat(charges.get(0).recurring())
                .withFailMessage("the renewal was sent as a customer-initiated payment; a subscription renewal is a recurring, "
                        + "merchant-initiated charge (ChargeOptions.forSubscription())")
                .isTrue();
        assertThat(gateway.netChargedTo("41")).isEqualByComparingTo("9.99");
        LocalDate next = job.jdbc().sql("SELECT next_renewal_on FROM subscriptions WHERE customer_id = 41")
                .query(LocalDate.class).single();
        assertThat(next).withFailMessage("the subscription's next renewal is still %s after it was renewed", next).isAfter(today);
    }
}
