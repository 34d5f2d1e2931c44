package vn.ocop.orders.payment;

import java.time.OffsetDateTime;

/**
 * One Stripe webhook event as the orders module needs it: its id (recorded, so it is applied once) and type, and
 * what it says of a PaymentIntent, a refund or a dispute. Every other event is {@link Other} and only recorded.
 */
public sealed interface PaymentEvent {

    String id();

    String type();

    /** The PaymentIntent the event is about, if any (recorded with the event). */
    String paymentIntent();

    /** {@code payment_intent.*}: the intent, the charge that paid it, the last attempt's error. */
    record IntentEvent(String id, String type, String paymentIntent, String charge, String error) implements PaymentEvent {
    }

    /** {@code refund.*} and {@code charge.refund.updated}: a refund's status, with our refund id and attempt from its metadata. */
    record RefundEvent(String id, String type, String paymentIntent, String refundId, String status, String failureReason,
                       String ourRefundId, String ourAttempt) implements PaymentEvent {
    }

    /** {@code charge.dispute.*}: a dispute of a charge, its reason, status and when it was opened. */
    record DisputeEvent(String id, String type, String paymentIntent, String charge, String disputeId, String reason,
                        String status, OffsetDateTime openedAt) implements PaymentEvent {
    }

    record Other(String id, String type) implements PaymentEvent {
        @Override
        public String paymentIntent() {
            return null;
        }
    }
}
