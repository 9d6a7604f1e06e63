package com.acme.shop.refund;

import com.acme.shop.order.Order;
import com.acme.shop.order.OrderNotFoundException;
import com.acme.shop.order.OrderRepository;
import com.acme.shop.order.OrderStatus;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accepts refund requests; the refund processor pays them out. */
@Service
class RefundService {

    private final OrderRepository orders;
    private final RefundRequestRepository requests;

    RefundService(OrderRepository orders, RefundRequestRepository requests) {
        this.orders = orders;
        this.requests = requests;
    }

    @Transactional
    RefundRequest requestRefund(long orderId, BigDecimal amount, String reason) {
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (order.status() != OrderStatus.PAID) {
            throw new RefundNotAllowedException("order " + orderId + " is " + order.status().code() + ", only paid orders can be refunded");
        }
        BigDecimal refundable = order.amount().subtract(requests.totalRequestedFor(orderId));
        if (amount.compareTo(refundable) > 0) {
            throw new RefundNotAllowedException("at most " + refundable + " of order " + orderId + " can still be refunded");
        }
        long id = requests.create(orderId, amount, reason);
        return requests.findById(id).orElseThrow();
    }

    RefundRequest find(long id) {
        return requests.findById(id).orElseThrow(() -> new RefundRequestNotFoundException(id));
    }
}
