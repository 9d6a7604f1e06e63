package com.acme.shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.payments.LedgerEntry;
import com.acme.payments.SandboxGateway;
import com.acme.shop.order.OrderRepository;
import com.acme.shop.order.OrderStatus;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The whole service on its embedded defaults: H2 with the real changelog, the sandbox gateway, flags from file. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CheckoutIntegrationTests {

    private static final long DECLINED_CUSTOMER = 666;

    @Autowired
    private MockMvc mvc;

    @Autowired
    private OrderRepository orders;

    @Autowired
    private SandboxGateway gateway;

    @Test
    void aCheckoutStoresAPaidOrderAndChargesTheCustomerOnce() throws Exception {
        long orderId = checkout(101, "24.90", 201);

        mvc.perform(get("/api/orders/{id}", orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(101))
                .andExpect(jsonPath("$.amount").value(24.90))
                .andExpect(jsonPath("$.status").value("paid"));
        assertThat(gateway.ledger()).filteredOn(entry -> entry.reference().equals("order-" + orderId))
                .singleElement()
                .satisfies(entry -> assertThat(entry.amount().value()).isEqualByComparingTo("24.90"));
        mvc.perform(get("/api/payments").param("orderId", Long.toString(orderId)))
                .andExpect(jsonPath("$[0].status").value("approved"))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aDeclinedCheckoutKeepsTheOrderForTheRetryJob() throws Exception {
        long orderId = checkout(DECLINED_CUSTOMER, "20.00", 402);

        assertThat(orders.findById(orderId)).get()
                .satisfies(order -> assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_FAILED));
        mvc.perform(get("/api/payments").param("orderId", Long.toString(orderId)))
                .andExpect(jsonPath("$[0].status").value("declined"))
                .andExpect(jsonPath("$[0].declineCode").value("insufficient_funds"));
        assertThat(gateway.ledger()).filteredOn(entry -> entry.customerId().equals("666"))
                .noneMatch(LedgerEntry::isApproved);
    }

    @Test
    void anUnknownOrderIsNotFound() throws Exception {
        mvc.perform(get("/api/orders/{id}", 987_654))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://shop.acme.example/problems/not-found"));
        mvc.perform(get("/api/payments").param("orderId", "987654"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPaidOrderCanBeRefundedUpToItsAmount() throws Exception {
        long orderId = checkout(102, "40.00", 201);

        mvc.perform(refund(orderId, "25.00")).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("requested"));
        mvc.perform(refund(orderId, "15.01")).andExpect(status().isConflict());
        mvc.perform(refund(orderId, "15.00")).andExpect(status().isAccepted());
    }

    @Test
    void anUnpaidOrderCannotBeRefunded() throws Exception {
        long orderId = checkout(DECLINED_CUSTOMER, "15.00", 402);

        mvc.perform(refund(orderId, "15.00"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("order " + orderId + " is payment_failed, only paid orders can be refunded"));
    }

    @Test
    void theCheckoutPageIsServed() throws Exception {
        mvc.perform(get("/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/checkout/options")));
    }

    @Test
    void prometheusShowsRequestLatencyHistogramsAndCheckoutOutcomes() throws Exception {
        checkout(103, "10.00", 201);
        checkout(DECLINED_CUSTOMER, "10.00", 402);

        String metrics = mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(metrics)
                .contains("http_server_requests_seconds_bucket{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*outcome=\"CLIENT_ERROR\"[^}]*status=\"402\"[^}]*uri=\"/api/checkout\"")
                .containsPattern("shop_checkout_orders_total\\{[^}]*outcome=\"declined\"");
    }

    @Test
    void healthIsUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    private long checkout(long customerId, String amount, int expectedStatus) throws Exception {
        String body = mvc.perform(post("/api/checkout").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": " + customerId + ", \"amount\": " + amount + "}"))
                .andExpect(status().is(expectedStatus))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<Number>read(body, "$.orderId").longValue();
    }

    private static org.springframework.test.web.servlet.RequestBuilder refund(long orderId, String amount) {
        return post("/api/orders/{id}/refunds", orderId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": " + amount + ", \"reason\": \"damaged\"}");
    }
}
