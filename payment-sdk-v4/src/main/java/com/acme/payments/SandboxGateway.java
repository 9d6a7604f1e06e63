package com.acme.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process gateway for development and tests. It never moves real money; every request is
 * written to a ledger that tests can inspect.
 *
 * <p>Idempotent requests ({@link ChargeOptions#withRetry()}, {@link ChargeOptions#forRefund()},
 * {@link ChargeOptions#forSubscription()}) that repeat an approved one are answered with the
 * approved result again, flagged {@link ChargeResult#replayed()}, and move no money.
 *
 * <p>A charge is two requests, as with the hosted gateway since 4.0: one creates a payment intent,
 * the next confirms it; each takes the configured {@link Builder#processingTime}. Money moves, and
 * the ledger records the charge, when the intent is confirmed.
 *
 * <p>Like the hosted sandbox it declines a small, fixed share of charges: whether a charge is
 * declined depends only on the customer, the reference and how many times that reference was tried
 * before, so the same sequence of requests always gets the same answers.
 */
public final class SandboxGateway implements PaymentGateway {

    /** Declined charges per thousand attempts, matching the hosted sandbox. */
    public static final int DEFAULT_DECLINES_PER_THOUSAND = 1;

    private final int declinesPerThousand;
    private final Set<String> decliningCustomers;
    private final Duration processingTime;

    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final Map<String, Integer> attemptsByReference = new HashMap<>();
    private final Map<String, ChargeResult> approvedByIdempotencyKey = new HashMap<>();
    private final Map<String, ChargeRequest> openIntents = new HashMap<>();
    private long intentsCreated;
    private long requestCount;

    private SandboxGateway(Builder builder) {
        this.declinesPerThousand = builder.declinesPerThousand;
        this.decliningCustomers = Set.copyOf(builder.decliningCustomers);
        this.processingTime = builder.processingTime;
    }

    public static SandboxGateway create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Charges the way the hosted gateway's 4.0 API does: one request creates the payment intent, a
     * second one confirms it.
     */
    @Override
    public ChargeResult process(ChargeRequest request) {
        return confirm(createIntent(request));
    }

    /** Requests received so far: two per charge (create, then confirm), as the hosted gateway counts them. */
    public synchronized long requestCount() {
        return requestCount;
    }

    PaymentIntent createIntent(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        simulateProcessingTime();
        synchronized (this) {
            requestCount++;
            String id = "pi_" + String.format("%08d", ++intentsCreated);
            openIntents.put(id, request);
            return new PaymentIntent(id, request);
        }
    }

    ChargeResult confirm(PaymentIntent intent) {
        Objects.requireNonNull(intent, "intent");
        simulateProcessingTime();
        synchronized (this) {
            requestCount++;
            ChargeRequest request = openIntents.remove(intent.id());
            if (request == null) {
                throw new PaymentException("no open payment intent " + intent.id());
            }
            ChargeOptions options = request.options();
            String idempotencyKey = request.customerId() + '/' + request.reference() + '/' + options.kind();
            if (options.idempotent() && approvedByIdempotencyKey.containsKey(idempotencyKey)) {
                return approvedByIdempotencyKey.get(idempotencyKey).asReplay();
            }
            int attempt = attemptsByReference.merge(request.customerId() + '/' + request.reference(), 1, Integer::sum);
            String transactionId = "txn_" + String.format("%08d", ledger.size() + 1);
            ChargeResult result = isDeclined(request, attempt)
                    ? ChargeResult.declined(transactionId, request.amount(), "insufficient_funds")
                    : ChargeResult.approved(transactionId, request.amount());
            Amount signedForCustomer = options.kind() == ChargeOptions.Kind.REFUND
                    ? request.amount().negate()
                    : request.amount();
            ledger.add(new LedgerEntry(transactionId, request.customerId(), request.reference(),
                    signedForCustomer, result.status(), result.declineCode(),
                    options.kind(), options.recurring(), options.idempotent()));
            // Only approvals are replayed: a declined attempt may be tried again under the same key.
            if (options.idempotent() && result.isApproved()) {
                approvedByIdempotencyKey.put(idempotencyKey, result);
            }
            return result;
        }
    }

    /** Every request received so far, oldest first. */
    public synchronized List<LedgerEntry> ledger() {
        return List.copyOf(ledger);
    }

    /** Net amount taken from the customer by approved charges (negative when they were credited more). */
    public synchronized BigDecimal netChargedTo(String customerId) {
        return ledger.stream()
                .filter(entry -> entry.isApproved() && entry.customerId().equals(customerId))
                .map(entry -> entry.amount().value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private boolean isDeclined(ChargeRequest request, int attempt) {
        if (request.options().kind() == ChargeOptions.Kind.REFUND) {
            return false; // money going back to the customer is never declined
        }
        if (decliningCustomers.contains(request.customerId())) {
            return true;
        }
        String key = request.customerId() + '/' + request.reference() + '#' + attempt;
        return Math.floorMod(fnv1a(key), 1000) < declinesPerThousand;
    }

    private void simulateProcessingTime() {
        if (processingTime.isZero()) {
            return;
        }
        try {
            Thread.sleep(processingTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentException("interrupted while waiting for the gateway", e);
        }
    }

    private static long fnv1a(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash ^ (hash >>> 29);
    }

    public static final class Builder {

        private int declinesPerThousand = DEFAULT_DECLINES_PER_THOUSAND;
        private final Set<String> decliningCustomers = new HashSet<>();
        private Duration processingTime = Duration.ZERO;

        private Builder() {
        }

        /** Share of charges to decline, in attempts per thousand (0 to 1000). */
        public Builder declinesPerThousand(int declinesPerThousand) {
            if (declinesPerThousand < 0 || declinesPerThousand > 1000) {
                throw new IllegalArgumentException("declinesPerThousand must be within 0..1000");
            }
            this.declinesPerThousand = declinesPerThousand;
            return this;
        }

        /** Declines every charge to this customer, like the hosted sandbox's test cards. */
        public Builder decliningCustomer(String customerId) {
            decliningCustomers.add(Objects.requireNonNull(customerId, "customerId"));
            return this;
        }

        /** How long each request takes, to mimic the hosted gateway's latency. */
        public Builder processingTime(Duration processingTime) {
            if (processingTime.isNegative()) {
                throw new IllegalArgumentException("processingTime must not be negative");
            }
            this.processingTime = processingTime;
            return this;
        }

        public SandboxGateway build() {
            return new SandboxGateway(this);
        }
    }
}
