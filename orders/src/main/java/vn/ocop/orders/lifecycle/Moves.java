package vn.ocop.orders.lifecycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * Moves an order, in one transaction: its row is locked, the aggregate makes the move (or refuses it, and
 * nothing is written), what changed is written, and the stock and the money move with it exactly once
 * ({@link Effects}): a parcel that leaves (shipped, or handed over) is fulfilled at its location, a cancelled one is
 * released; a card payment, cash on delivery or at pickup goes into the money ledger. Stock movement and ledger ids
 * derive from the order, so a retried move never moves stock or records money twice.
 */
@Service
public class Moves {

    private final OrderRows rows;
    private final OrderWrites writes;
    private final Effects effects;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Moves(OrderRows rows, OrderWrites writes, Effects effects, TransactionalOperator transactions, Clock clock) {
        this.rows = rows;
        this.writes = writes;
        this.effects = effects;
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
                            .then(effects.follow(before, after, by))
                            .then(rows.byId(id))
                            .map(written -> new Moved(before, written));
                }));
    }
}
