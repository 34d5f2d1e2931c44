package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.lifecycle.Moves;
import vn.ocop.orders.lifecycle.OrderQueries;

/**
 * A producer's part of orders: its parcels, each as {@link ProducerFulfilment} (its own lines, address, money to
 * collect), and their moves: confirm (a pickup is then ready at the outlet), ship (its goods leave the
 * location), delivered (with the cash collected on delivery). Someone else's parcel is NOT_FOUND; a wrong state
 * is INVALID_STATE and changes nothing.
 */
@Service
public class Fulfilments {

    private final Moves moves;
    private final OrderQueries queries;
    private final OrderViews views;
    private final OrderNotices notices;

    Fulfilments(Moves moves, OrderQueries queries, OrderViews views, OrderNotices notices) {
        this.moves = moves;
        this.queries = queries;
        this.views = views;
        this.notices = notices;
    }

    /** The producer's parcels, newest order first. */
    public Flux<ProducerFulfilment> ofProducer(ProducerId producer) {
        return queries.ofProducer(producer)
                .concatMap(part -> moves.read(part.order()).flatMap(o -> views.forProducer(o, o.fulfilment(part.fulfilment()).orElseThrow())));
    }

    public Mono<ProducerFulfilment> of(ProducerId producer, UUID fulfilment) {
        return own(producer, fulfilment).flatMap(order -> moves.read(order)).flatMap(o -> views.forProducer(o, o.fulfilment(fulfilment).orElseThrow()));
    }

    /** The producer has the goods: a delivery is to be shipped, a pickup is ready at the outlet. */
    public Mono<ProducerFulfilment> confirm(ProducerId producer, UUID fulfilment, String by) {
        Actor actor = Actor.producer(by);
        return move(producer, fulfilment, (o, at) -> o.pickup() ? o.markReadyForPickup(fulfilment, actor, at) : o.confirm(fulfilment, actor, at), by);
    }

    public Mono<ProducerFulfilment> ship(ProducerId producer, UUID fulfilment, String by) {
        return move(producer, fulfilment, (o, at) -> o.ship(fulfilment, Actor.producer(by), at), by);
    }

    /** Delivered; for cash on delivery {@code collected} is what the courier took (exactly the parcel's due). */
    public Mono<ProducerFulfilment> delivered(ProducerId producer, UUID fulfilment, Vnd collected, String by) {
        return move(producer, fulfilment, (o, at) -> o.deliver(fulfilment, collected, Actor.producer(by), at), by);
    }

    private Mono<ProducerFulfilment> move(ProducerId producer, UUID fulfilment, java.util.function.BiFunction<Order, OffsetDateTime, Order> step, String by) {
        return own(producer, fulfilment)
                .flatMap(order -> moves.move(order, step, by))
                .flatMap(moved -> notices.changed(moved.before().status(), moved.after()))
                .flatMap(o -> views.forProducer(o, o.fulfilment(fulfilment).orElseThrow()));
    }

    private Mono<OrderId> own(ProducerId producer, UUID fulfilment) {
        return queries.orderOf(producer, fulfilment)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "fulfilment " + fulfilment + " not found")));
    }
}
