package vn.ocop.orders;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.payment.CardIntents;
import vn.ocop.orders.payment.Refunds;
import vn.ocop.orders.payment.StripeFailure;

/**
 * Card payments through Stripe. A card order gets one PaymentIntent (keyed by the order id); if Stripe refuses to
 * start it or cannot be reached, the order says so and asking again is safe. Stripe's signed webhook says whether it
 * was paid; each event is applied once, in one transaction with its record. Before an unpaid card order gives its
 * stock back, its PaymentIntent is cancelled at Stripe ({@link #stopCollecting}). Refunds keep Stripe's status
 * ({@link #refund}); a dispute holds the order. Card totals outside Stripe's limits are refused at checkout.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    /** The refund key of a cancelled order: whatever its payment still holds is refunded once under it. */
    static final String CANCEL_KEY = CardRefundLedger.CANCELLED_ORDER_KEY;

    private final CardIntents intents;
    private final Refunds refunds;
    private final CardWebhook webhook;
    private final OrderNotices notices;

    Payments(CardIntents intents, Refunds refunds, CardWebhook webhook, OrderNotices notices) {
        this.intents = intents;
        this.refunds = refunds;
        this.webhook = webhook;
        this.notices = notices;
    }

    /** Cards are offered only when both the Stripe secret key and the publishable key are configured. */
    public boolean cardsOffered() {
        return intents.cardsOffered();
    }

    public String publishableKey() {
        return intents.publishableKey();
    }

    /** The card totals Stripe takes (at least the equivalent of US$0.50, at most eight digits of đồng). */
    public CardLimits cardLimits() {
        return intents.limits();
    }

    /** CARD_AMOUNT_OUT_OF_RANGE when a card order's total is outside Stripe's limits; checkout calls it before writing the order. */
    public void checkCardTotal(Order order) {
        if (order.payment() == PaymentMethod.CARD) {
            cardLimits().check(order.total());
        }
    }

    /**
     * The card order's PaymentIntent, made on first call while the order waits for its payment (a refusal is kept:
     * see {@link CardPayment#startFailed()}); empty for other payment methods.
     */
    public Mono<CardPayment> intent(Order order) {
        if (order.payment() != PaymentMethod.CARD) {
            return Mono.empty();
        }
        return order.status() == OrderStatus.PENDING_PAYMENT ? intents.ensure(order) : intents.payment(order.id());
    }

    /** "Try again" on the order page: asks Stripe again for an unpaid card order's PaymentIntent (the same idempotency key). */
    public Mono<CardPayment> retryIntent(Order order) {
        if (order.payment() != PaymentMethod.CARD || order.status() != OrderStatus.PENDING_PAYMENT) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_STATE, "only an unpaid card order waits for its card payment"));
        }
        if (!cardsOffered()) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "card payments are not offered here just now"));
        }
        return intents.ensure(order);
    }

    public Mono<CardPayment> payment(OrderId order) {
        return intents.payment(order);
    }

    /** Applies a signed webhook; INVALID_SIGNATURE (and nothing changes) when its signature is wrong or stale. */
    public Mono<Void> webhook(String payload, String signature) {
        return webhook.apply(payload, signature).flatMap(this::afterCommit);
    }

    /**
     * Makes sure nothing more can be paid for an unpaid card order before it gives its stock back: its PaymentIntent
     * is cancelled at Stripe. If Stripe says it was paid meanwhile the order is marked paid, and if it is being
     * processed it is left alone; both are PAYMENT_IN_PROGRESS (the order is kept). Stripe unavailable:
     * PAYMENT_PROVIDER_UNAVAILABLE, nothing changed. Any other order completes at once.
     */
    public Mono<Void> stopCollecting(Order order) {
        if (order.payment() != PaymentMethod.CARD || order.status() != OrderStatus.PENDING_PAYMENT) {
            return Mono.empty();
        }
        return intents.abandon(order)
                .onErrorMap(StripeFailure.class, f -> new OrdersException(OrdersErrorCode.PAYMENT_PROVIDER_UNAVAILABLE,
                        "Stripe could not cancel the card payment just now (" + f.getMessage() + "): nothing changed, try again shortly"))
                .flatMap(stop -> switch (stop.outcome()) {
                    case CANCELLED -> Mono.<Void>empty();
                    case SUCCEEDED -> webhook.paid(order.id(), stop.charge()).flatMap(this::afterCommit)
                            .then(Mono.error(new OrdersException(OrdersErrorCode.PAYMENT_IN_PROGRESS,
                                    "the card payment went through just now: the order is placed (cancel it again to have it refunded)")));
                    case PROCESSING -> Mono.error(new OrdersException(OrdersErrorCode.PAYMENT_IN_PROGRESS,
                            "the card payment is being processed: the order is kept until Stripe says how it ended"));
                });
    }

    /**
     * Refunds {@code amount} (whole đồng, all or part) of the order's card payment, at most what it still holds (paid
     * minus the refunds not failed or canceled; else REFUND_EXCEEDS_PAYMENT). Idempotent by {@code idempotencyKey},
     * which is also Stripe's Idempotency-Key: the same key again returns the same refund without asking Stripe again.
     * The refund comes back with Stripe's status (PENDING until the card network settles it; then refund.* events).
     */
    public Mono<CardRefund> refund(OrderId order, Vnd amount, String idempotencyKey, String reason) {
        return refunds.refund(order, amount, idempotencyKey, reason);
    }

    /** Refunds what a cancelled order's card payment still holds, once (key {@code cancel:<order id>}); nothing when unpaid. */
    public Mono<CardRefund> refundCancelled(OrderId order) {
        return refunds.refundRemaining(order, CANCEL_KEY + order.value(), "order cancelled");
    }

    /** The order's refunds, oldest first, each with Stripe's status. */
    public Flux<CardRefund> refunds(OrderId order) {
        return refunds.of(order);
    }

    public Mono<CardRefund> refundById(UUID refund) {
        return refunds.get(refund);
    }

    /** Refunds that failed (or were canceled), for ADMIN to try again. */
    public Flux<CardRefund> refundsWithStatus(RefundStatus status) {
        return refunds.withStatus(status);
    }

    /** Asks Stripe again for a failed or canceled refund (a new attempt, key {@code <key>:attempt-<n>}). */
    public Mono<CardRefund> retryRefund(UUID refund) {
        return refunds.retry(refund);
    }

    /**
     * Catches up on what an outage or a crash left undone (run with the lapse job): refunds Stripe did not receive
     * are sent again, and cancelled orders paid by card whose refund was never asked are refunded.
     */
    public Mono<Long> catchUp() {
        return refunds.resendUnsent()
                .then(refunds.cancelledUnrefunded(CANCEL_KEY)
                        .concatMap(order -> refundCancelled(order).onErrorResume(e -> {
                            log.warn("Refunding cancelled order {} failed; the next run tries again", order.value(), e);
                            return Mono.empty();
                        }))
                        .count());
    }

    private Mono<Void> afterCommit(CardWebhook.AfterCommit done) {
        if (done.moved() == null) {
            return Mono.empty();
        }
        Order after = done.moved().after();
        return notices.changed(done.moved().before().status(), after)
                .then(done.refund() ? refundCancelled(after.id()).onErrorResume(e -> {
                    log.warn("Refunding order {} paid after it was cancelled failed; the lapse job tries again", after.code(), e);
                    return Mono.empty();
                }).then() : Mono.empty());
    }
}
