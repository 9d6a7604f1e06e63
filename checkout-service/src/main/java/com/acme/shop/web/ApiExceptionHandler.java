package com.acme.shop.web;

import com.acme.shop.checkout.PaymentDeclinedException;
import com.acme.shop.checkout.PaymentUnavailableException;
import com.acme.shop.order.OrderNotFoundException;
import com.acme.shop.refund.RefundNotAllowedException;
import com.acme.shop.refund.RefundRequestNotFoundException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps the shop's exceptions to RFC 9457 problem details. Malformed JSON, failed validation and
 * bad parameters are handled by the base class, so clients get a 400, never a 500, for bad input.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final String PROBLEMS = "https://shop.acme.example/problems/";

    @ExceptionHandler({OrderNotFoundException.class, RefundRequestNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail paymentDeclined(PaymentDeclinedException e) {
        ProblemDetail problem = problem(HttpStatus.PAYMENT_REQUIRED, "payment-declined", "Payment declined",
                "The payment was declined; the order is kept and payment will be retried.");
        problem.setProperty("orderId", e.orderId());
        problem.setProperty("declineCode", e.declineCode());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail paymentUnavailable(PaymentUnavailableException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "payment-unavailable", "Payment unavailable",
                "The payment could not be processed now; the order is kept and payment will be retried.");
        problem.setProperty("orderId", e.orderId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail refundNotAllowed(RefundNotAllowedException e) {
        return problem(HttpStatus.CONFLICT, "refund-not-allowed", "Refund not allowed", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return problem;
    }
}
