package com.acme.shop.order;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderRepository orders;

    OrderController(OrderRepository orders) {
        this.orders = orders;
    }

    @GetMapping("/{id}")
    OrderView order(@PathVariable long id) {
        return orders.findById(id).map(OrderView::of).orElseThrow(() -> new OrderNotFoundException(id));
    }

    record OrderView(long id, long customerId, BigDecimal amount, String status, Instant createdAt) {

        static OrderView of(Order order) {
            return new OrderView(order.id(), order.customerId(), order.amount(), order.status().code(), order.createdAt());
        }
    }
}
