package vn.ocop.orders.complaint;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.CheckedImage;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Complaint;
import vn.ocop.orders.Complaint.Entry;
import vn.ocop.orders.ComplaintId;
import vn.ocop.orders.ComplaintReason;
import vn.ocop.orders.ComplaintStatus;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.RefundVia;

/**
 * Complaints in PostgreSQL. A new one is written with its first step and photos in one transaction (a second on the
 * same line is ALREADY_COMPLAINED); a change is one update guarded by the version it was read at, with its new
 * steps, so the same move made twice at once is written once and the other is INVALID_STATE.
 */
@Component
public class ComplaintRows {

    private static final String COLUMNS = "id, order_id, account_id, fulfilment_id, producer_id, line_no, product_id, product_name, quantity, "
            + "line_total_vnd, reason, status, via, holder_location, offer_vnd, offer_return_to, refund_vnd, return_to, card_refund_id, "
            + "paid_back_at, opened_at, version";

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    ComplaintRows(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    public Mono<Complaint> insert(Complaint c, List<CheckedImage> photos) {
        var insert = db.sql("insert into complaint (" + COLUMNS + ", updated_at) values (:id, :order, :account, :fulfilment, :producer, :line, "
                        + ":product, :name, :quantity, :total, :reason, :status, :via, :holder, null, null, null, null, null, null, :at, 0, :at)")
                .bind("id", c.id().value()).bind("order", c.order().value()).bind("account", c.account()).bind("fulfilment", c.fulfilment())
                .bind("producer", c.producer().value()).bind("line", c.line()).bind("product", c.product().value()).bind("name", c.productName())
                .bind("quantity", c.quantity()).bind("total", c.lineTotal().dong()).bind("reason", c.reason().name())
                .bind("status", c.status().name()).bind("via", c.via().name()).bind("at", c.openedAt());
        insert = c.holder() == null ? insert.bindNull("holder", UUID.class) : insert.bind("holder", c.holder().value());
        Mono<Void> written = insert.then()
                .then(entries(c.id(), c.thread()))
                .then(Flux.range(0, photos.size()).concatMap(i -> db.sql("insert into complaint_photo (complaint_id, position, content_type, bytes) "
                                + "values (:id, :position, :type, :bytes)")
                        .bind("id", c.id().value()).bind("position", i + 1).bind("type", photos.get(i).contentType())
                        .bind("bytes", java.nio.ByteBuffer.wrap(photos.get(i).bytes())).then()).then());
        return transactions.transactional(written)
                .onErrorMap(DuplicateKeyException.class, e -> new OrdersException(OrdersErrorCode.ALREADY_COMPLAINED,
                        "this order line already has a complaint: follow it on its page"))
                .then(byId(c.id()));
    }

    /** Writes the move from {@code before} to {@code after}: INVALID_STATE when someone else changed it meanwhile. */
    public Mono<Complaint> update(Complaint before, Complaint after) {
        var update = db.sql("update complaint set status = :status, offer_vnd = :offer, offer_return_to = :offerTo, refund_vnd = :refund, "
                        + "return_to = :returnTo, paid_back_at = :paidBack, updated_at = :at, version = version + 1 "
                        + "where id = :id and version = :version")
                .bind("id", before.id().value()).bind("version", before.version()).bind("status", after.status().name()).bind("at", after.updatedAt());
        update = nullable(update, "offer", after.offer() == null ? null : after.offer().dong(), Long.class);
        update = nullable(update, "offerTo", after.offerReturnTo() == null ? null : after.offerReturnTo().value(), UUID.class);
        update = nullable(update, "refund", after.refund() == null ? null : after.refund().dong(), Long.class);
        update = nullable(update, "returnTo", after.returnTo() == null ? null : after.returnTo().value(), UUID.class);
        update = nullable(update, "paidBack", after.paidBackAt(), OffsetDateTime.class);
        Mono<Void> written = update.fetch().rowsUpdated().flatMap(n -> n == 1 ? Mono.<Void>empty()
                        : Mono.error(new OrdersException(OrdersErrorCode.INVALID_STATE, "this complaint was changed meanwhile: reload it")))
                .then(entries(after.id(), after.thread().subList(before.thread().size(), after.thread().size())));
        return transactions.transactional(written).then(byId(after.id()));
    }

    /** Records the card refund made for it (once). */
    public Mono<Void> cardRefund(ComplaintId id, UUID refund) {
        return db.sql("update complaint set card_refund_id = :refund where id = :id and card_refund_id is null")
                .bind("id", id.value()).bind("refund", refund).then();
    }

    /** Records, once, since when a refund that is not by card is owed by who holds the money. */
    public Mono<Void> owed(ComplaintId id, OffsetDateTime at) {
        return db.sql("update complaint set refund_owed_at = :at where id = :id and refund_owed_at is null").bind("id", id.value()).bind("at", at).then();
    }

    public Mono<Complaint> byId(ComplaintId id) {
        return db.sql("select " + COLUMNS + " from complaint where id = :id").bind("id", id.value()).map(ComplaintRows::complaint).one()
                .flatMap(this::withThread);
    }

    public Flux<Complaint> ofAccount(UUID account) {
        return many(db.sql("select " + COLUMNS + " from complaint where account_id = :a order by opened_at desc limit 200").bind("a", account));
    }

    public Flux<Complaint> ofOrder(OrderId order) {
        return many(db.sql("select " + COLUMNS + " from complaint where order_id = :o order by line_no").bind("o", order.value()));
    }

    public Flux<Complaint> ofProducer(ProducerId producer) {
        return many(db.sql("select " + COLUMNS + " from complaint where producer_id = :p order by opened_at desc limit 200").bind("p", producer.value()));
    }

    /** Disputed and escalated complaints, longest waiting first. */
    public Flux<Complaint> forAdmin() {
        return many(db.sql("select " + COLUMNS + " from complaint where status in ('DISPUTED', 'ESCALATED') order by updated_at limit 200"));
    }

    public Mono<CheckedImage> photo(ComplaintId id, int position) {
        return db.sql("select content_type, bytes from complaint_photo where complaint_id = :id and position = :p")
                .bind("id", id.value()).bind("p", position)
                .map((row, md) -> {
                    java.nio.ByteBuffer buffer = row.get("bytes", java.nio.ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return new CheckedImage(row.get("content_type", String.class), bytes);
                }).one();
    }

    public Mono<Integer> photoCount(ComplaintId id) {
        return db.sql("select count(*) as n from complaint_photo where complaint_id = :id").bind("id", id.value())
                .map((row, md) -> row.get("n", Long.class).intValue()).one();
    }

    private Flux<Complaint> many(DatabaseClient.GenericExecuteSpec select) {
        return select.map(ComplaintRows::complaint).all().concatMap(this::withThread);
    }

    private Mono<Complaint> withThread(Complaint c) {
        return db.sql("select seq, at, kind, party, by_name, body, amount_vnd, return_to from complaint_entry where complaint_id = :id order by seq")
                .bind("id", c.id().value())
                .map((row, md) -> new Entry(row.get("seq", Integer.class), row.get("at", OffsetDateTime.class),
                        Entry.Kind.valueOf(row.get("kind", String.class)), Complaint.Party.valueOf(row.get("party", String.class)),
                        row.get("by_name", String.class), row.get("body", String.class), vnd(row, "amount_vnd"), location(row, "return_to")))
                .all().collectList()
                .map(thread -> new Complaint(c.id(), c.order(), c.account(), c.fulfilment(), c.producer(), c.line(), c.product(), c.productName(),
                        c.quantity(), c.lineTotal(), c.reason(), c.status(), c.via(), c.holder(), c.offer(), c.offerReturnTo(), c.refund(),
                        c.returnTo(), c.cardRefund(), c.paidBackAt(), c.openedAt(), c.version(), thread));
    }

    private Mono<Void> entries(ComplaintId id, List<Entry> added) {
        return Flux.fromIterable(added).concatMap(e -> {
            var insert = db.sql("insert into complaint_entry (complaint_id, seq, at, kind, party, by_name, body, amount_vnd, return_to) "
                            + "values (:id, :seq, :at, :kind, :party, :by, :body, :amount, :returnTo)")
                    .bind("id", id.value()).bind("seq", e.seq()).bind("at", e.at()).bind("kind", e.kind().name())
                    .bind("party", e.party().name()).bind("by", e.by());
            insert = nullable(insert, "body", e.text(), String.class);
            insert = nullable(insert, "amount", e.amount() == null ? null : e.amount().dong(), Long.class);
            insert = nullable(insert, "returnTo", e.returnTo() == null ? null : e.returnTo().value(), UUID.class);
            return insert.then();
        }).then();
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Complaint complaint(Readable row) {
        return new Complaint(new ComplaintId(row.get("id", UUID.class)), new OrderId(row.get("order_id", UUID.class)), row.get("account_id", UUID.class),
                row.get("fulfilment_id", UUID.class), new ProducerId(row.get("producer_id", UUID.class)), row.get("line_no", Integer.class),
                new ProductId(row.get("product_id", UUID.class)), row.get("product_name", String.class), row.get("quantity", Integer.class),
                new Vnd(row.get("line_total_vnd", Long.class)), ComplaintReason.valueOf(row.get("reason", String.class)),
                ComplaintStatus.valueOf(row.get("status", String.class)), RefundVia.valueOf(row.get("via", String.class)),
                location(row, "holder_location"), vnd(row, "offer_vnd"), location(row, "offer_return_to"), vnd(row, "refund_vnd"),
                location(row, "return_to"), row.get("card_refund_id", UUID.class), row.get("paid_back_at", OffsetDateTime.class),
                row.get("opened_at", OffsetDateTime.class), row.get("version", Integer.class), List.of());
    }

    private static Vnd vnd(Readable row, String column) {
        Long v = row.get(column, Long.class);
        return v == null ? null : new Vnd(v);
    }

    private static LocationId location(Readable row, String column) {
        UUID v = row.get(column, UUID.class);
        return v == null ? null : new LocationId(v);
    }
}
