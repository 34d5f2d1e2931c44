package vn.ocop.orders.lifecycle;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.orders.Fulfilment;
import vn.ocop.orders.FulfilmentStatus;
import vn.ocop.orders.Order;
import vn.ocop.orders.money.OrderMoney;

/**
 * What follows from an order's move, in the move's transaction, exactly once: the stock (a parcel that leaves,
 * shipped or handed over, is fulfilled at its location, its open lines only; a cancelled parcel, or a line cancelled
 * alone, is released; movement ids derive from the order and the line; a parcel COMPLETED counts its open lines as
 * sold, in the units sold shoppers see) and the money (a card payment, cash collected on delivery or at pickup goes
 * into the money ledger under ids derived from the order, the parcel and the kind of event).
 */
@Component
class Effects {

    private final Inventory inventory;
    private final OrderMoney money;

    Effects(Inventory inventory, OrderMoney money) {
        this.inventory = inventory;
        this.money = money;
    }

    Mono<Void> follow(Order before, Order after, String by) {
        return linesCancelled(before, after, by).then(stock(before, after, by)).then(money.record(before, after, by));
    }

    /** A line cancelled alone gives its stock back (under the id a cancelled parcel would use: never twice). */
    private Mono<Void> linesCancelled(Order before, Order after, String by) {
        String reference = "order:" + after.id().value();
        var cancelled = after.linesCancelledSince(before);
        return Flux.fromIterable(after.fulfilments())
                .concatMap(f -> Flux.fromIterable(f.lines())
                        .filter(l -> cancelled.contains(l.number()))
                        .concatMap(l -> inventory.release(Inventory.derivedId(after.id().value(), "release:" + l.number()),
                                f.location(), l.product(), l.quantity(), reference, by)))
                .then();
    }

    private Mono<Void> stock(Order before, Order after, String by) {
        String reference = "order:" + after.id().value();
        return Flux.fromIterable(after.fulfilments())
                .concatMap(f -> {
                    FulfilmentStatus was = before.fulfilment(f.id()).map(Fulfilment::status).orElse(f.status());
                    if (was == f.status()) {
                        return Mono.empty();
                    }
                    boolean leaves = f.status() == FulfilmentStatus.SHIPPED || (f.status() == FulfilmentStatus.COMPLETED && was == FulfilmentStatus.READY_FOR_PICKUP);
                    Mono<Void> sold = f.status() != FulfilmentStatus.COMPLETED ? Mono.empty()
                            : Flux.fromIterable(f.openLines()).concatMap(l -> inventory.countSold(Inventory.derivedId(after.id().value(), "sold:" + l.number()),
                                    l.product(), l.quantity())).then();
                    if (leaves) {
                        return Flux.fromIterable(f.openLines()).concatMap(l -> inventory.fulfil(Inventory.derivedId(after.id().value(), "fulfil:" + l.number()),
                                f.location(), l.product(), l.quantity(), reference, by)).then(sold);
                    }
                    if (f.status() == FulfilmentStatus.CANCELLED) {
                        return Flux.fromIterable(f.openLines()).concatMap(l -> inventory.release(Inventory.derivedId(after.id().value(), "release:" + l.number()),
                                f.location(), l.product(), l.quantity(), reference, by)).then();
                    }
                    return sold;
                })
                .then();
    }
}
