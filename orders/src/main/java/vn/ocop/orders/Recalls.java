package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.rankings.CouncilScope;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.lots.Recall;
import vn.ocop.catalog.lots.Recall.Holding;
import vn.ocop.orders.lifecycle.Moves;
import vn.ocop.orders.recall.RecallNotices;

/**
 * A lot's recall as it reaches orders: the catalog recalls the lot (off sale everywhere, reservations moved to other
 * lots where they can be), then each order whose reservation could not be moved has the line holding it cancelled
 * (reason RECALLED: its stock goes back, its amount is no longer due and a card order gets it back; its parcel goes
 * when it was the parcel's last open line, the order when nothing else of it is open),
 * and every order that received units of the lot, had its reservation moved or a part cancelled gets a notice on the
 * order and one e-mail. Asking again changes nothing, sends nothing again and answers the same; after a crash between
 * the steps, asking again finishes them.
 */
@Service
public class Recalls {

    private static final Logger log = LoggerFactory.getLogger(Recalls.class);
    private static final String ORDER = "order:";

    private final Lots lots;
    private final Moves moves;
    private final Payments payments;
    private final RecallNotices notices;
    private final Money money;

    Recalls(Lots lots, Moves moves, Payments payments, RecallNotices notices, Money money) {
        this.lots = lots;
        this.moves = moves;
        this.payments = payments;
        this.notices = notices;
        this.money = money;
    }

    /** The producer recalls one of its own lots (anyone else's is NOT_FOUND), with its reason (1 to 500 characters). */
    public Mono<LotRecallOutcome> byProducer(ProducerId producer, LotId lot, String reason, String by) {
        return lots.recallAsProducer(producer, lot, reason, by).flatMap(this::reachOrders);
    }

    /** A council recalls a lot of a product whose producer is in its scope (NOT_FOUND otherwise). */
    public Mono<LotRecallOutcome> byCouncil(CouncilScope scope, LotId lot, String reason, String by) {
        return lots.recallAsCouncil(scope, lot, reason, by).flatMap(this::reachOrders);
    }

    /** The orders a lot's recall reached, each with what it did there (the caller checked the lot is the viewer's to recall). */
    public Flux<RecallNotice> reached(LotId lot) {
        return notices.of(lot);
    }

    /** The recall notices on an order, newest first (the caller checked the order is the viewer's). */
    public Flux<RecallNotice> on(OrderId order) {
        return notices.on(order);
    }

    private Mono<LotRecallOutcome> reachOrders(Recall recall) {
        Map<OrderId, boolean[]> touched = new LinkedHashMap<>();
        recall.received().forEach(h -> order(h).ifPresent(o -> touched.computeIfAbsent(o, k -> new boolean[3])[0] = true));
        recall.swapped().forEach(h -> order(h).ifPresent(o -> touched.computeIfAbsent(o, k -> new boolean[3])[1] = true));
        return Flux.fromIterable(recall.unswapped())
                .concatMap(h -> order(h).map(o -> cancelPart(o, h).doOnNext(cancelled -> touched.computeIfAbsent(o, k -> new boolean[3])[2] |= cancelled))
                        .orElse(Mono.empty()))
                .then(Flux.fromIterable(touched.entrySet())
                        .concatMap(e -> notices.record(e.getKey(), recall, e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                        .then())
                .then(notices.mailPending(recall.lot().id()))
                .then(notices.of(recall.lot().id()).collectList())
                .map(orders -> new LotRecallOutcome(recall, orders));
    }

    /**
     * Cancels the order line holding the recalled units (the whole line: its units of other lots go back too), and
     * answers whether it is cancelled now. A card order gets that line's amount back (and its parcel's shipping fee
     * when the line was the parcel's last), or what it still holds when the whole order ended cancelled.
     */
    private Mono<Boolean> cancelPart(OrderId id, Holding h) {
        return moves.read(id)
                .flatMap(order -> Mono.justOrEmpty(holding(order, h))
                        .flatMap(line -> payments.stopCollecting(order)
                                .then(moves.move(id, (o, at) -> o.cancelLine(line.number(), CancelReason.RECALLED, Actor.system(), at), "recall"))
                                .map(Moves.Moved::after)
                                .flatMap(after -> {
                                    Order.Line now = after.lines().stream().filter(l -> l.number() == line.number()).findFirst().orElseThrow();
                                    boolean cancelled = now.cancelled() == CancelReason.RECALLED || after.status() == OrderStatus.CANCELLED;
                                    return refund(after, now).thenReturn(cancelled);
                                })))
                .onErrorResume(OrdersException.class, e -> {
                    log.warn("Order {} keeps its reservation of a recalled lot: {}", id.value(), e.getMessage());
                    return Mono.just(false);
                })
                .defaultIfEmpty(false);
    }

    /** The line of the order set aside at the holding's location for its product (one per product and location). */
    private static Optional<Order.Line> holding(Order order, Holding h) {
        return order.fulfilments().stream().filter(f -> f.location().equals(h.location()))
                .flatMap(f -> f.lines().stream()).filter(l -> l.product().equals(h.product())).findFirst();
    }

    /**
     * A paid card order gets back what the recall cancelled: the whole order's remainder when it ended cancelled, else
     * the line (and its parcel's shipping fee when the parcel ended cancelled), each keyed by the order and the line or
     * parcel, so asking again (a retried recall, a second lot of the same line) refunds once. The ledger records the
     * part refund first, as a complaint's does. Stripe unreachable now: the refund waits, and the lapse job resends it.
     */
    private Mono<Void> refund(Order after, Order.Line line) {
        if (after.paidAt() == null || after.payment() != PaymentMethod.CARD) {
            return Mono.empty();
        }
        if (after.status() == OrderStatus.CANCELLED) {
            return payments.refundCancelled(after.id()).then().onErrorResume(e -> failed(after, e));
        }
        if (line.cancelled() != CancelReason.RECALLED) {
            return Mono.empty();
        }
        Fulfilment parcel = after.fulfilments().stream().filter(f -> f.lines().contains(line)).findFirst().orElseThrow();
        OffsetDateTime at = after.history().stream().filter(e -> Integer.valueOf(line.number()).equals(e.line())).map(OrderEvent::at)
                .findFirst().orElse(after.placedAt());
        String lineKey = "recall:" + after.id().value() + ":line-" + line.number();
        Mono<Void> lineBack = money.refundedLine(after.id(), parcel.id(), line.product(), line.total(), lineKey, at, "recall")
                .then(payments.refund(after.id(), line.total(), lineKey, "recalled lot"))
                .then();
        boolean shippingBack = parcel.status() == FulfilmentStatus.CANCELLED && parcel.shipping().dong() > 0;
        String parcelKey = "recall:" + after.id().value() + ":shipping-" + parcel.id();
        Mono<Void> shipping = !shippingBack ? Mono.empty()
                : money.refundedShipping(after.id(), parcel.id(), parcel.shipping(), parcelKey, at, "recall")
                        .then(payments.refund(after.id(), parcel.shipping(), parcelKey, "recalled lot: parcel cancelled"))
                        .then();
        return lineBack.then(shipping).onErrorResume(e -> failed(after, e));
    }

    private static Mono<Void> failed(Order order, Throwable e) {
        log.warn("Refunding order {} for a recalled lot failed; asking the recall again, or the lapse job, sends it", order.code(), e);
        return Mono.empty();
    }

    private static Optional<OrderId> order(Holding h) {
        if (h.reference() == null || !h.reference().startsWith(ORDER)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OrderId(UUID.fromString(h.reference().substring(ORDER.length()))));
        } catch (IllegalArgumentException notAnOrder) {
            return Optional.empty();
        }
    }
}
