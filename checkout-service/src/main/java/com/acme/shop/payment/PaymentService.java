package com.acme.shop.payment;

import com.acme.payments.Amount;
import com.acme.payments.ChargeResult;
import com.acme.payments.PaymentException;
import com.acme.payments.Payments;
import com.acme.shop.order.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Takes payment for orders through the payment SDK and keeps a record of every attempt. */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final Payments payments;
    private final PaymentRepository attempts;

    public PaymentService(Payments payments, PaymentRepository attempts) {
        this.payments = payments;
        this.attempts = attempts;
    }

    /**
     * Charges the order's customer for the order.
     *
     * @throws PaymentException when the gateway could not process the charge; nothing was taken
     */
    public ChargeResult processPayment(Order order) {
        ChargeResult result = payments
                .client(Long.toString(order.customerId()), order.paymentReference())
                .charge(Amount.usd(order.amount()));
        attempts.record(order.id(), result);
        if (!result.isApproved()) {
            log.info("Payment for order {} declined: {}", order.id(), result.declineCode());
        }
        return result;
    }
}
