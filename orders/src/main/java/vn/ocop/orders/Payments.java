package vn.ocop.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.orders.lifecycle.Moves;
import vn.ocop.orders.payment.PaymentRows;
import vn.ocop.orders.payment.StripeEvents;
import vn.ocop.orders.payment.StripeEvents.PaymentEvent;
import vn.ocop.orders.payment.StripePayments;

/**
 * Card payments. A card order gets one PaymentIntent (keyed by the order id, so asking again returns the same);
 * Stripe's webhook tells whether it was paid. Each event is applied once, in whatever order they come: a payment
 * places the order, a failure is noted and the order stays payable until it lapses, and a payment that arrives
 * for an order already cancelled is refunded. Cancelling a paid order refunds it, once.
 */
@Service
public class Payments {

    private final StripePayments stripe;
    private final StripeEvents events;
    private final PaymentRows rows;
    private final Moves moves;
    private final OrderNotices notices;
    private final Money money;
    private final Clock clock;

    Payments(StripePayments stripe, StripeEvents events, PaymentRows rows, Moves moves, OrderNotices notices, Money money, Clock clock) {
        this.stripe = stripe;
        this.events = events;
        this.rows = rows;
        this.moves = moves;
        this.notices = notices;
        this.money = money;
        this.clock = clock;
    }

    /** Cards are offered only when a Stripe secret key is configured. */
    public boolean cardsOffered() {
        return stripe.enabled();
    }

    public String publishableKey() {
        return stripe.publishableKey();
    }

    /** The card order's PaymentIntent, made on first call; empty for other payment methods. */
    public Mono<CardPayment> intent(Order order) {
        if (order.payment() != PaymentMethod.CARD) {
            return Mono.empty();
        }
        return rows.of(order.id()).flatMap(p -> p.intent() != null ? Mono.just(p)
                : stripe.intent(order).flatMap(i -> rows.intent(order.id(), i.id(), i.clientSecret())).then(rows.of(order.id())));
    }

    public Mono<CardPayment> payment(OrderId order) {
        return rows.of(order);
    }

    /** Applies a signed webhook; INVALID_SIGNATURE (and nothing changes) when its signature is wrong or stale. */
    public Mono<Void> webhook(String payload, String signature) {
        return Mono.fromCallable(() -> events.read(payload, signature))
                .flatMap(e -> rows.firstTime(e.id(), e.type(), e.paymentIntent()).filter(first -> first).flatMap(first -> apply(e)));
    }

    /** Refunds the order if it was paid and not refunded yet. */
    public Mono<Void> refundIfPaid(OrderId order) {
        return rows.of(order)
                .filter(p -> p.paidAt() != null && p.refundedAt() == null && p.intent() != null)
                .flatMap(p -> moves.read(order).flatMap(o -> stripe.refund(o, p.intent())))
                // the ledger first: were the marking lost, a retry gets the same refund id from Stripe and records nothing twice
                .flatMap(refund -> money.cardRefunded(order, refund, now()).then(rows.refunded(order, now())))
                .then();
    }

    private Mono<Void> apply(PaymentEvent e) {
        if (e.paymentIntent() == null) {
            return Mono.empty();
        }
        return rows.byIntent(e.paymentIntent()).flatMap(p -> switch (e.type()) {
            case "payment_intent.succeeded" -> moves.move(p.order(), (o, at) -> o.markPaid(at), "stripe")
                    .flatMap(moved -> notices.changed(moved.before().status(), moved.after()))
                    .filter(o -> o.status() == OrderStatus.CANCELLED)
                    .flatMap(cancelled -> refundIfPaid(cancelled.id()));
            case "payment_intent.payment_failed" -> rows.failed(p.order(), e.error());
            default -> Mono.empty();
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
