package com.acme.shop.checkout;

import com.acme.shop.flags.FeatureFlags;
import com.acme.shop.flags.Flags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/checkout")
class CheckoutController {

    private final CheckoutService checkoutService;
    private final FeatureFlags flags;

    CheckoutController(CheckoutService checkoutService, FeatureFlags flags) {
        this.checkoutService = checkoutService;
        this.flags = flags;
    }

    @PostMapping
    ResponseEntity<CheckoutResult> checkout(@Valid @RequestBody CheckoutRequest request) {
        CheckoutResult result = checkoutService.checkout(request);
        return ResponseEntity.created(URI.create("/api/orders/" + result.orderId())).body(result);
    }

    /** Read by the checkout page to decide which optional parts to show this customer. */
    @GetMapping("/options")
    CheckoutOptions options(@RequestParam @Positive long customerId) {
        return new CheckoutOptions(flags.isEnabled(Flags.FREE_SHIPPING_BANNER, customerId));
    }
}
