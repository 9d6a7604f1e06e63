package com.acme.payments;

/**
 * How the gateway must treat a charge. New in 4.0: what used to be implied by the sign of the
 * amount or by the merchant's own bookkeeping is now said explicitly.
 *
 * <ul>
 *   <li>{@link #defaults()}: a customer-initiated payment; every call moves money.</li>
 *   <li>{@link #withRetry()}: a payment that may be repeated; the gateway uses the client's
 *       reference as idempotency key and never takes the money twice.</li>
 *   <li>{@link #forRefund()}: money goes back to the customer.</li>
 *   <li>{@link #forSubscription()}: a recurring, merchant-initiated payment under a stored mandate.</li>
 * </ul>
 */
public final class ChargeOptions {

    public enum Kind { PAYMENT, REFUND }

    private static final ChargeOptions DEFAULTS = new ChargeOptions(Kind.PAYMENT, false, false);
    private static final ChargeOptions RETRY = new ChargeOptions(Kind.PAYMENT, true, false);
    private static final ChargeOptions REFUND = new ChargeOptions(Kind.REFUND, true, false);
    private static final ChargeOptions SUBSCRIPTION = new ChargeOptions(Kind.PAYMENT, true, true);

    private final Kind kind;
    private final boolean idempotent;
    private final boolean recurring;

    private ChargeOptions(Kind kind, boolean idempotent, boolean recurring) {
        this.kind = kind;
        this.idempotent = idempotent;
        this.recurring = recurring;
    }

    public static ChargeOptions defaults() {
        return DEFAULTS;
    }

    public static ChargeOptions withRetry() {
        return RETRY;
    }

    public static ChargeOptions forRefund() {
        return REFUND;
    }

    public static ChargeOptions forSubscription() {
        return SUBSCRIPTION;
    }

    public Kind kind() {
        return kind;
    }

    /** The reference is sent as idempotency key: repeating the call returns the first result. */
    public boolean idempotent() {
        return idempotent;
    }

    /** Merchant-initiated under a stored mandate; the customer is not present. */
    public boolean recurring() {
        return recurring;
    }

    @Override
    public String toString() {
        return "ChargeOptions[kind=" + kind + ", idempotent=" + idempotent + ", recurring=" + recurring + ']';
    }
}
