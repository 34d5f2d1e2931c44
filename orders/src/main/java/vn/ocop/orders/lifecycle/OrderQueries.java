package vn.ocop.orders.lifecycle;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.OrderStep;

/** Which orders a reader may see: a shopper's, a producer's parcels, a location's pickups, the lapsed. */
@Repository
public class OrderQueries {

    private final DatabaseClient db;

    OrderQueries(DatabaseClient db) {
        this.db = db;
    }

    public Flux<OrderId> mine(UUID account) {
        return ids(db.sql("select id from customer_order where account_id = :account order by placed_at desc limit 100").bind("account", account));
    }

    /** A parcel and the order it belongs to. */
    public record Part(OrderId order, UUID fulfilment) {
    }

    /** The producer's parcels, newest order first (at most 100). */
    public Flux<Part> ofProducer(ProducerId producer) {
        return db.sql("""
                        select f.order_id, f.id from fulfilment f join customer_order o on o.id = f.order_id
                        where f.producer_id = :producer order by o.placed_at desc, f.id limit 100""")
                .bind("producer", producer.value())
                .map((row, md) -> new Part(new OrderId(row.get("order_id", UUID.class)), row.get("id", UUID.class))).all();
    }

    /** The order of the producer's parcel; empty when the parcel is someone else's. */
    public Mono<OrderId> orderOf(ProducerId producer, UUID fulfilment) {
        return db.sql("select order_id from fulfilment where id = :id and producer_id = :producer")
                .bind("id", fulfilment).bind("producer", producer.value())
                .map((row, md) -> new OrderId(row.get("order_id", UUID.class))).one();
    }

    /** The order of a parcel handed over at that location; empty for another location's. */
    public Mono<OrderId> orderAt(LocationId location, UUID fulfilment) {
        return db.sql("""
                        select f.order_id from fulfilment f join customer_order o on o.id = f.order_id
                        where f.id = :id and o.pickup_location_id = :location""")
                .bind("id", fulfilment).bind("location", location.value())
                .map((row, md) -> new OrderId(row.get("order_id", UUID.class))).one();
    }

    /** The order whose pickup code this is, at that location. */
    public Mono<OrderId> byPickupCode(LocationId location, String code) {
        return db.sql("select id from customer_order where pickup_location_id = :location and pickup_code = :code")
                .bind("location", location.value()).bind("code", code)
                .map((row, md) -> new OrderId(row.get("id", UUID.class))).one();
    }

    /** Orders waiting to be collected at a location, soonest deadline first. */
    public Flux<OrderId> pickupsAt(LocationId location) {
        return ids(db.sql("select id from customer_order where pickup_location_id = :location and status = any(:waiting) order by pickup_deadline")
                .bind("location", location.value()).bind("waiting", OrderStep.names(OrderStatus.awaitingCollection())));
    }

    /** Card orders still unpaid since before {@code unpaidBefore}, and pickups past their deadline. */
    public Flux<OrderId> lapsed(OffsetDateTime unpaidBefore, OffsetDateTime now) {
        return ids(db.sql("""
                        select id from customer_order
                        where (status = :unpaid and placed_at < :unpaidBefore)
                           or (pickup_code is not null and status = any(:waiting) and pickup_deadline < :now)""")
                .bind("unpaid", OrderStatus.PENDING_PAYMENT.name())
                .bind("waiting", OrderStep.names(OrderStatus.awaitingCollection()))
                .bind("unpaidBefore", unpaidBefore).bind("now", now));
    }

    private static Flux<OrderId> ids(DatabaseClient.GenericExecuteSpec query) {
        return query.map((row, md) -> new OrderId(row.get(0, UUID.class))).all();
    }
}
