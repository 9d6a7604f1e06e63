package io.firedrill.grading.chargecalls;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payments.ChargeOptions;
import com.acme.payments.LedgerEntry;
import com.acme.payments.SandboxGateway;
import io.firedrill.grading.support.Orders;
import io.firedrill.grading.support.RunningShop;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundProcessorOnSdk4Tests {

    private RunningShop job;
    private SandboxGateway gateway;

    @BeforeEach
    void startTheRefundProcessor() {
        job = Jobs.start("com.acme.shop.refund.RefundProcessorApplication");
        gateway = job.bean(SandboxGateway.class);
    }

    @AfterEach
    void stop() {
        job.close();
    }

    @Test
    void aRefundGivesTheCustomerTheirMoneyBackOnSdk4() {
        long orderId = Orders.insert(job.jdbc(), 31, "40.00", "paid");
        job.jdbc().sql("INSERT INTO refund_requests (order_id, amount, reason, status) VALUES (:order, 15.00, 'damaged', 'requested')")
                .param("order", orderId).update();

        Jobs.run(job, "com.acme.shop.refund.RefundProcessor", "processRefundRequests");

        String status = job.jdbc().sql("SELECT status FROM refund_requests WHERE order_id = :order")
                .param("order", orderId).query(String.class).single();
        List<LedgerEntry> entries = gateway.ledger().stream().filter(entry -> entry.customerId().equals("31")).toList();
        assertThat(gateway.netChargedTo("31"))
                .withFailMessage("a $15.00 refund did not give the customer their money back: the gateway's net charge to them "
                        + "is %s instead of -15.00 (a refund needs ChargeOptions.forRefund(); default options charge them again). "
                        + "Gateway saw: %s; the request ended '%s'", gateway.netChargedTo("31"), entries, status)
                .isEqualByComparingTo("-15.00");
        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.kind()).isEqualTo(ChargeOptions.Kind.REFUND));
        assertThat(status).withFailMessage("the refund request ended '%s' instead of 'refunded'", status).isEqualTo("refunded");
    }
}
