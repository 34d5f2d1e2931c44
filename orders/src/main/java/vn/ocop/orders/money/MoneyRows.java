package vn.ocop.orders.money;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Holder;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.MoneyKind;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.SalesChannel;

/**
 * The money_event table: rows appended once each ({@code on conflict do nothing}), read per producer. Appending
 * takes a shared advisory lock per producer for its transaction; a payout takes the same lock exclusively while it
 * checks what is owed, so no sale or refund is recorded for that producer in between.
 */
@Repository
public class MoneyRows {

    private static final String COLUMNS = """
            id, kind, producer_id, order_id, fulfilment_id, movement_id, channel, location_id, ocop_group, goods_vnd, shipping_vnd,
            amount_vnd, holder, holder_location_id, priced_on, occurred_at, reference, source""";
    /**
     * The events, with the shared lock of each of their producers taken first, in one statement (a transaction of its
     * own outside the caller's): the locks are an aggregate the rows are joined to, so every lock is held before the
     * first row is written, and until the statement's transaction ends.
     */
    private static final String INSERT = """
            with locked as (
                select count(pg_advisory_xact_lock_shared(hashtextextended('money:' || p::text, 0))) as producers
                from unnest(:lockedProducers::uuid[]) as x(p))
            insert into money_event (%s, recorded_by)
            select e.id, e.kind, e.producer, nullif(e.ord, '')::uuid, nullif(e.fulfilment, '')::uuid, nullif(e.movement, '')::uuid,
                   nullif(e.channel, ''), nullif(e.location, '')::uuid, nullif(e.grp, ''), e.goods, e.shipping, e.amount, e.holder,
                   nullif(e.holder_location, '')::uuid, e.priced_on, e.occurred_at, nullif(e.reference, ''), nullif(e.source, ''), :by
            from unnest(:ids::uuid[], :kinds::text[], :producers::uuid[], :orders::text[], :fulfilments::text[], :movements::text[],
                        :channels::text[], :locations::text[], :groups::text[], :goods::bigint[], :shippings::bigint[], :amounts::bigint[],
                        :holders::text[], :holderLocations::text[], :pricedOns::date[], :occurredAts::timestamptz[], :references::text[],
                        :sources::text[])
                 as e(id, kind, producer, ord, fulfilment, movement, channel, location, grp, goods, shipping, amount, holder,
                      holder_location, priced_on, occurred_at, reference, source)
            cross join locked
            order by e.id
            on conflict (id) do nothing""".formatted(COLUMNS);
    /**
     * A card refund gives back what each parcel's card payment still holds (less the part refunds already given: a recalled
     * line, a complaint): the same rows, priced on the same day, ids derived from the refund.
     */
    private static final String MIRROR_CARD_REFUND = """
            insert into money_event (%s, recorded_by)
            select md5('CARD_REFUNDED:' || :refund || ':' || e.id::text)::uuid, 'CARD_REFUNDED', e.producer_id, e.order_id, e.fulfilment_id,
                   null, e.channel, e.location_id, e.ocop_group, e.goods_vnd - r.goods, e.shipping_vnd - r.shipping, e.amount_vnd - r.amount,
                   e.holder, e.holder_location_id, e.priced_on, :at, e.reference, :refund, :by
            from money_event e
            cross join lateral (select coalesce(sum(x.goods_vnd), 0) as goods, coalesce(sum(x.shipping_vnd), 0) as shipping,
                                       coalesce(sum(x.amount_vnd), 0) as amount
                                from money_event x
                                where x.order_id = e.order_id and x.fulfilment_id = e.fulfilment_id and x.ocop_group = e.ocop_group
                                  and x.kind = 'CARD_REFUNDED') r
            where e.order_id = :order and e.kind = 'CARD_PAID' and e.amount_vnd - r.amount > 0
            order by e.id
            on conflict (id) do nothing""".formatted(COLUMNS);

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    MoneyRows(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /**
     * Appends the events (joining the caller's transaction, if any) under their producers' shared locks, in one statement;
     * answers how many were new.
     */
    public Mono<Long> append(List<MoneyEvent> events, String by) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        return insert(events, by);
    }

    /** Records a card refund of the order (all its parcels' card payments) under the Stripe refund's id; once per refund. */
    public Mono<Long> mirrorCardRefund(OrderId order, String refundId, OffsetDateTime at, String by) {
        return transactions.transactional(producersOf(order).collectList()
                .flatMap(producers -> lock(producers, "pg_advisory_xact_lock_shared"))
                .then(db.sql(MIRROR_CARD_REFUND).bind("refund", refundId).bind("at", at).bind("by", by).bind("order", order.value())
                        .fetch().rowsUpdated()));
    }

    /** Takes the producer's lock exclusively until the caller's transaction ends: nothing is appended for it meanwhile. */
    public Mono<Void> lockExclusively(ProducerId producer) {
        return lock(List.of(producer.value()), "pg_advisory_xact_lock");
    }

    /** The producer's events that happened before {@code until}, in the order they happened. */
    public Flux<MoneyEvent> ofProducer(ProducerId producer, OffsetDateTime until) {
        return db.sql("select " + COLUMNS + " from money_event where producer_id = :producer and occurred_at < :until order by occurred_at, seq")
                .bind("producer", producer.value())
                .bind("until", until)
                .map((row, md) -> event(row))
                .all();
    }

    public Mono<MoneyEvent> byId(UUID id) {
        return db.sql("select " + COLUMNS + " from money_event where id = :id").bind("id", id).map((row, md) -> event(row)).one();
    }

    /** The sale (card, cash on delivery or at pickup) of that parcel's goods of that group, if one was recorded. */
    public Mono<MoneyEvent> sale(OrderId order, UUID fulfilment, vn.ocop.catalog.OcopGroup group) {
        return db.sql("select " + COLUMNS + " from money_event where order_id = :order and fulfilment_id = :fulfilment and ocop_group = :group"
                        + " and kind in ('CARD_PAID', 'COD_COLLECTED', 'PICKUP_PAID') order by seq limit 1")
                .bind("order", order.value()).bind("fulfilment", fulfilment).bind("group", group.name())
                .map((row, md) -> event(row)).one();
    }

    /** The sale of that parcel that carries its shipping fee (on its first group's row), if one was recorded. */
    public Mono<MoneyEvent> shippingSale(OrderId order, UUID fulfilment) {
        return db.sql("select " + COLUMNS + " from money_event where order_id = :order and fulfilment_id = :fulfilment and shipping_vnd > 0"
                        + " and kind in ('CARD_PAID', 'COD_COLLECTED', 'PICKUP_PAID') order by seq limit 1")
                .bind("order", order.value()).bind("fulfilment", fulfilment)
                .map((row, md) -> event(row)).one();
    }

    /** What was given back from that sale so far (refunds of the same parcel and group). */
    public Mono<Long> refunded(MoneyEvent sale) {
        return db.sql("select coalesce(sum(amount_vnd), 0) as refunded from money_event where order_id = :order and fulfilment_id = :fulfilment"
                        + " and ocop_group = :group and kind in ('CARD_REFUNDED', 'REFUND')")
                .bind("order", sale.order().value()).bind("fulfilment", sale.fulfilment()).bind("group", sale.group().name())
                .map((row, md) -> ((Number) row.get("refunded")).longValue()).one();
    }

    /** Every producer the ledger has an event for. */
    public Flux<ProducerId> producers() {
        return db.sql("select distinct producer_id from money_event")
                .map((row, md) -> new ProducerId(row.get("producer_id", UUID.class)))
                .all();
    }

    private Flux<UUID> producersOf(OrderId order) {
        return db.sql("select distinct producer_id from money_event where order_id = :order and kind = 'CARD_PAID' order by producer_id")
                .bind("order", order.value())
                .map((row, md) -> row.get("producer_id", UUID.class))
                .all();
    }

    private Mono<Void> lock(List<UUID> producers, String function) {
        if (producers.isEmpty()) {
            return Mono.empty();
        }
        // one row per producer, in id order; the row's value is never read (the functions return void)
        return db.sql("select " + function + "(hashtextextended('money:' || p::text, 0)) from unnest(:producers::uuid[]) as x(p)")
                .bind("producers", producers.stream().sorted().toArray(UUID[]::new))
                .map((row, md) -> Boolean.TRUE)
                .all()
                .then();
    }

    private Mono<Long> insert(List<MoneyEvent> events, String by) {
        List<MoneyEvent> sorted = events.stream().sorted(Comparator.comparing(MoneyEvent::id)).toList();
        return db.sql(INSERT)
                .bind("lockedProducers", sorted.stream().map(e -> e.producer().value()).distinct().sorted().toArray(UUID[]::new))
                .bind("by", by)
                .bind("ids", sorted.stream().map(MoneyEvent::id).toArray(UUID[]::new))
                .bind("kinds", sorted.stream().map(e -> e.kind().name()).toArray(String[]::new))
                .bind("producers", sorted.stream().map(e -> e.producer().value()).toArray(UUID[]::new))
                .bind("orders", texts(sorted, e -> e.order() == null ? null : e.order().value()))
                .bind("fulfilments", texts(sorted, MoneyEvent::fulfilment))
                .bind("movements", texts(sorted, MoneyEvent::movement))
                .bind("channels", texts(sorted, MoneyEvent::channel))
                .bind("locations", texts(sorted, e -> e.location() == null ? null : e.location().value()))
                .bind("groups", texts(sorted, MoneyEvent::group))
                .bind("goods", sorted.stream().map(e -> e.goods().dong()).toArray(Long[]::new))
                .bind("shippings", sorted.stream().map(e -> e.shipping().dong()).toArray(Long[]::new))
                .bind("amounts", sorted.stream().map(e -> e.amount().dong()).toArray(Long[]::new))
                .bind("holders", sorted.stream().map(e -> e.holder().kind().name()).toArray(String[]::new))
                .bind("holderLocations", texts(sorted, e -> e.holder().location() == null ? null : e.holder().location().value()))
                .bind("pricedOns", sorted.stream().map(MoneyEvent::pricedOn).toArray(LocalDate[]::new))
                .bind("occurredAts", sorted.stream().map(MoneyEvent::occurredAt).toArray(OffsetDateTime[]::new))
                .bind("references", texts(sorted, MoneyEvent::reference))
                .bind("sources", texts(sorted, MoneyEvent::source))
                .fetch().rowsUpdated();
    }

    /** Nullable columns travel as text, '' for none (the statement turns '' back into null). */
    private static String[] texts(List<MoneyEvent> events, java.util.function.Function<MoneyEvent, Object> column) {
        return events.stream().map(column).map(v -> v == null ? "" : v.toString()).toArray(String[]::new);
    }

    static MoneyEvent event(Readable row) {
        UUID order = row.get("order_id", UUID.class);
        UUID location = row.get("location_id", UUID.class);
        UUID holderLocation = row.get("holder_location_id", UUID.class);
        String channel = row.get("channel", String.class);
        String group = row.get("ocop_group", String.class);
        Holder.Kind holder = Holder.Kind.valueOf(row.get("holder", String.class));
        return new MoneyEvent(row.get("id", UUID.class), MoneyKind.valueOf(row.get("kind", String.class)),
                new ProducerId(row.get("producer_id", UUID.class)), order == null ? null : new OrderId(order),
                row.get("fulfilment_id", UUID.class), row.get("movement_id", UUID.class),
                channel == null ? null : SalesChannel.valueOf(channel), location == null ? null : new LocationId(location),
                group == null ? null : OcopGroup.valueOf(group), new Vnd(row.get("goods_vnd", Long.class)),
                new Vnd(row.get("shipping_vnd", Long.class)), new Vnd(row.get("amount_vnd", Long.class)),
                holder == Holder.Kind.SHOWROOM ? Holder.showroom(new LocationId(holderLocation)) : new Holder(holder, null),
                row.get("priced_on", LocalDate.class), row.get("occurred_at", OffsetDateTime.class), row.get("reference", String.class),
                row.get("source", String.class));
    }
}
