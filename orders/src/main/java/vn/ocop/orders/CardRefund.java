package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import vn.ocop.catalog.Vnd;

/**
 * One refund of an order's card payment: how much (whole đồng), the caller's idempotency key (the same key is the
 * same refund) and reason, Stripe's refund id once Stripe made it, its status and Stripe's failure reason, how many
 * times it was asked of Stripe, and when it was asked, last changed and succeeded.
 */
public record CardRefund(UUID id, OrderId order, Vnd amount, String idempotencyKey, String reason, String stripeRefundId,
                         RefundStatus status, String failureReason, int attempts, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                         OffsetDateTime succeededAt) {

    public CardRefund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
    }

    /** The Idempotency-Key Stripe gets for this attempt: the caller's key, then the key and the attempt for a retry. */
    public String stripeKey() {
        return attempts <= 1 ? idempotencyKey : idempotencyKey + ":attempt-" + attempts;
    }

    /** Made here but not (known to be) received by Stripe yet: to be sent again with the same key. */
    public boolean unsent() {
        return stripeRefundId == null && status == RefundStatus.PENDING;
    }
}
