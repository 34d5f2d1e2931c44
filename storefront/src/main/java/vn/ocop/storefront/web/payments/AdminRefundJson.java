package vn.ocop.storefront.web.payments;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.ocop.orders.CardRefund;
import vn.ocop.orders.RefundStatus;

/**
 * A card refund as ADMIN sees it: the order, how much, why, the caller's idempotency key, Stripe's refund id and
 * status, Stripe's failure reason, how many times it was asked of Stripe, and when.
 */
record AdminRefundJson(UUID id, UUID orderId, long amountVnd, String reason, String idempotencyKey, String stripeRefundId,
                       RefundStatus status, String failureReason, int attempts, OffsetDateTime requestedAt, OffsetDateTime updatedAt,
                       OffsetDateTime succeededAt, boolean retryable) {

    static AdminRefundJson of(CardRefund r) {
        return new AdminRefundJson(r.id(), r.order().value(), r.amount().dong(), r.reason(), r.idempotencyKey(), r.stripeRefundId(), r.status(),
                r.failureReason(), r.attempts(), r.createdAt(), r.updatedAt(), r.succeededAt(), r.status().retryable());
    }
}
