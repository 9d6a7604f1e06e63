package com.acme.shop.checkout;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.shop.flags.FeatureFlags;
import com.acme.shop.flags.Flags;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CheckoutController.class)
class CheckoutControllerTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CheckoutService checkoutService;

    @MockitoBean
    private FeatureFlags flags;

    @Test
    void aPaidCheckoutAnswersCreatedWithTheOrderLocation() throws Exception {
        given(checkoutService.checkout(any()))
                .willReturn(new CheckoutResult(7, "paid", new BigDecimal("99.99"), "txn_00000001"));

        mvc.perform(post("/api/checkout").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": 42, \"amount\": 99.99}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/orders/7"))
                .andExpect(jsonPath("$.orderId").value(7))
                .andExpect(jsonPath("$.status").value("paid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"customerId\": 42, \"amount\": -5}",
            "{\"customerId\": 42, \"amount\": 0}",
            "{\"customerId\": 42}",
            "{\"amount\": 10}",
            "{\"customerId\": 42, \"amount\": 10.001}",
            "{\"customerId\": 42, \"amount\": \"ten\"}",
            "{\"customerId\": 42, \"amount\": 10",
            "[]",
            ""
    })
    void badCartsAreRejectedAsProblemDetailsWithoutTouchingOrders(String body) throws Exception {
        mvc.perform(post("/api/checkout").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(checkoutService);
    }

    @Test
    void aDeclinedPaymentIsAPaymentRequiredProblemNamingTheKeptOrder() throws Exception {
        given(checkoutService.checkout(any())).willThrow(new PaymentDeclinedException(9, "insufficient_funds"));

        mvc.perform(post("/api/checkout").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": 42, \"amount\": 12.00}"))
                .andExpect(status().isPaymentRequired())
                .andExpect(jsonPath("$.orderId").value(9))
                .andExpect(jsonPath("$.declineCode").value("insufficient_funds"));
    }

    @Test
    void anUnreachableGatewayIsServiceUnavailable() throws Exception {
        given(checkoutService.checkout(any())).willThrow(new PaymentUnavailableException(10, new RuntimeException("timeout")));

        mvc.perform(post("/api/checkout").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": 42, \"amount\": 12.00}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.orderId").value(10));
    }

    @Test
    void theOptionsFollowTheCustomersFlags() throws Exception {
        given(flags.isEnabled(Flags.FREE_SHIPPING_BANNER, 42)).willReturn(true);

        mvc.perform(get("/api/checkout/options").param("customerId", "42"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.freeShippingBanner").value(true));
        mvc.perform(get("/api/checkout/options").param("customerId", "43"))
                .andExpect(jsonPath("$.freeShippingBanner").value(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", ""})
    void optionsNeedAValidCustomer(String customerId) throws Exception {
        mvc.perform(get("/api/checkout/options").param("customerId", customerId))
                .andExpect(status().isBadRequest());
    }
}
