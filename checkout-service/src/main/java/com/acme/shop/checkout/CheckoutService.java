package com.acme.shop.checkout;

import com.acme.payments.ChargeResult;
import com.acme.payments.PaymentException;
import com.acme.shop.order.Order;
import com.acme.shop.order.OrderRepository;
import com.acme.shop.order.OrderStatus;
import com.acme.shop.payment.PaymentService;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a cart into a paid order. The order is stored before the customer is charged, so a
 * failed or interrupted payment leaves an order the retry job can pick up, never a lost one.
 */
@Service
public class CheckoutService {

    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    private final OrderRepository orders;
    private final PaymentService paymentService;
    private final MeterRegistry meters;

    public CheckoutService(OrderRepository orders, PaymentService paymentService, MeterRegistry meters) {
        this.orders = orders;
        this.paymentService = paymentService;
        this.meters = meters;
    }

    public CheckoutResult checkout(CheckoutRequest request) {
        Order order = orders.create(request.customerId(), request.amount());
        ChargeResult payment;
        try {
            payment = paymentService.processPayment(order);
        } catch (PaymentException e) {
            orders.updateStatus(order.id(), OrderStatus.PAYMENT_FAILED);
            count("gateway_error");
            log.warn("Payment gateway unavailable for order {}; left for retry", order.id(), e);
            throw new PaymentUnavailableException(order.id(), e);
        }
        if (!payment.isApproved()) {
            orders.updateStatus(order.id(), OrderStatus.PAYMENT_FAILED);
            count("declined");
            throw new PaymentDeclinedException(order.id(), payment.declineCode());
        }
        orders.updateStatus(order.id(), OrderStatus.PAID);
        count("paid");
        return new CheckoutResult(order.id(), OrderStatus.PAID.code(), order.amount(), payment.transactionId());
    }

    private void count(String outcome) {
        meters.counter("shop.checkout.orders", "outcome", outcome).increment();
    }
}
