package io.firedrill.grading.chargecalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.grading.support.Orders;
import io.firedrill.grading.support.RunningShop;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs each job on payment SDK 4.0 and watches which code calls PaymentClient.charge: every charge must come from a
 * call the compiler checked against the SDK, not from reflection, a method handle or a library that calls by name.
 * That is what the upgrade needs: the next removed method must break the build, not the payments on the hosts.
 */
class CompiledChargeCallsTests {

    @Test
    void everyChargeTheJobsMakeIsACallTheCompilerChecked() {
        List<String> hidden = new ArrayList<>();
        hidden.addAll(watch("order retry job", "com.acme.shop.retry.OrderRetryJobApplication", job -> {
            long orderId = Orders.insert(job.jdbc(), 71, "25.00", "payment_failed");
            job.jdbc().sql("INSERT INTO payments (order_id, transaction_id, amount, status, decline_code) "
                    + "VALUES (:order, 'txn_declined', 25.00, 'declined', 'insufficient_funds')").param("order", orderId).update();
            Jobs.run(job, "com.acme.shop.retry.OrderRetryJob", "retryFailedPayments");
        }));
        hidden.addAll(watch("refund processor", "com.acme.shop.refund.RefundProcessorApplication", job -> {
            long orderId = Orders.insert(job.jdbc(), 72, "40.00", "paid");
            job.jdbc().sql("INSERT INTO refund_requests (order_id, amount, reason, status) "
                    + "VALUES (:order, 15.00, 'damaged', 'requested')").param("order", orderId).update();
            Jobs.run(job, "com.acme.shop.refund.RefundProcessor", "processRefundRequests");
        }));
        hidden.addAll(watch("subscription renewal job", "com.acme.shop.renewal.SubscriptionRenewalJobApplication", job -> {
            job.jdbc().sql("INSERT INTO subscriptions (customer_id, plan, amount, status, next_renewal_on) "
                    + "VALUES (73, 'monthly', 9.99, 'active', :due)").param("due", LocalDate.now(ZoneOffset.UTC).minusDays(1)).update();
            Jobs.run(job, "com.acme.shop.renewal.SubscriptionRenewalJob", "renewDueSubscriptions");
        }));

        assertThat(hidden)
                .withFailMessage("a job calls the payment SDK's charge() in a way the compiler never checks (the next SDK change "
                        + "breaks it on the hosts, not in the build): %s", String.join("; ", hidden))
                .isEmpty();
    }

    private interface Work {
        void on(RunningShop job);
    }

    /** Runs the job's work with the recorder installed; the charges it made that were not compiled calls, in words. */
    private static List<String> watch(String name, String applicationClass, Work work) {
        ChargeCallSites callSites = new ChargeCallSites();
        try (RunningShop job = Jobs.start(applicationClass, callSites)) {
            work.on(job);
        }
        assertThat(callSites.seen())
                .withFailMessage("the %s charged nobody through the payment SDK's Payments bean, so the grader could not see "
                        + "which code calls charge()", name)
                .isNotEmpty();
        return callSites.notCompiledCalls().stream().map(line -> name + ": " + line).toList();
    }
}
