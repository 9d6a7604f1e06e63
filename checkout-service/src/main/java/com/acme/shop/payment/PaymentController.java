package com.acme.shop.payment;

import com.acme.shop.order.OrderNotFoundException;
import com.acme.shop.order.OrderRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final OrderRepository orders;
    private final PaymentRepository attempts;

    PaymentController(OrderRepository orders, PaymentRepository attempts) {
        this.orders = orders;
        this.attempts = attempts;
    }

    @GetMapping
    List<PaymentAttempt> paymentsForOrder(@RequestParam long orderId) {
        if (orders.findById(orderId).isEmpty()) {
            throw new OrderNotFoundException(orderId);
        }
        return attempts.findByOrderId(orderId);
    }
}
