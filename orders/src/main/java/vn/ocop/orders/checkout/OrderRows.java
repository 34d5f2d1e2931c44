package vn.ocop.orders.checkout;

import io.r2dbc.spi.Readable;
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
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Contact;
import vn.ocop.orders.Destination;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.PaymentMethod;

/** The order tables: an order with its fulfilments and lines, written and read back whole. */
@Repository
public class OrderRows {

    private static final String ORDER_COLUMNS = """
            o.id, o.code, o.account_id, o.status, o.payment_method, o.contact_name, o.contact_phone, o.contact_email,
            o.province_code, o.commune_code, o.street, o.pickup_location_id, o.pickup_code, o.pickup_deadline, o.total_vnd,
            o.placed_at, o.request_hash""";

    private final DatabaseClient db;

    OrderRows(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Order o, String idempotencyKey) {
        Destination d = o.destination();
        return db.sql("""
                        insert into customer_order (id, code, account_id, status, payment_method, contact_name, contact_phone,
                            contact_email, province_code, commune_code, street, pickup_location_id, pickup_code, pickup_deadline,
                            total_vnd, idempotency_key, request_hash, placed_at, updated_at)
                        values (:id, :code, :account, :status, :payment, :name, :phone, :email, :province, :commune, :street,
                            :pickup, :pickupCode, :deadline, :total, :key, :hash, :at, :at)""")
                .bind("id", o.id().value()).bind("code", o.code()).bind("account", o.account())
                .bind("status", o.status().name()).bind("payment", o.payment().name())
                .bind("name", o.contact().name()).bind("phone", o.contact().phone()).bind("email", o.contact().email())
                .bind("province", Parameter.fromOrEmpty(d.provinceCode(), String.class))
                .bind("commune", Parameter.fromOrEmpty(d.communeCode(), String.class))
                .bind("street", Parameter.fromOrEmpty(d.street(), String.class))
                .bind("pickup", Parameter.fromOrEmpty(d.pickupAt() == null ? null : d.pickupAt().value(), UUID.class))
                .bind("pickupCode", Parameter.fromOrEmpty(o.pickupCode(), String.class))
                .bind("deadline", Parameter.fromOrEmpty(o.pickupDeadline(), OffsetDateTime.class))
                .bind("total", o.total().dong()).bind("key", idempotencyKey).bind("hash", o.requestHash())
                .bind("at", o.placedAt())
                .then()
                .thenMany(Flux.fromIterable(o.lines()).map(Order.Line::fulfilment).distinct()
                        .concatMap(f -> fulfilment(o, f)))
                .thenMany(Flux.fromIterable(o.lines()).concatMap(l -> line(o.id(), l)))
                .then();
    }

    private Mono<Void> fulfilment(Order o, UUID fulfilment) {
        Order.Line first = o.lines().stream().filter(l -> l.fulfilment().equals(fulfilment)).findFirst().orElseThrow();
        return db.sql("insert into fulfilment (id, order_id, location_id, producer_id, status, updated_at) values (:id, :order, :location, :producer, :status, :at)")
                .bind("id", fulfilment).bind("order", o.id().value()).bind("location", first.location().value())
                .bind("producer", first.producer().value())
                .bind("status", o.status() == OrderStatus.PENDING_PAYMENT ? "PLACED" : o.status().name())
                .bind("at", o.placedAt())
                .then();
    }

    private Mono<Void> line(OrderId order, Order.Line l) {
        return db.sql("""
                        insert into order_line (order_id, line_no, fulfilment_id, product_id, product_name, unit_price_vnd, quantity, reserve_movement_id)
                        values (:order, :no, :fulfilment, :product, :name, :price, :quantity, :movement)""")
                .bind("order", order.value()).bind("no", l.number()).bind("fulfilment", l.fulfilment())
                .bind("product", l.product().value()).bind("name", l.name()).bind("price", l.unitPrice().dong())
                .bind("quantity", l.quantity()).bind("movement", l.reserveMovement())
                .then();
    }

    public Mono<Order> byKey(UUID account, String idempotencyKey) {
        return one(db.sql("select " + ORDER_COLUMNS + " from customer_order o where o.account_id = :account and o.idempotency_key = :key")
                .bind("account", account).bind("key", idempotencyKey));
    }

    public Mono<Order> byId(OrderId id) {
        return one(db.sql("select " + ORDER_COLUMNS + " from customer_order o where o.id = :id").bind("id", id.value()));
    }

    private Mono<Order> one(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map((row, md) -> row(row)).one()
                .flatMap(o -> lines(o.id()).map(o::withLines));
    }

    private Mono<List<Order.Line>> lines(OrderId order) {
        return db.sql("""
                        select l.line_no, l.product_id, l.product_name, l.unit_price_vnd, l.quantity, f.location_id, f.producer_id,
                               l.fulfilment_id, f.status as fulfilment_status, l.reserve_movement_id
                        from order_line l join fulfilment f on f.id = l.fulfilment_id where l.order_id = :order order by l.line_no""")
                .bind("order", order.value())
                .map((r, md) -> new Order.Line(r.get("line_no", Integer.class), new ProductId(r.get("product_id", UUID.class)),
                        r.get("product_name", String.class), new Vnd(r.get("unit_price_vnd", Long.class)), r.get("quantity", Integer.class),
                        new LocationId(r.get("location_id", UUID.class)), new ProducerId(r.get("producer_id", UUID.class)),
                        r.get("fulfilment_id", UUID.class), OrderStatus.valueOf(r.get("fulfilment_status", String.class)),
                        r.get("reserve_movement_id", UUID.class)))
                .all().collectList();
    }

    /** An order row without its lines yet. */
    record Row(Order order) {
        Order withLines(List<Order.Line> lines) {
            return new Order(order.id(), order.code(), order.account(), order.status(), order.payment(), order.contact(),
                    order.destination(), order.pickupCode(), order.pickupDeadline(), order.total(), lines, order.placedAt(), order.requestHash());
        }

        OrderId id() {
            return order.id();
        }
    }

    private static Row row(Readable r) {
        UUID pickup = r.get("pickup_location_id", UUID.class);
        Destination d = new Destination(r.get("province_code", String.class), r.get("commune_code", String.class),
                r.get("street", String.class), pickup == null ? null : new LocationId(pickup));
        return new Row(new Order(new OrderId(r.get("id", UUID.class)), r.get("code", String.class), r.get("account_id", UUID.class),
                OrderStatus.valueOf(r.get("status", String.class)), PaymentMethod.valueOf(r.get("payment_method", String.class)),
                new Contact(r.get("contact_name", String.class), r.get("contact_phone", String.class), r.get("contact_email", String.class)),
                d, r.get("pickup_code", String.class), r.get("pickup_deadline", OffsetDateTime.class), new Vnd(r.get("total_vnd", Long.class)),
                List.of(), r.get("placed_at", OffsetDateTime.class), r.get("request_hash", String.class)));
    }
}
