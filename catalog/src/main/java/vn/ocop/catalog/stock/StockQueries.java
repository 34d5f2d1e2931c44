package vn.ocop.catalog.stock;

import io.r2dbc.spi.Row;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
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
                   %s as available,
                   (r.product_id is not null) as sellable
            from stock s
            join product p on p.id = s.product_id
            left join sellable_ranking(:today) r on r.product_id = s.product_id
            """.formatted(StockRow.available("s"));

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

    /**
     * {@link #offers} of each existing product among {@code ids}, each with its stock rows ({@link #ofProduct}), in one
     * statement: a checkout read them in two. The offer's most at one location and available in all are the same
     * {@link Availability} figures, summed here over the rows read with it.
     */
    public Flux<StockedOffer> stockedOffers(Collection<UUID> ids, LocalDate today) {
        return db.sql("""
                        with o as (
                            select p.id, p.name, p.producer_id, p.price_vnd, (r.product_id is not null) as sellable, p.shipping_weight_g
                            from product p left join sellable_ranking(:today) r on r.product_id = p.id
                            where p.id = any(:ids)),
                        l as (
                            select o.*, s.location_id, s.on_hand, s.reserved,
                                   case when s.location_id is not null then %s end as level_available
                            from o left join stock s on s.product_id = o.id)
                        select l.*, greatest(0, coalesce(max(l.level_available) over w, 0)) as most,
                               coalesce(sum(l.level_available) over w, 0)::int as available
                        from l
                        window w as (partition by l.id)
                        order by l.id, l.location_id""".formatted(StockRow.available("s")))
                .bind("today", today)
                .bind("ids", ids.toArray(UUID[]::new))
                .map((row, md) -> {
                    ProductOffer offer = new ProductOffer(new ProductId(row.get("id", UUID.class)), row.get("name", String.class),
                            new ProducerId(row.get("producer_id", UUID.class)), new Vnd(row.get("price_vnd", Long.class)),
                            Boolean.TRUE.equals(row.get("sellable", Boolean.class)), row.get("most", Integer.class),
                            row.get("shipping_weight_g", Integer.class), row.get("available", Integer.class));
                    UUID location = row.get("location_id", UUID.class);
                    return new StockedOffer(offer, location == null ? List.of() : List.of(new StockLevel(new LocationId(location), offer.product(),
                            offer.name(), offer.producer(), offer.price(), offer.sellable(), row.get("on_hand", Integer.class),
                            row.get("reserved", Integer.class), row.get("level_available", Integer.class))));
                })
                .all()
                // one row per stock row: the product's rows come together (ordered by product)
                .bufferUntilChanged(o -> o.offer().product())
                .map(rows -> new StockedOffer(rows.get(0).offer(), rows.stream().flatMap(r -> r.levels().stream()).toList()));
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
