package vn.ocop.orders.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.orders.CardLimits;
import vn.ocop.orders.CardPayment;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderId;

/**
 * A card order's PaymentIntent: made once (keyed by the order id), and cancelled at Stripe before the order's stock
 * goes back, so that nobody can pay an order that no longer holds its goods. When Stripe refuses to make one or
 * cannot be reached, why is kept on the order and asking again is safe (same key).
 */
@Service
public class CardIntents {

    private static final Logger log = LoggerFactory.getLogger(CardIntents.class);

    private final StripePayments stripe;
    private final PaymentRows rows;

    CardIntents(StripePayments stripe, PaymentRows rows) {
        this.stripe = stripe;
        this.rows = rows;
    }

    /** How a PaymentIntent ended up when asked to stop: cancelled (or never made), paid (with its charge), or still being processed. */
    public record Stop(Outcome outcome, String charge) {
        public enum Outcome { CANCELLED, SUCCEEDED, PROCESSING }

        static final Stop CANCELLED = new Stop(Outcome.CANCELLED, null);
    }

    public boolean cardsOffered() {
        return stripe.settings().cardsOffered();
    }

    public String publishableKey() {
        return stripe.settings().publishableKey();
    }

    public CardLimits limits() {
        return stripe.settings().cardLimits();
    }

    public Mono<CardPayment> payment(OrderId order) {
        return rows.of(order);
    }

    /** The order's PaymentIntent, made if it has none; a refusal or an outage is kept on the order (the payment then has no secret). */
    public Mono<CardPayment> ensure(Order order) {
        return rows.of(order.id()).flatMap(p -> p.intent() != null ? Mono.just(p) : create(order));
    }

    private Mono<CardPayment> create(Order order) {
        return stripe.intent(order)
                .flatMap(i -> rows.intent(order.id(), i.id(), i.clientSecret()))
                .onErrorResume(StripeFailure.class, f -> {
                    log.warn("No PaymentIntent for order {}: {} ({}); the order page offers to try again", order.code(),
                            f.unavailable() ? "Stripe unavailable" : "Stripe refused", f.getMessage());
                    return rows.intentFailed(order.id(), (f.unavailable() ? "unavailable: " : "refused: ") + f.getMessage());
                })
                .then(rows.of(order.id()));
    }

    /**
     * Cancels the order's PaymentIntent at Stripe ({@code cancellation_reason=abandoned}) so that nothing more can be
     * paid. Each attempt has its own Idempotency-Key ({@code abandon:<order>:<n>}); an attempt that did not settle
     * it (still processing, or Stripe unavailable: a StripeFailure) counts, so the next one is asked afresh rather
     * than answered from Stripe's record of the earlier one.
     */
    public Mono<Stop> abandon(Order order) {
        return rows.of(order.id()).flatMap(p -> p.intent() == null ? Mono.just(Stop.CANCELLED)
                : rows.cancelAttempts(order.id())
                        .flatMap(n -> stripe.cancel(p.intent(), "abandon:" + order.id().value() + ":" + n))
                        .flatMap(state -> switch (state.status()) {
                            case "canceled" -> Mono.just(Stop.CANCELLED);
                            case "succeeded" -> Mono.just(new Stop(Stop.Outcome.SUCCEEDED, state.charge()));
                            default -> rows.cancelAttemptUnsettled(order.id()).thenReturn(new Stop(Stop.Outcome.PROCESSING, null));
                        })
                        .onErrorResume(StripeFailure.class, f -> rows.cancelAttemptUnsettled(order.id()).then(Mono.error(f))));
    }
}
