package vn.ocop.orders;

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
 * lots where they can be), then each order whose reservation could not be moved has the part holding it cancelled
 * (reason RECALLED: its stock goes back, its amount is no longer due; a card order is cancelled whole and refunded),
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

    Recalls(Lots lots, Moves moves, Payments payments, RecallNotices notices) {
        this.lots = lots;
        this.moves = moves;
        this.payments = payments;
        this.notices = notices;
    }

    /** The producer recalls one of its own lots (anyone else's is NOT_FOUND), with its reason (1 to 500 characters). */
    public Mono<LotRecallOutcome> byProducer(ProducerId producer, LotId lot, String reason, String by) {
        return lots.recallAsProducer(producer, lot, reason, by).flatMap(this::reachOrders);
    }

    /** A council recalls a lot of a product whose producer is in its scope (NOT_FOUND otherwise). */
    public Mono<LotRecallOutcome> byCouncil(CouncilScope scope, LotId lot, String reason, String by) {
        return lots.recallAsCouncil(scope, lot, reason, by).flatMap(this::reachOrders);
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

    /** Cancels the part of the order holding the recalled units; answers whether that part is cancelled now. */
    private Mono<Boolean> cancelPart(OrderId id, Holding h) {
        return moves.read(id)
                .flatMap(order -> Mono.justOrEmpty(order.fulfilments().stream()
                                .filter(f -> f.location().equals(h.location()) && f.status() != FulfilmentStatus.CANCELLED
                                        && f.lines().stream().anyMatch(l -> l.product().equals(h.product())))
                                .findFirst())
                        .flatMap(f -> payments.stopCollecting(order)
                                .then(moves.move(id, (o, at) -> o.cancelParcel(f.id(), CancelReason.RECALLED, Actor.system(), at), "recall"))
                                .flatMap(moved -> refund(moved.after()).thenReturn(moved.after().fulfilment(f.id())
                                        .map(after -> after.status() == FulfilmentStatus.CANCELLED).orElse(false)))))
                .onErrorResume(OrdersException.class, e -> {
                    log.warn("Order {} keeps its reservation of a recalled lot: {}", id.value(), e.getMessage());
                    return Mono.just(false);
                })
                .defaultIfEmpty(false);
    }

    /** A card order cancelled whole is refunded; if Stripe cannot be reached now, the lapse job asks again. */
    private Mono<Void> refund(Order after) {
        if (after.status() != OrderStatus.CANCELLED || after.paidAt() == null || after.payment() != PaymentMethod.CARD) {
            return Mono.empty();
        }
        return payments.refundCancelled(after.id())
                .onErrorResume(e -> {
                    log.warn("Refunding order {} cancelled by a recall failed; the lapse job tries again", after.code(), e);
                    return Mono.empty();
                })
                .then();
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
