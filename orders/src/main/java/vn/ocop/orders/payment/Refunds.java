package vn.ocop.orders.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.CardRefund;
import vn.ocop.orders.CardRefundLedger;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.RefundStatus;
import vn.ocop.orders.payment.PaymentEvent.RefundEvent;

/**
 * Refunds of card payments, each kept with Stripe's answer. A refund first holds its amount on the order (never more
 * than paid minus what other refunds hold), is written PENDING, and only then asked of Stripe with the caller's key
 * as Idempotency-Key; Stripe's answer, and later its refund.* events, settle it. A refund Stripe could not be reached
 * for stays PENDING with no Stripe id and is sent again by {@link #resendUnsent()}. A failed or canceled refund gives
 * back what it held and can be retried: a new attempt, with a key of its own.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final Duration RESEND_AFTER = Duration.ofMinutes(1);

    private final RefundRows rows;
    private final StripePayments stripe;
    private final TransactionalOperator transactions;
    private final CardRefundLedger ledger;
    private final Clock clock;

    Refunds(RefundRows rows, StripePayments stripe, TransactionalOperator transactions, CardRefundLedger ledger, Clock clock) {
        this.rows = rows;
        this.stripe = stripe;
        this.transactions = transactions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Refunds {@code amount} of the order's card payment, once per {@code key}: the same key again is the same refund
     * (sent again only if Stripe never received it); the same key for another order or amount is IDEMPOTENCY_MISMATCH.
     */
    public Mono<CardRefund> refund(OrderId order, Vnd amount, String key, String reason) {
        if (amount == null || amount.dong() <= 0) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "a refund is a positive amount of đồng"));
        }
        if (key == null || key.isBlank() || key.length() > 200 || reason == null || reason.isBlank() || reason.length() > 500) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "a refund needs a key (1–200 characters) and a reason (1–500)"));
        }
        return rows.byKey(key)
                .flatMap(existing -> existing.order().equals(order) && existing.amount().equals(amount) ? resendIfUnsent(existing)
                        : Mono.error(new OrdersException(OrdersErrorCode.IDEMPOTENCY_MISMATCH,
                                "this refund key was used for another refund: use a new key for a new refund")))
                .switchIfEmpty(Mono.defer(() -> open(order, amount, key, reason)));
    }

    /** Refunds whatever the order's card payment still holds, under {@code key}; nothing when nothing is left (or it was not paid). */
    public Mono<CardRefund> refundRemaining(OrderId order, String key, String reason) {
        return rows.byKey(key).flatMap(this::resendIfUnsent)
                .switchIfEmpty(Mono.defer(() -> rows.refundable(order).filter(left -> left.dong() > 0)
                        .flatMap(left -> open(order, left, key, reason))));
    }

    /** Asks Stripe again for a refund that failed or was canceled; INVALID_STATE for any other. */
    public Mono<CardRefund> retry(UUID refund) {
        return transactions.transactional(rows.locked(refund)
                        .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "refund " + refund + " not found")))
                        .flatMap(r -> {
                            if (!r.status().retryable()) {
                                return Mono.error(new OrdersException(OrdersErrorCode.INVALID_STATE, "only a failed or canceled refund is tried again; this one is " + r.status()));
                            }
                            return hold(r.order(), r.amount()).then(rows.reopen(r.id(), now())).then(rows.byId(r.id()));
                        }))
                .flatMap(this::send);
    }

    public Flux<CardRefund> of(OrderId order) {
        return rows.ofOrder(order);
    }

    public Mono<CardRefund> get(UUID refund) {
        return rows.byId(refund);
    }

    public Flux<CardRefund> withStatus(RefundStatus status) {
        return rows.withStatus(status);
    }

    /** Cancelled orders paid by card whose remaining payment was not refunded yet under {@code keyPrefix + order id}. */
    public Flux<OrderId> cancelledUnrefunded(String keyPrefix) {
        return rows.cancelledUnrefunded(keyPrefix);
    }

    /** Sends again, with the same key, the refunds Stripe could not be reached for; emits how many were sent. */
    public Mono<Long> resendUnsent() {
        return rows.unsent(now().minus(RESEND_AFTER)).concatMap(this::send).count();
    }

    /** Applies a refund.* event (in the caller's transaction): the refund it names takes Stripe's status. */
    public Mono<Void> apply(RefundEvent e) {
        return find(e).flatMap(r -> settle(r.id(), e.refundId(), RefundStatus.fromStripe(e.status()), e.failureReason())).then();
    }

    /** Our refund the event is about: by Stripe's refund id, else by the refund id and attempt its metadata carry. */
    private Mono<CardRefund> find(RefundEvent e) {
        return (e.refundId() == null ? Mono.<CardRefund>empty() : rows.byStripeId(e.refundId())).switchIfEmpty(Mono.defer(() -> {
            UUID ours = parse(e.ourRefundId());
            if (ours == null) {
                log.warn("Stripe refund {} ({}) is not one of ours (made in the Dashboard?): not recorded", e.refundId(), e.paymentIntent());
                return Mono.empty();
            }
            return rows.byId(ours)
                    .filter(r -> String.valueOf(r.attempts()).equals(e.ourAttempt()) && (r.stripeRefundId() == null || r.stripeRefundId().equals(e.refundId())))
                    .switchIfEmpty(Mono.fromRunnable(() -> log.info("Stripe refund {} is an earlier attempt of refund {}: its news changes nothing",
                            e.refundId(), ours)));
        }));
    }

    private Mono<CardRefund> open(OrderId order, Vnd amount, String key, String reason) {
        OffsetDateTime at = now();
        CardRefund pending = new CardRefund(UUID.randomUUID(), order, amount, key, reason, null, RefundStatus.PENDING, null, 1, at, at, null);
        return transactions.transactional(hold(order, amount).then(rows.insert(pending)).thenReturn(pending))
                .flatMap(this::send)
                // the same key at the same moment: the other call made the refund and sends it
                .onErrorResume(DuplicateKeyException.class, raced -> rows.byKey(key));
    }

    /** Holds the amount, or says why not: not paid by card (INVALID_STATE), or more than is left (REFUND_EXCEEDS_PAYMENT). */
    private Mono<String> hold(OrderId order, Vnd amount) {
        return rows.hold(order, amount).switchIfEmpty(Mono.defer(() -> rows.refundable(order)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.INVALID_STATE, "this order was not paid by card: nothing to refund at Stripe")))
                .flatMap(left -> Mono.error(new OrdersException(OrdersErrorCode.REFUND_EXCEEDS_PAYMENT,
                        "only " + left.dong() + " đồng of this order's card payment can still be refunded, not " + amount.dong())))));
    }

    private Mono<CardRefund> resendIfUnsent(CardRefund r) {
        return r.unsent() ? send(r) : Mono.just(r);
    }

    /** Asks Stripe for the refund; a refusal fails it (with Stripe's reason), an outage leaves it pending and unsent. */
    private Mono<CardRefund> send(CardRefund r) {
        return rows.intentOf(r.order())
                .flatMap(intent -> stripe.refund(intent, r.amount(), r.stripeKey(), r.id(), r.attempts(), r.reason()))
                .flatMap(state -> settle(r.id(), state.id(), RefundStatus.fromStripe(state.status()), state.failureReason()))
                .onErrorResume(StripeFailure.class, f -> {
                    if (f.unavailable()) {
                        log.warn("Refund {} of order {} not sent: Stripe unavailable ({}); it is sent again shortly", r.id(), r.order().value(), f.getMessage());
                        return rows.byId(r.id());
                    }
                    return settle(r.id(), null, RefundStatus.FAILED, f.code() == null ? f.getMessage() : f.code() + ": " + f.getMessage());
                });
    }

    /** Moves the refund to Stripe's status, if it may move there; what it held is given back when it no longer holds money. */
    private Mono<CardRefund> settle(UUID id, String stripeRefundId, RefundStatus next, String failureReason) {
        OffsetDateTime at = now();
        return transactions.transactional(rows.locked(id).flatMap(r -> {
            if (!r.status().canBecome(next)) {
                return r.stripeRefundId() == null && stripeRefundId != null
                        ? rows.update(id, stripeRefundId, r.status(), r.failureReason(), at).then(rows.byId(id)) : Mono.just(r);
            }
            Mono<Void> released = r.status().holdsMoney() && !next.holdsMoney() ? rows.release(r.order(), r.amount()) : Mono.empty();
            return rows.update(id, stripeRefundId, next, next == RefundStatus.FAILED ? failureReason : null, at)
                    .then(released)
                    .then(rows.byId(id))
                    .flatMap(after -> (next == RefundStatus.SUCCEEDED ? refundSucceeded(after)
                            : r.status() == RefundStatus.SUCCEEDED ? refundFailedAfterSucceeding(after) : Mono.<Void>empty()).thenReturn(after));
        }));
    }

    /**
     * THE place where a card refund becomes SUCCEEDED, exactly once per refund, inside the transaction that records
     * it (called from Stripe's answer or from a refund.* event, whichever comes first): the money ledger learns it here,
     * in the same transaction. The order counts as refunded once its whole total has been refunded.
     */
    private Mono<Void> refundSucceeded(CardRefund refund) {
        log.info("Refund {} of order {}: {} đồng back on the card", refund.stripeRefundId(), refund.order().value(), refund.amount().dong());
        return ledger.succeeded(refund).then(rows.orderRefunded(refund.order(), refund.updatedAt()));
    }

    /** A refund that had succeeded failed after all (rare: the card issuer sent it back); a ledger reverses its entry here. */
    private Mono<Void> refundFailedAfterSucceeding(CardRefund refund) {
        log.warn("Refund {} of order {} failed after it had succeeded ({}): the money is back with the marketplace", refund.stripeRefundId(),
                refund.order().value(), refund.failureReason());
        return rows.orderRefunded(refund.order(), refund.updatedAt());
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
