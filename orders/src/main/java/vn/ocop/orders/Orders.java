package vn.ocop.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.orders.checkout.OrderChanges;
import vn.ocop.orders.checkout.OrderRows;

/**
 * What happens to an order after checkout. Shoppers see and cancel their own (before shipping); producers
 * confirm, ship and complete their own fulfilments; staff hand pickups over against their code. Every change
 * is one conditional update on the state it leaves, and stock moves with it exactly once (release on cancel,
 * FULFIL on shipping or handover), so a retried request changes nothing more.
 */
@Service
public class Orders {

    static final List<OrderStatus> CANCELLABLE = java.util.Arrays.stream(OrderStatus.values()).filter(OrderStatus::cancellable).toList();
    static final Duration UNPAID_LIMIT = Duration.ofMinutes(30);

    private final OrderRows rows;
    private final OrderChanges changes;
    private final Inventory inventory;
    private final TransactionalOperator transactions;
    private final Payments payments;
    private final OrderNotices notices;
    private final Clock clock;

    Orders(OrderRows rows, OrderChanges changes, Inventory inventory, TransactionalOperator transactions, Payments payments,
           OrderNotices notices, Clock clock) {
        this.rows = rows;
        this.changes = changes;
        this.inventory = inventory;
        this.transactions = transactions;
        this.payments = payments;
        this.notices = notices;
        this.clock = clock;
    }

    public Flux<Order> mine(UUID account) {
        return changes.mine(account).concatMap(rows::byId);
    }

    /** The shopper's own order; anyone else's is NOT_FOUND. */
    public Mono<Order> mine(UUID account, OrderId id) {
        return rows.byId(id).filter(o -> o.account().equals(account)).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /** Cancels before shipping; the stock goes back. Cancelling a cancelled order changes nothing. */
    public Mono<Order> cancel(UUID account, OrderId id) {
        return mine(account, id).flatMap(o -> o.status() == OrderStatus.CANCELLED ? Mono.just(o) : cancel(o, "cancelled by the shopper", account.toString()));
    }

    public Flux<Order> ofProducer(ProducerId producer) {
        return changes.ofProducer(producer).concatMap(rows::byId);
    }

    /** The producer confirms its part: a delivery is then to be shipped, a pickup is ready to collect. */
    public Mono<Order> confirm(ProducerId producer, UUID fulfilment) {
        return own(producer, fulfilment).flatMap(o -> step(producer, fulfilment, List.of("PLACED"),
                o.destination().isPickup() ? "READY_FOR_PICKUP" : "CONFIRMED", o));
    }

    /** The producer ships its confirmed part of a delivery; its goods leave the location (FULFIL). */
    public Mono<Order> ship(ProducerId producer, UUID fulfilment) {
        return own(producer, fulfilment)
                .filter(o -> !o.destination().isPickup())
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.INVALID_STATE, "a pickup is handed over, not shipped")))
                .flatMap(o -> transactions.transactional(changes.fulfilment(producer, fulfilment, List.of("CONFIRMED"), "SHIPPED", now())
                        .switchIfEmpty(Mono.error(() -> refused(o, "ship")))
                        .flatMap(id -> fulfil(o, fulfilment, producer.toString()))
                        .then(settle(o.id())))
                        .flatMap(now -> notices.changed(o.status(), now)));
    }

    /** The courier delivered the producer's shipped part. */
    public Mono<Order> delivered(ProducerId producer, UUID fulfilment) {
        return own(producer, fulfilment).flatMap(o -> step(producer, fulfilment, List.of("SHIPPED"), "COMPLETED", o));
    }

    public Flux<Order> pickupsAt(LocationId location) {
        return changes.pickupsAt(location).concatMap(rows::byId);
    }

    /** Staff hand a pickup over against its code: its goods leave the location (FULFIL) and the order is complete. */
    public Mono<Order> handOver(LocationId location, String code, String by) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return changes.byPickupCode(location, normalised)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "no order to collect here with code " + normalised)))
                .flatMap(rows::byId)
                .flatMap(o -> transactions.transactional(changes.order(o.id(), List.of(OrderStatus.PLACED, OrderStatus.CONFIRMED,
                                OrderStatus.READY_FOR_PICKUP), OrderStatus.COMPLETED, null, now())
                        .filter(moved -> moved)
                        .switchIfEmpty(Mono.error(() -> refused(o, "hand over")))
                        .then(changes.allFulfilments(o.id(), List.of("PLACED", "CONFIRMED", "READY_FOR_PICKUP"), "COMPLETED", now()))
                        .then(fulfil(o, null, by))
                        .then(rows.byId(o.id())))
                        .flatMap(now -> notices.changed(o.status(), now)));
    }

    /** Cancels card orders unpaid for 30 minutes and pickups not collected by their deadline; their stock goes back. */
    public Mono<Long> cancelLapsed() {
        OffsetDateTime now = now();
        return changes.lapsed(now.minus(UNPAID_LIMIT), now)
                .concatMap(rows::byId)
                .concatMap(o -> cancel(o, o.status() == OrderStatus.PENDING_PAYMENT ? "not paid within 30 minutes" : "not collected by the deadline", "system"))
                .count();
    }

    Mono<Order> cancel(Order o, String reason, String by) {
        return transactions.transactional(changes.order(o.id(), CANCELLABLE, OrderStatus.CANCELLED, reason, now())
                .filter(moved -> moved)
                .switchIfEmpty(Mono.error(() -> refused(o, "cancel")))
                .then(changes.allFulfilments(o.id(), List.of("PLACED", "CONFIRMED", "READY_FOR_PICKUP"), "CANCELLED", now()))
                .thenMany(Flux.fromIterable(o.lines()).concatMap(l -> inventory.release(Inventory.derivedId(o.id().value(), "release:" + l.number()),
                        l.location(), l.product(), l.quantity(), "order:" + o.id().value(), by)))
                .then(rows.byId(o.id())))
                .flatMap(cancelled -> payments.refundIfPaid(cancelled.id()).thenReturn(cancelled))
                .flatMap(cancelled -> notices.changed(o.status(), cancelled));
    }

    private Mono<Order> step(ProducerId producer, UUID fulfilment, List<String> from, String to, Order o) {
        return transactions.transactional(changes.fulfilment(producer, fulfilment, from, to, now())
                .switchIfEmpty(Mono.error(() -> refused(o, to.toLowerCase())))
                .then(settle(o.id())))
                .flatMap(now -> notices.changed(o.status(), now));
    }

    /** The order's status follows its fulfilments once they all agree. */
    private Mono<Order> settle(OrderId id) {
        return changes.fulfilmentStates(id).collectList().flatMap(states -> {
            String common = states.stream().distinct().count() == 1 ? states.get(0) : null;
            if (common == null || common.equals("PLACED")) {
                return rows.byId(id);
            }
            return changes.order(id, List.of(OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.READY_FOR_PICKUP, OrderStatus.SHIPPED),
                    OrderStatus.valueOf(common), null, now()).then(rows.byId(id));
        });
    }

    private Mono<Void> fulfil(Order o, UUID fulfilment, String by) {
        return Flux.fromIterable(o.lines())
                .filter(l -> fulfilment == null || l.fulfilment().equals(fulfilment))
                .concatMap(l -> inventory.fulfil(Inventory.derivedId(o.id().value(), "fulfil:" + l.number()), l.location(), l.product(),
                        l.quantity(), "order:" + o.id().value(), by))
                .then();
    }

    private Mono<Order> own(ProducerId producer, UUID fulfilment) {
        return changes.orderOf(producer, fulfilment).flatMap(rows::byId).switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "fulfilment " + fulfilment + " not found")));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static OrdersException notFound(OrderId id) {
        return new OrdersException(OrdersErrorCode.NOT_FOUND, "order " + id.value() + " not found");
    }

    private static OrdersException refused(Order o, String what) {
        return new OrdersException(OrdersErrorCode.INVALID_STATE, "cannot " + what + " an order that is " + o.status());
    }
}
