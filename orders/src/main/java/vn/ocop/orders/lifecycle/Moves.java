package vn.ocop.orders.lifecycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Inventory;
import vn.ocop.orders.Fulfilment;
import vn.ocop.orders.FulfilmentStatus;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * Moves an order, in one transaction: its row is locked, the aggregate makes the move (or refuses it, and
 * nothing is written), what changed is written, and the stock moves with it exactly once: a parcel that leaves
 * (shipped, or handed over) is fulfilled at its location, a cancelled one is released. Movement ids derive from
 * the order and the line, so a retried move never moves stock twice.
 */
@Service
public class Moves {

    private final OrderRows rows;
    private final OrderWrites writes;
    private final Inventory inventory;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Moves(OrderRows rows, OrderWrites writes, Inventory inventory, TransactionalOperator transactions, Clock clock) {
        this.rows = rows;
        this.writes = writes;
        this.inventory = inventory;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The order before and after a move. */
    public record Moved(Order before, Order after) {
    }

    /** The order as it stands (not locked). */
    public Mono<Order> read(OrderId id) {
        return rows.byId(id);
    }

    public Mono<Moved> move(OrderId id, BiFunction<Order, OffsetDateTime, Order> step, String by) {
        return transactions.transactional(rows.locked(id)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "order " + id.value() + " not found")))
                .flatMap(before -> {
                    OffsetDateTime at = OffsetDateTime.now(clock);
                    Order after = step.apply(before, at);
                    if (after == before) {
                        return Mono.just(new Moved(before, before));
                    }
                    return writes.write(before, after, at)
                            .then(stock(before, after, by))
                            .then(rows.byId(id))
                            .map(written -> new Moved(before, written));
                }));
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
                    if (leaves) {
                        return Flux.fromIterable(f.lines()).concatMap(l -> inventory.fulfil(Inventory.derivedId(after.id().value(), "fulfil:" + l.number()),
                                f.location(), l.product(), l.quantity(), reference, by)).then();
                    }
                    if (f.status() == FulfilmentStatus.CANCELLED) {
                        return Flux.fromIterable(f.lines()).concatMap(l -> inventory.release(Inventory.derivedId(after.id().value(), "release:" + l.number()),
                                f.location(), l.product(), l.quantity(), reference, by)).then();
                    }
                    return Mono.empty();
                })
                .then();
    }
}
