package vn.ocop.orders.checkout;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderStatus;

/** State changes of orders and fulfilments, each one conditional UPDATE on the state it leaves. */
@Repository
public class OrderChanges {

    private final DatabaseClient db;

    OrderChanges(DatabaseClient db) {
        this.db = db;
    }

    /** Moves the order from one of {@code from} to {@code to}; false when it was in none of them. */
    public Mono<Boolean> order(OrderId id, List<OrderStatus> from, OrderStatus to, String reason, OffsetDateTime at) {
        return db.sql("""
                        update customer_order set status = :to, updated_at = :at, cancel_reason = coalesce(:reason, cancel_reason)
                        where id = :id and status = any(:from)""")
                .bind("to", to.name()).bind("at", at).bind("id", id.value())
                .bind("reason", Parameter.fromOrEmpty(reason, String.class))
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new))
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Moves every fulfilment of the order that is in one of {@code from}. */
    public Mono<Long> allFulfilments(OrderId id, List<String> from, String to, OffsetDateTime at) {
        return db.sql("update fulfilment set status = :to, updated_at = :at where order_id = :id and status = any(:from)")
                .bind("to", to).bind("at", at).bind("id", id.value()).bind("from", from.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    /** Moves one fulfilment of that producer; answers its order when it moved. */
    public Mono<OrderId> fulfilment(ProducerId producer, UUID fulfilment, List<String> from, String to, OffsetDateTime at) {
        return db.sql("""
                        update fulfilment set status = :to, updated_at = :at
                        where id = :id and producer_id = :producer and status = any(:from) returning order_id""")
                .bind("to", to).bind("at", at).bind("id", fulfilment).bind("producer", producer.value())
                .bind("from", from.toArray(String[]::new))
                .map((row, md) -> new OrderId(row.get("order_id", UUID.class))).one();
    }

    /** The order of the producer's fulfilment; empty when the fulfilment is someone else's. */
    public Mono<OrderId> orderOf(ProducerId producer, UUID fulfilment) {
        return db.sql("select order_id from fulfilment where id = :id and producer_id = :producer")
                .bind("id", fulfilment).bind("producer", producer.value())
                .map((row, md) -> new OrderId(row.get("order_id", UUID.class))).one();
    }

    /** The statuses of the order's fulfilments. */
    public Flux<String> fulfilmentStates(OrderId id) {
        return db.sql("select status from fulfilment where order_id = :id").bind("id", id.value())
                .map((row, md) -> row.get("status", String.class)).all();
    }

    /** The order whose pickup code this is, at that location. */
    public Mono<OrderId> byPickupCode(LocationId location, String code) {
        return db.sql("select id from customer_order where pickup_location_id = :location and pickup_code = :code")
                .bind("location", location.value()).bind("code", code)
                .map((row, md) -> new OrderId(row.get("id", UUID.class))).one();
    }

    public Flux<OrderId> mine(UUID account) {
        return db.sql("select id from customer_order where account_id = :account order by placed_at desc limit 100")
                .bind("account", account).map((row, md) -> new OrderId(row.get("id", UUID.class))).all();
    }

    /** Orders of the producer (those with a fulfilment of its own), newest first. */
    public Flux<OrderId> ofProducer(ProducerId producer) {
        return db.sql("""
                        select o.id from customer_order o where exists (select 1 from fulfilment f where f.order_id = o.id and f.producer_id = :producer)
                        order by o.placed_at desc limit 100""")
                .bind("producer", producer.value()).map((row, md) -> new OrderId(row.get("id", UUID.class))).all();
    }

    /** Orders waiting to be collected at a location, oldest first. */
    public Flux<OrderId> pickupsAt(LocationId location) {
        return db.sql("""
                        select id from customer_order where pickup_location_id = :location and status in ('PLACED', 'CONFIRMED', 'READY_FOR_PICKUP')
                        order by pickup_deadline""")
                .bind("location", location.value()).map((row, md) -> new OrderId(row.get("id", UUID.class))).all();
    }

    /** Card orders still unpaid since before {@code before}, and pickups past their deadline. */
    public Flux<OrderId> lapsed(OffsetDateTime unpaidBefore, OffsetDateTime now) {
        return db.sql("""
                        select id from customer_order
                        where (status = 'PENDING_PAYMENT' and placed_at < :unpaidBefore)
                           or (pickup_code is not null and status in ('PLACED', 'CONFIRMED', 'READY_FOR_PICKUP') and pickup_deadline < :now)""")
                .bind("unpaidBefore", unpaidBefore).bind("now", now)
                .map((row, md) -> new OrderId(row.get("id", UUID.class))).all();
    }
}
