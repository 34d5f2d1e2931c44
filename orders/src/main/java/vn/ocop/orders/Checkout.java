package vn.ocop.orders;

import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.orders.lifecycle.OrderRows;
import vn.ocop.orders.checkout.Placing;

/**
 * Places orders. In one transaction: the request is checked (address, pickup outlet, payment), every product's
 * sale status is read again, each line is given a location and its stock reserved with one conditional
 * update, and the order is written. The shopper's Idempotency-Key makes a retry return the same order; the
 * same key with a different request is refused.
 */
@Service
public class Checkout {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Checkout.class);

    private final OrderRows orders;
    private final Placing placing;
    private final Payments payments;
    private final OrderNotices notices;
    private final TransactionalOperator transactions;

    Checkout(OrderRows orders, Placing placing, Payments payments, OrderNotices notices, TransactionalOperator transactions) {
        this.orders = orders;
        this.placing = placing;
        this.payments = payments;
        this.notices = notices;
        this.transactions = transactions;
    }

    /** The order, and whether this call made it (false: an earlier call with the same key did). */
    public record Placed(Order order, boolean created) {
    }

    /**
     * Places the order (or finds the one this key placed). A card total outside Stripe's limits is refused
     * (CARD_AMOUNT_OUT_OF_RANGE) before anything is written. A card order then gets its PaymentIntent; if Stripe
     * refuses it or cannot be reached, the order waits unpaid, says so, and asking again (the same request, or
     * "try again" on its page) asks Stripe again.
     */
    public Mono<Placed> place(OrderRequest request) {
        if (request.payment() == PaymentMethod.CARD && !payments.cardsOffered()) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "card payments are not offered: choose cash on delivery or pay at pickup"));
        }
        return existing(request)
                .switchIfEmpty(Mono.defer(() -> transactions.transactional(placing.place(request, payments::checkCardTotal))
                        .flatMap(o -> notices.changed(null, o))
                        .map(o -> new Placed(o, true))))
                .onErrorResume(DuplicateKeyException.class, raced -> existing(request))
                .flatMap(placed -> payments.intent(placed.order())
                        .onErrorResume(e -> {
                            log.warn("No PaymentIntent yet for order {}: asking again retries it", placed.order().code(), e);
                            return Mono.empty();
                        })
                        .thenReturn(placed));
    }

    /** What the basket would cost now: its parcels, each with its shipping fee and delivery window, and the totals. Nothing is written. */
    public Mono<Quote> quote(Basket basket) {
        return placing.quote(basket);
    }

    /** The order this account placed with that Idempotency-Key, if any: a checkout form sent twice finds its order. */
    public Mono<Order> placedWith(UUID account, String idempotencyKey) {
        return orders.byKey(account, idempotencyKey);
    }

    /** The account's newest delivery order, whose recipient and address checkout offers again; empty if it has none. */
    public Mono<Order> lastDelivery(UUID account) {
        return orders.lastDelivery(account);
    }

    public Mono<Order> get(OrderId id) {
        return orders.byId(id);
    }

    private Mono<Placed> existing(OrderRequest request) {
        return orders.byKey(request.account(), request.idempotencyKey())
                .flatMap(o -> o.requestHash().equals(request.hash()) ? Mono.just(new Placed(o, false))
                        : Mono.error(new OrdersException(OrdersErrorCode.IDEMPOTENCY_MISMATCH,
                                "this Idempotency-Key was used for a different order: use a new key for a new order")));
    }
}
