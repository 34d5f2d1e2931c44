package vn.ocop.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.orders.lifecycle.Moves;
import vn.ocop.orders.lifecycle.OrderQueries;

/**
 * A shopper's orders after checkout: their list, one order with its history, and cancelling before anything
 * has left (the stock goes back, a paid card is refunded). The system cancels card orders unpaid for 30 minutes
 * and pickups not collected by their deadline. An unpaid card order gives its stock back only once its
 * PaymentIntent is cancelled at Stripe: one paid or being processed meanwhile is kept. Producers' and staff's
 * sides are {@link Fulfilments} and {@link Pickups}.
 */
@Service
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    static final Duration UNPAID_LIMIT = Duration.ofMinutes(30);

    private final Moves moves;
    private final OrderQueries queries;
    private final Payments payments;
    private final OrderNotices notices;
    private final Clock clock;

    Orders(Moves moves, OrderQueries queries, Payments payments, OrderNotices notices, Clock clock) {
        this.moves = moves;
        this.queries = queries;
        this.payments = payments;
        this.notices = notices;
        this.clock = clock;
    }

    public Flux<Order> mine(UUID account) {
        return queries.mine(account).concatMap(moves::read);
    }

    /** The shopper's own order; anyone else's is NOT_FOUND. */
    public Mono<Order> mine(UUID account, OrderId id) {
        return moves.read(id).filter(o -> o.account().equals(account)).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /** Cancels before anything has left, for one of the shopper's reasons; cancelling a cancelled order changes nothing. */
    public Mono<Order> cancel(UUID account, OrderId id, CancelReason reason) {
        if (reason == null || !reason.shoppers()) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "choose a reason for cancelling"));
        }
        return mine(account, id).flatMap(o -> o.status() == OrderStatus.CANCELLED ? Mono.just(o)
                : cancel(o, reason, Actor.shopper(account.toString())));
    }

    /**
     * Cancels card orders unpaid for 30 minutes and pickups not collected by their deadline; their stock goes back.
     * An unpaid card order is first cancelled at Stripe: one Stripe says was paid, or is being processed, is kept,
     * and while Stripe cannot be reached it waits for the next run. Emits how many orders were cancelled. Then
     * catches up on refunds an outage or a crash left unasked ({@link Payments#catchUp()}).
     */
    public Mono<Long> cancelLapsed() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return queries.lapsed(now.minus(UNPAID_LIMIT), now)
                .concatMap(moves::read)
                .concatMap(o -> cancel(o, o.status() == OrderStatus.PENDING_PAYMENT ? CancelReason.NOT_PAID_IN_TIME : CancelReason.NOT_COLLECTED,
                        Actor.system())
                        .onErrorResume(OrdersException.class, e -> {
                            log.info("Order {} was not cancelled as lapsed: {}", o.code(), e.getMessage());
                            return Mono.empty();
                        }))
                .count()
                .flatMap(cancelled -> payments.catchUp().onErrorResume(e -> {
                    log.warn("Catching up on card refunds failed; the next run tries again", e);
                    return Mono.just(0L);
                }).thenReturn(cancelled));
    }

    /** Stops the card payment first (nothing can be paid once the stock is back), then cancels; a paid card is refunded. */
    private Mono<Order> cancel(Order order, CancelReason reason, Actor by) {
        return payments.stopCollecting(order)
                .then(moves.move(order.id(), (o, at) -> o.cancel(reason, by, at), by.name()))
                .flatMap(moved -> refund(moved.after()).then(notices.changed(moved.before().status(), moved.after())));
    }

    /** A cancelled order's card payment is refunded; if Stripe cannot be reached now, the lapse job asks again. */
    private Mono<Void> refund(Order cancelled) {
        if (cancelled.paidAt() == null || cancelled.payment() != PaymentMethod.CARD) {
            return Mono.empty();
        }
        return payments.refundCancelled(cancelled.id())
                .onErrorResume(e -> {
                    log.warn("Refunding cancelled order {} failed; the lapse job tries again", cancelled.code(), e);
                    return Mono.empty();
                })
                .then();
    }

    private static OrdersException notFound(OrderId id) {
        return new OrdersException(OrdersErrorCode.NOT_FOUND, "order " + id.value() + " not found");
    }
}
