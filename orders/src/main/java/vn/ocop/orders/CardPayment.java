package vn.ocop.orders;

import java.time.OffsetDateTime;
import vn.ocop.catalog.Vnd;

/**
 * What is known of an order's card payment: its PaymentIntent and client secret (or why Stripe would not start
 * one), the charge, when it was paid, when it was wholly refunded (Stripe said so), the last failed attempt, the
 * total, and how much its refunds hold (those not failed or canceled).
 */
public record CardPayment(OrderId order, String status, String intent, String clientSecret, OffsetDateTime paidAt,
                          OffsetDateTime refundedAt, String error, String intentError, String charge, Vnd total, Vnd refundsHeld) {

    /** Stripe would not start the card payment (or could not be reached): the order page offers to try again. */
    public boolean startFailed() {
        return intent == null && intentError != null;
    }

    /** What can still be refunded: paid minus the refunds that are not failed or canceled. */
    public Vnd refundable() {
        return paidAt == null ? new Vnd(0) : new Vnd(total.dong() - refundsHeld.dong());
    }
}
