package vn.motcua.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a payment order stands, and the transitions between states: an explicit graph, so that a repeated or late
 * answer from a gateway can never pay an order twice or un-pay it.
 */
public enum PaymentState {
    /** Created, waiting for the gateway or the bank. */
    CREATED,
    /** Paid; a receipt exists. Final. */
    PAID,
    /** The gateway said it failed or the payer cancelled. Final. */
    FAILED,
    /** Nobody answered in time. A late but genuine success still pays it: the money was taken. */
    EXPIRED;

    private static final Map<PaymentState, Set<PaymentState>> NEXT = Map.of(
            CREATED, EnumSet.of(PAID, FAILED, EXPIRED),
            EXPIRED, EnumSet.of(PAID),
            PAID, EnumSet.noneOf(PaymentState.class),
            FAILED, EnumSet.noneOf(PaymentState.class));

    public boolean mayBecome(PaymentState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
