package com.acme.shop.refund;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RefundController {

    private final RefundService refunds;

    RefundController(RefundService refunds) {
        this.refunds = refunds;
    }

    /** Accepted, not done: the refund processor pays the request out within minutes. */
    @PostMapping("/api/orders/{orderId}/refunds")
    ResponseEntity<RefundRequest> requestRefund(@PathVariable long orderId, @Valid @RequestBody RefundBody body) {
        RefundRequest request = refunds.requestRefund(orderId, body.amount(), body.reason());
        return ResponseEntity.accepted().location(URI.create("/api/refunds/" + request.id())).body(request);
    }

    @GetMapping("/api/refunds/{id}")
    RefundRequest refund(@PathVariable long id) {
        return refunds.find(id);
    }

    record RefundBody(@NotNull @Positive @Digits(integer = 10, fraction = 2) BigDecimal amount,
                      @Size(max = 255) String reason) {
    }
}
