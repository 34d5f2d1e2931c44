package vn.ocop.orders.lifecycle;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import vn.ocop.orders.Actor;
import vn.ocop.orders.CancelReason;
import vn.ocop.orders.CardDispute;
import vn.ocop.orders.Contact;
import vn.ocop.orders.DeliveryWindow;
import vn.ocop.orders.Destination;
import vn.ocop.orders.Fulfilment;
import vn.ocop.orders.FulfilmentStatus;
import vn.ocop.orders.MoneyTaken;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderEvent;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.PaymentMethod;

/** The order tables: an order with its fulfilments, lines and history, written and read back whole. */
@Repository
public class OrderRows {

    private static final String ORDER_COLUMNS = """
            o.id, o.code, o.account_id, o.status, o.payment_method, o.contact_name, o.contact_phone, o.contact_email,
            o.province_code, o.commune_code, o.street, o.pickup_location_id, o.pickup_code, o.pickup_deadline,
            o.placed_at, o.request_hash, o.paid_at, o.dispute_id, o.dispute_reason, o.dispute_status, o.disputed_at""";

    private final DatabaseClient db;

    OrderRows(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Writes a new order whole in one statement: the order, its fulfilments, its lines and its history, each table
     * one data-modifying part of it (PostgreSQL checks the foreign keys between them at the statement's end). One
     * round trip instead of one per row: a checkout waits on it inside its transaction.
     */
    public Mono<Void> insert(Order o, String idempotencyKey) {
        if (o.fulfilments().isEmpty() || o.history().isEmpty()) {
            return Mono.error(new IllegalArgumentException("a new order has a fulfilment and a first history row"));
        }
        Destination d = o.destination();
        StringBuilder sql = new StringBuilder("""
                with placed as (
                    insert into customer_order (id, code, account_id, status, payment_method, contact_name, contact_phone,
                        contact_email, province_code, commune_code, street, pickup_location_id, pickup_code, pickup_deadline,
                        total_vnd, shipping_vnd, idempotency_key, request_hash, placed_at, updated_at)
                    values (:id, :code, :account, :status, :payment, :name, :phone, :email, :province, :commune, :street,
                        :pickup, :pickupCode, :deadline, :total, :shipping, :key, :hash, :at, :at)),
                parcels as (
                    insert into fulfilment (id, order_id, location_id, producer_id, status, updated_at, shipping_vnd, weight_g,
                        delivery_min_days, delivery_max_days)
                    values\s""");
        List<Fulfilment> fulfilments = o.fulfilments();
        for (int i = 0; i < fulfilments.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:f%1$dId, :id, :f%1$dLocation, :f%1$dProducer, :f%1$dStatus, :at, :f%1$dShipping, :f%1$dWeight, :f%1$dMin, :f%1$dMax)".formatted(i));
        }
        sql.append("),\nlines as (\n    insert into order_line (order_id, line_no, fulfilment_id, product_id, product_name, unit_price_vnd, quantity,"
                + " reserve_movement_id)\n    values ");
        int n = 0;
        for (int i = 0; i < fulfilments.size(); i++) {
            for (int k = 0; k < fulfilments.get(i).lines().size(); k++, n++) {
                sql.append(n == 0 ? "" : ", ").append("(:id, :l%1$dNo, :f%2$dId, :l%1$dProduct, :l%1$dName, :l%1$dPrice, :l%1$dQuantity, :l%1$dMovement)".formatted(n, i));
            }
        }
        sql.append(")\ninsert into order_event (order_id, seq, at, fulfilment_id, kind, actor_kind, actor, reason)\nvalues ");
        for (int i = 0; i < o.history().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id, :e%1$dSeq, :e%1$dAt, :e%1$dFulfilment, :e%1$dKind, :e%1$dActorKind, :e%1$dActor, :e%1$dReason)".formatted(i));
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString())
                .bind("id", o.id().value()).bind("code", o.code()).bind("account", o.account())
                .bind("status", o.status().name()).bind("payment", o.payment().name())
                .bind("name", o.contact().name()).bind("phone", o.contact().phone()).bind("email", o.contact().email())
                .bind("province", Parameter.fromOrEmpty(d.provinceCode(), String.class))
                .bind("commune", Parameter.fromOrEmpty(d.communeCode(), String.class))
                .bind("street", Parameter.fromOrEmpty(d.street(), String.class))
                .bind("pickup", Parameter.fromOrEmpty(d.pickupAt() == null ? null : d.pickupAt().value(), UUID.class))
                .bind("pickupCode", Parameter.fromOrEmpty(o.pickupCode(), String.class))
                .bind("deadline", Parameter.fromOrEmpty(o.pickupDeadline(), OffsetDateTime.class))
                .bind("total", o.total().dong()).bind("shipping", o.shipping().dong())
                .bind("key", idempotencyKey).bind("hash", o.requestHash())
                .bind("at", o.placedAt());
        n = 0;
        for (int i = 0; i < fulfilments.size(); i++) {
            Fulfilment f = fulfilments.get(i);
            String p = "f" + i;
            spec = spec.bind(p + "Id", f.id()).bind(p + "Location", f.location().value())
                    .bind(p + "Producer", f.producer().value()).bind(p + "Status", f.status().name())
                    .bind(p + "Shipping", f.shipping().dong()).bind(p + "Weight", f.weightGrams())
                    .bind(p + "Min", Parameter.fromOrEmpty(f.window() == null ? null : f.window().minDays(), Integer.class))
                    .bind(p + "Max", Parameter.fromOrEmpty(f.window() == null ? null : f.window().maxDays(), Integer.class));
            for (Order.Line l : f.lines()) {
                String q = "l" + n++;
                spec = spec.bind(q + "No", l.number()).bind(q + "Product", l.product().value()).bind(q + "Name", l.name())
                        .bind(q + "Price", l.unitPrice().dong()).bind(q + "Quantity", l.quantity()).bind(q + "Movement", l.reserveMovement());
            }
        }
        for (int i = 0; i < o.history().size(); i++) {
            OrderEvent e = o.history().get(i);
            String p = "e" + i;
            spec = spec.bind(p + "Seq", e.seq()).bind(p + "At", e.at())
                    .bind(p + "Fulfilment", Parameter.fromOrEmpty(e.fulfilment(), UUID.class))
                    .bind(p + "Kind", e.kind().name()).bind(p + "ActorKind", e.by().kind().name()).bind(p + "Actor", e.by().name())
                    .bind(p + "Reason", Parameter.fromOrEmpty(e.reason() == null ? null : e.reason().name(), String.class));
        }
        return spec.then();
    }

    Mono<Void> event(OrderId order, OrderEvent e) {
        return db.sql("""
                        insert into order_event (order_id, seq, at, fulfilment_id, kind, actor_kind, actor, reason, line_no)
                        values (:order, :seq, :at, :fulfilment, :kind, :actorKind, :actor, :reason, :line)""")
                .bind("order", order.value()).bind("seq", e.seq()).bind("at", e.at())
                .bind("fulfilment", Parameter.fromOrEmpty(e.fulfilment(), UUID.class))
                .bind("line", Parameter.fromOrEmpty(e.line(), Integer.class))
                .bind("kind", e.kind().name()).bind("actorKind", e.by().kind().name()).bind("actor", e.by().name())
                .bind("reason", Parameter.fromOrEmpty(e.reason() == null ? null : e.reason().name(), String.class))
                .then();
    }

    public Mono<Order> byKey(UUID account, String idempotencyKey) {
        return one(db.sql("select " + ORDER_COLUMNS + " from customer_order o where o.account_id = :account and o.idempotency_key = :key")
                .bind("account", account).bind("key", idempotencyKey));
    }

    /** The account's newest order delivered to an address (not collected at a showroom), if any. */
    public Mono<Order> lastDelivery(UUID account) {
        return one(db.sql("select " + ORDER_COLUMNS + " from customer_order o where o.account_id = :account and o.province_code is not null"
                + " order by o.placed_at desc limit 1").bind("account", account));
    }

    public Mono<Order> byId(OrderId id) {
        return one(db.sql("select " + ORDER_COLUMNS + " from customer_order o where o.id = :id").bind("id", id.value()));
    }

    /** The order, its row locked until the transaction ends: moves of one order happen one after the other. */
    Mono<Order> locked(OrderId id) {
        return one(db.sql("select " + ORDER_COLUMNS + " from customer_order o where o.id = :id for update").bind("id", id.value()));
    }

    private Mono<Order> one(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map((row, md) -> row(row)).one()
                .flatMap(o -> Mono.zip(fulfilments(o.id()), history(o.id())).map(t -> o.whole(t.getT1(), t.getT2())));
    }

    private Mono<List<Fulfilment>> fulfilments(OrderId order) {
        return db.sql("""
                        select l.line_no, l.product_id, l.product_name, l.unit_price_vnd, l.quantity, l.reserve_movement_id, l.cancel_reason,
                               f.id as fulfilment_id, f.location_id, f.producer_id, f.status, f.shipping_vnd, f.weight_g,
                               f.delivery_min_days, f.delivery_max_days, f.taken_method, f.taken_vnd, f.taken_at, f.taken_by_kind, f.taken_by
                        from order_line l join fulfilment f on f.id = l.fulfilment_id where l.order_id = :order order by l.line_no""")
                .bind("order", order.value())
                .map((r, md) -> new LineRow(fulfilmentOf(r), new Order.Line(r.get("line_no", Integer.class),
                        new ProductId(r.get("product_id", UUID.class)), r.get("product_name", String.class),
                        new Vnd(r.get("unit_price_vnd", Long.class)), r.get("quantity", Integer.class), r.get("reserve_movement_id", UUID.class),
                        CancelReason.read(r.get("cancel_reason", String.class)))))
                .all().collectList()
                .map(OrderRows::grouped);
    }

    private record LineRow(Fulfilment fulfilment, Order.Line line) {
    }

    /** Fulfilments in the order of their first line, each with its lines. */
    private static List<Fulfilment> grouped(List<LineRow> rows) {
        Map<UUID, Fulfilment> first = new LinkedHashMap<>();
        Map<UUID, List<Order.Line>> lines = new LinkedHashMap<>();
        for (LineRow r : rows) {
            first.putIfAbsent(r.fulfilment().id(), r.fulfilment());
            lines.computeIfAbsent(r.fulfilment().id(), k -> new ArrayList<>()).add(r.line());
        }
        return first.values().stream().map(f -> new Fulfilment(f.id(), f.location(), f.producer(), f.status(), lines.get(f.id()),
                f.shipping(), f.weightGrams(), f.window(), f.taken())).toList();
    }

    private static Fulfilment fulfilmentOf(Readable r) {
        Integer min = r.get("delivery_min_days", Integer.class);
        String method = r.get("taken_method", String.class);
        MoneyTaken taken = method == null ? null : new MoneyTaken(MoneyTaken.Method.valueOf(method), new Vnd(r.get("taken_vnd", Long.class)),
                r.get("taken_at", OffsetDateTime.class), new Actor(Actor.Kind.valueOf(r.get("taken_by_kind", String.class)), r.get("taken_by", String.class)));
        return new Fulfilment(r.get("fulfilment_id", UUID.class), new LocationId(r.get("location_id", UUID.class)),
                new ProducerId(r.get("producer_id", UUID.class)), FulfilmentStatus.valueOf(r.get("status", String.class)), List.of(),
                new Vnd(r.get("shipping_vnd", Long.class)), r.get("weight_g", Integer.class),
                min == null ? null : new DeliveryWindow(min, r.get("delivery_max_days", Integer.class)), taken);
    }

    private Mono<List<OrderEvent>> history(OrderId order) {
        return db.sql("select seq, at, fulfilment_id, kind, actor_kind, actor, reason, line_no from order_event where order_id = :order order by seq")
                .bind("order", order.value())
                .map((r, md) -> new OrderEvent(r.get("seq", Integer.class), r.get("at", OffsetDateTime.class), r.get("fulfilment_id", UUID.class),
                        OrderEvent.Kind.valueOf(r.get("kind", String.class)),
                        new Actor(Actor.Kind.valueOf(r.get("actor_kind", String.class)), r.get("actor", String.class)),
                        CancelReason.read(r.get("reason", String.class)), r.get("line_no", Integer.class)))
                .all().collectList();
    }

    /** An order row without its fulfilments and history yet. */
    private record Row(Order order) {
        Order whole(List<Fulfilment> fulfilments, List<OrderEvent> history) {
            Order o = order;
            return new Order(o.id(), o.code(), o.account(), o.status(), o.payment(), o.contact(), o.destination(), o.pickupCode(),
                    o.pickupDeadline(), fulfilments, o.placedAt(), o.requestHash(), o.paidAt(), history, o.dispute());
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
                d, r.get("pickup_code", String.class), r.get("pickup_deadline", OffsetDateTime.class), List.of(),
                r.get("placed_at", OffsetDateTime.class), r.get("request_hash", String.class), r.get("paid_at", OffsetDateTime.class), List.of(),
                dispute(r)));
    }

    private static CardDispute dispute(Readable r) {
        String id = r.get("dispute_id", String.class);
        return id == null ? null : new CardDispute(id, r.get("dispute_reason", String.class), r.get("dispute_status", String.class),
                r.get("disputed_at", OffsetDateTime.class));
    }
}
