package vn.ocop.catalog.stock;

import io.r2dbc.spi.Row;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.locations.LocationRows;

/** Reads of the stock rows, with each product's price and its sale status from {@code sellable_ranking}. */
@Repository
public class StockQueries {

    private static final String LEVELS = """
            select s.location_id, s.product_id, p.name, p.producer_id, p.price_vnd, s.on_hand, s.reserved,
                   stock_available(s.location_id, s.product_id, s.on_hand, s.reserved) as available,
                   (r.product_id is not null) as sellable
            from stock s
            join product p on p.id = s.product_id
            left join sellable_ranking(:today) r on r.product_id = s.product_id
            """;

    private final DatabaseClient db;

    StockQueries(DatabaseClient db) {
        this.db = db;
    }

    /** Where a product can be collected now ({@link PickupStock}), with how many are available at each, most first. */
    Flux<PickupPoint> pickupPoints(ProductId product) {
        return db.sql("select l.id, l.kind, l.name, l.province, l.address, l.latitude, l.longitude, l.opening_hours, l.pickup_allowed, "
                        + "l.producer_id, ps.available from (" + PickupStock.ROWS + ") ps join location l on l.id = ps.location_id "
                        + "where ps.product_id = :product order by ps.available desc, l.name")
                .bind("product", product.value())
                .map((row, md) -> new PickupPoint(LocationRows.of(row), row.get("available", Integer.class)))
                .all();
    }

    public Flux<StockLevel> at(LocationId location, LocalDate today) {
        return db.sql(LEVELS + " where s.location_id = :location order by p.name, s.product_id")
                .bind("today", today)
                .bind("location", location.value())
                .map((row, md) -> level(row))
                .all();
    }

    /** Where a product is kept, every location. */
    public Flux<StockLevel> ofProduct(ProductId product, LocalDate today) {
        return db.sql(LEVELS + " where s.product_id = :product")
                .bind("today", today)
                .bind("product", product.value())
                .map((row, md) -> level(row))
                .all();
    }

    /** A producer's goods wherever they are: its warehouses and every outlet that sells them. */
    public Flux<StockLevel> ofProducer(ProducerId producer, LocalDate today) {
        return db.sql(LEVELS + " where p.producer_id = :producer order by p.name, s.location_id")
                .bind("today", today)
                .bind("producer", producer.value())
                .map((row, md) -> level(row))
                .all();
    }

    /**
     * Stocked products whose price or sale status may have changed since a till's version: written by a
     * transaction the till's snapshot did not see, or with a ranking that started or ended between its day and today.
     */
    public Flux<StockLevel> changedSince(LocationId location, TillVersion since, LocalDate today) {
        return db.sql(LEVELS + """
                         where s.location_id = :location
                           and (s.product_id in (select v.product_id from product_change_version v where v.last_xid >= (:xid::text)::xid8)
                             or s.product_id in (select c.product_id from certification c
                                                 where (c.issued_on > :since and c.issued_on <= :today)
                                                    or (c.valid_until >= :since and c.valid_until < :today)))
                        order by p.name, s.product_id""")
                .bind("today", today)
                .bind("location", location.value())
                .bind("xid", Long.toString(since.xmin()))
                .bind("since", since.day())
                .map((row, md) -> level(row))
                .all();
    }

    /**
     * The recalled lots of products stocked at the location: since the version, those of products changed since it (a
     * recall re-indexes its product in its own transaction, so a recall committed after the version is among them: may
     * repeat, never misses); with no version, every one.
     */
    public Flux<RecalledLot> recalledSince(LocationId location, TillVersion since) {
        var spec = db.sql("""
                        select l.product_id, l.code, l.recalled_at, l.recall_reason from lot l
                        where l.recalled_at is not null
                          and l.product_id in (select s.product_id from stock s where s.location_id = :location)
                          and (cast(:xid as text) is null
                               or l.product_id in (select v.product_id from product_change_version v where v.last_xid >= (:xid::text)::xid8))
                        order by l.recalled_at, l.product_id, l.code""")
                .bind("location", location.value());
        spec = since == null ? spec.bindNull("xid", String.class) : spec.bind("xid", Long.toString(since.xmin()));
        return spec.map((row, md) -> new RecalledLot(new ProductId(row.get("product_id", UUID.class)), row.get("code", String.class),
                        row.get("recalled_at", OffsetDateTime.class), row.get("recall_reason", String.class)))
                .all();
    }

    /**
     * Name, price, sale status today, the most available at one location, the shipping weight and the units available
     * in all ({@link Availability}), of each existing product among {@code ids}.
     */
    public Flux<ProductOffer> offers(Collection<UUID> ids, LocalDate today) {
        return db.sql("""
                        select p.id, p.name, p.producer_id, p.price_vnd, (r.product_id is not null) as sellable,
                               %s as most, %s as available, p.shipping_weight_g
                        from product p left join sellable_ranking(:today) r on r.product_id = p.id
                        where p.id = any(:ids)""".formatted(Availability.MOST_AT_ONE, Availability.AVAILABLE))
                .bind("today", today)
                .bind("ids", ids.toArray(UUID[]::new))
                .map((row, md) -> new ProductOffer(new ProductId(row.get("id", UUID.class)), row.get("name", String.class),
                        new ProducerId(row.get("producer_id", UUID.class)), new Vnd(row.get("price_vnd", Long.class)),
                        Boolean.TRUE.equals(row.get("sellable", Boolean.class)), row.get("most", Integer.class),
                        row.get("shipping_weight_g", Integer.class), row.get("available", Integer.class)))
                .all();
    }

    /** Units set aside at the location and not yet handed over or released, by reference. */
    public Flux<Pickup> pickups(LocationId location) {
        return db.sql("""
                        select m.reference, m.product_id, p.name, sum(m.reserved_delta)::int as quantity
                        from stock_movement m join product p on p.id = m.product_id
                        where m.location_id = :location and m.reference is not null and m.reserved_delta <> 0
                        group by m.reference, m.product_id, p.name
                        having sum(m.reserved_delta) > 0
                        order by m.reference, p.name""")
                .bind("location", location.value())
                .map((row, md) -> new Pickup(row.get("reference", String.class), new ProductId(row.get("product_id", UUID.class)),
                        row.get("name", String.class), row.get("quantity", Integer.class)))
                .all();
    }

    /**
     * The first transaction whose writes this answer may not have seen: the oldest one still running, else
     * the next to start. Our own transaction is not one of them (this answer reads its writes), and when it is
     * the very next one, the one after it is.
     */
    public Mono<Long> snapshotXmin() {
        return db.sql("""
                        select coalesce((select min(x) from pg_snapshot_xip(pg_current_snapshot()) x),
                                        pg_snapshot_xmax(pg_current_snapshot()))::text as xmin,
                               pg_current_xact_id_if_assigned()::text as own""")
                .map((row, md) -> {
                    long xmin = Long.parseLong(row.get("xmin", String.class));
                    String own = row.get("own", String.class);
                    return own != null && Long.parseLong(own) == xmin ? xmin + 1 : xmin;
                })
                .one();
    }

    /** The producer of each product that exists among {@code ids}. */
    public Mono<Map<UUID, UUID>> producersOf(Collection<UUID> ids) {
        return db.sql("select id, producer_id from product where id = any(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map((row, md) -> Map.entry(row.get("id", UUID.class), row.get("producer_id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The producer of each product that exists among {@code ids}, and which of them are on sale on {@code day}. */
    public record ProductsOnDay(Map<UUID, UUID> producers, Set<UUID> sellable) {
    }

    /** {@link #producersOf} and {@link #sellableOn} for one day in one round trip (a till batch's sales are mostly today's). */
    public Mono<ProductsOnDay> productsOn(Collection<UUID> ids, LocalDate day) {
        return db.sql("""
                        select p.id, p.producer_id, (r.product_id is not null) as sellable
                        from product p left join sellable_ranking(:day) r on r.product_id = p.id
                        where p.id = any(:ids)""")
                .bind("day", day)
                .bind("ids", ids.toArray(UUID[]::new))
                .map((row, md) -> new Object[] {row.get("id", UUID.class), row.get("producer_id", UUID.class), row.get("sellable", Boolean.class)})
                .all()
                .collectList()
                .map(rows -> new ProductsOnDay(
                        rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (UUID) r[1])),
                        rows.stream().filter(r -> Boolean.TRUE.equals(r[2])).map(r -> (UUID) r[0]).collect(Collectors.toSet())));
    }

    /** Which of {@code ids} were on sale on {@code day}. */
    public Mono<Set<UUID>> sellableOn(LocalDate day, Collection<UUID> ids) {
        return db.sql("select product_id from sellable_ranking(:day) where product_id = any(:ids)")
                .bind("day", day)
                .bind("ids", ids.toArray(UUID[]::new))
                .map((row, md) -> row.get("product_id", UUID.class))
                .all()
                .collect(Collectors.toSet());
    }

    private static StockLevel level(Row row) {
        return new StockLevel(new LocationId(row.get("location_id", UUID.class)), new ProductId(row.get("product_id", UUID.class)),
                row.get("name", String.class), new ProducerId(row.get("producer_id", UUID.class)),
                new Vnd(row.get("price_vnd", Long.class)), Boolean.TRUE.equals(row.get("sellable", Boolean.class)),
                row.get("on_hand", Integer.class), row.get("reserved", Integer.class), row.get("available", Integer.class));
    }
}
