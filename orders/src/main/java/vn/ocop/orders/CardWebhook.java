package vn.ocop.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.orders.lifecycle.Moves;
import vn.ocop.orders.payment.PaymentEvent;
import vn.ocop.orders.payment.PaymentRows;
import vn.ocop.orders.payment.Refunds;
import vn.ocop.orders.payment.StripeEvents;

/**
 * Applies Stripe's webhook events, each exactly once: the event's id is recorded in the same transaction that applies
 * it, so an event whose application fails leaves no record and Stripe's retry applies it. A payment places the order
 * (a late one for a cancelled order is refunded after the commit), a failed attempt is noted, a refund takes its new
 * status, and a dispute holds the order. What must not happen inside the transaction (mails, calls to Stripe) is
 * handed back as {@link AfterCommit}.
 */
@Component
class CardWebhook {

    private static final Logger log = LoggerFactory.getLogger(CardWebhook.class);

    private final StripeEvents events;
    private final PaymentRows rows;
    private final Refunds refunds;
    private final Moves moves;
    private final TransactionalOperator transactions;

    CardWebhook(StripeEvents events, PaymentRows rows, Refunds refunds, Moves moves, TransactionalOperator transactions) {
        this.events = events;
        this.rows = rows;
        this.refunds = refunds;
        this.moves = moves;
        this.transactions = transactions;
    }

    /** What to do once the transaction committed: tell the shopper the order moved, refund a cancelled order paid late. */
    record AfterCommit(Moves.Moved moved, boolean refund) {
        static final AfterCommit NOTHING = new AfterCommit(null, false);
    }

    /** Reads and applies a signed event (INVALID_SIGNATURE, and nothing changes, when its signature is wrong or stale). */
    Mono<AfterCommit> apply(String payload, String signature) {
        return Mono.fromCallable(() -> events.read(payload, signature))
                .flatMap(e -> transactions.transactional(rows.firstTime(e.id(), e.type(), e.paymentIntent())
                        .flatMap(first -> first ? applyOnce(e) : Mono.just(AfterCommit.NOTHING))));
    }

    /** The card payment went through: the order is placed (a cancelled one stays cancelled and is to be refunded). */
    Mono<AfterCommit> paid(OrderId order, String charge) {
        return transactions.transactional(moves.move(order, (o, at) -> o.markPaid(at), "stripe")
                .flatMap(moved -> rows.charge(order, charge)
                        .thenReturn(new AfterCommit(moved, moved.after().status() == OrderStatus.CANCELLED))));
    }

    private Mono<AfterCommit> applyOnce(PaymentEvent e) {
        if (e instanceof PaymentEvent.IntentEvent intent && e.paymentIntent() != null) {
            return switch (e.type()) {
                case "payment_intent.succeeded" -> rows.byIntent(intent.paymentIntent()).flatMap(p -> paid(p.order(), intent.charge()))
                        .defaultIfEmpty(AfterCommit.NOTHING);
                case "payment_intent.payment_failed" -> rows.byIntent(intent.paymentIntent()).flatMap(p -> rows.failed(p.order(), intent.error()))
                        .thenReturn(AfterCommit.NOTHING);
                default -> Mono.just(AfterCommit.NOTHING);
            };
        }
        if (e instanceof PaymentEvent.RefundEvent refund) {
            return refunds.apply(refund).thenReturn(AfterCommit.NOTHING);
        }
        if (e instanceof PaymentEvent.DisputeEvent dispute) {
            return disputed(dispute).thenReturn(AfterCommit.NOTHING);
        }
        return Mono.just(AfterCommit.NOTHING);
    }

    /** A dispute opened (or moved on): the order whose payment it disputes is held while it is open. */
    private Mono<Void> disputed(PaymentEvent.DisputeEvent d) {
        return (d.paymentIntent() == null ? Mono.<CardPayment>empty() : rows.byIntent(d.paymentIntent()))
                .switchIfEmpty(Mono.defer(() -> d.charge() == null ? Mono.empty() : rows.byCharge(d.charge())))
                .flatMap(p -> {
                    if (new CardDispute(d.disputeId(), d.reason(), String.valueOf(d.status()), null).holds()) {
                        log.warn("The card payment of order {} is disputed ({}, {}): the order is held", p.order().value(), d.reason(), d.status());
                    } else {
                        log.info("The dispute of order {}'s card payment is settled ({}): the hold is lifted", p.order().value(), d.status());
                    }
                    return rows.dispute(p.order(), d.disputeId(), d.status(), d.reason(), d.openedAt()).thenReturn(p);
                })
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("Dispute {} names no order of ours ({}, {})", d.disputeId(), d.paymentIntent(), d.charge())))
                .then();
    }
}
