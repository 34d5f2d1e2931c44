package vn.ocop.orders.lifecycle;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.orders.Fulfilment;
import vn.ocop.orders.FulfilmentStep;
import vn.ocop.orders.MoneyTaken;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderEvent;
import vn.ocop.orders.OrderStep;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * Writes what a move changed: the order's and each fulfilment's new state, each as one UPDATE guarded by the
 * states its step may leave ({@link OrderStep#from()}, {@link FulfilmentStep#from()}: the same sets the aggregate
 * checked), the lines cancelled alone, the money taken, and the new history rows.
 */
@Repository
class OrderWrites {

    private final DatabaseClient db;
    private final OrderRows rows;

    OrderWrites(DatabaseClient db, OrderRows rows) {
        this.db = db;
        this.rows = rows;
    }

    Mono<Void> write(Order before, Order after, OffsetDateTime at) {
        var cancelled = after.linesCancelledSince(before);
        return order(before, after, at)
                .thenMany(Flux.fromIterable(after.fulfilments())
                        .filter(f -> before.fulfilment(f.id()).map(b -> b.status() != f.status()).orElse(false))
                        .concatMap(f -> fulfilment(before.fulfilment(f.id()).orElseThrow(), f, at)))
                .thenMany(Flux.fromIterable(after.lines()).filter(l -> cancelled.contains(l.number())).concatMap(l -> line(after, l, at)))
                .thenMany(Flux.fromIterable(after.history().subList(before.history().size(), after.history().size()))
                        .concatMap(e -> rows.event(after.id(), e)))
                .then();
    }

    private Mono<Void> order(Order before, Order after, OffsetDateTime at) {
        if (before.status() == after.status() && Objects.equals(before.paidAt(), after.paidAt())) {
            return Mono.empty();
        }
        String[] from = before.status() == after.status() ? new String[] {before.status().name()}
                : OrderStep.between(before.status(), after.status()).fromNames();
        OrderEvent cancelled = after.cancellation().filter(e -> before.cancellation().isEmpty()).orElse(null);
        return guarded(db.sql("""
                        update customer_order set status = :to, paid_at = :paid, updated_at = :at,
                            cancel_reason = coalesce(:reason, cancel_reason), cancelled_by_kind = coalesce(:byKind, cancelled_by_kind),
                            cancelled_by = coalesce(:by, cancelled_by)
                        where id = :id and status = any(:from)""")
                .bind("to", after.status().name())
                .bind("paid", Parameter.fromOrEmpty(after.paidAt(), OffsetDateTime.class))
                .bind("at", at)
                .bind("reason", Parameter.fromOrEmpty(cancelled == null ? null : cancelled.reason().name(), String.class))
                .bind("byKind", Parameter.fromOrEmpty(cancelled == null ? null : cancelled.by().kind().name(), String.class))
                .bind("by", Parameter.fromOrEmpty(cancelled == null ? null : cancelled.by().name(), String.class))
                .bind("id", after.id().value())
                .bind("from", from), "order " + after.code());
    }

    private Mono<Void> fulfilment(Fulfilment before, Fulfilment after, OffsetDateTime at) {
        FulfilmentStep step = FulfilmentStep.between(before.status(), after.status());
        MoneyTaken taken = after.taken() != null && before.taken() == null ? after.taken() : null;
        return guarded(db.sql("""
                        update fulfilment set status = :to, updated_at = :at,
                            taken_method = coalesce(:method, taken_method), taken_vnd = coalesce(:amount, taken_vnd),
                            taken_at = coalesce(:takenAt, taken_at), taken_by_kind = coalesce(:byKind, taken_by_kind),
                            taken_by = coalesce(:by, taken_by)
                        where id = :id and status = any(:from)""")
                .bind("to", after.status().name()).bind("at", at)
                .bind("method", Parameter.fromOrEmpty(taken == null ? null : taken.method().name(), String.class))
                .bind("amount", Parameter.fromOrEmpty(taken == null ? null : taken.amount().dong(), Long.class))
                .bind("takenAt", Parameter.fromOrEmpty(taken == null ? null : taken.at(), OffsetDateTime.class))
                .bind("byKind", Parameter.fromOrEmpty(taken == null ? null : taken.by().kind().name(), String.class))
                .bind("by", Parameter.fromOrEmpty(taken == null ? null : taken.by().name(), String.class))
                .bind("id", after.id())
                .bind("from", step.fromNames()), "fulfilment " + after.id());
    }

    private Mono<Void> line(Order order, Order.Line line, OffsetDateTime at) {
        return guarded(db.sql("""
                        update order_line set cancel_reason = :reason, cancelled_at = :at
                        where order_id = :order and line_no = :line and cancel_reason is null""")
                .bind("reason", line.cancelled().name()).bind("at", at)
                .bind("order", order.id().value()).bind("line", line.number()), "line " + line.number() + " of order " + order.code());
    }

    /** The row was locked and checked, so a guard that matches nothing means the states and the code disagree. */
    private static Mono<Void> guarded(DatabaseClient.GenericExecuteSpec update, String what) {
        return update.fetch().rowsUpdated().flatMap(n -> n == 1 ? Mono.<Void>empty()
                : Mono.error(new OrdersException(OrdersErrorCode.INVALID_STATE, what + " changed meanwhile: try again")));
    }
}
