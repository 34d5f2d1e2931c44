package vn.ocop.catalog.listings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.ProductStock;
import vn.ocop.catalog.Stars;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.stock.Availability;
import vn.ocop.catalog.stock.PickupStock;

/** What shoppers see, always through the one SQL definition of sellable ({@code sellable_ranking}). */
@Repository
class ProductListings {

    private static final String SELLABLE = """
            select p.id, p.name, pr.name as producer_name, pr.province, pr.former_province, p.ocop_group,
                   s.stars, p.price_vnd, p.sales_unit, p.demo_price, s.valid_until,
                   %2$s as available, %3$s as units_sold, p.producer_id,
                   coalesce(r.stars_total, 0) as rating_total, coalesce(r.review_count, 0) as rating_count
            from product p
            join sellable_ranking(:today) s on s.product_id = p.id
            join producer pr on pr.id = p.producer_id
            left join product_rating r on r.product_id = p.id
            where (cast(:grp as text) is null or p.ocop_group = :grp)
              and (cast(:province as text) is null or lower(pr.province) = lower(:province) or lower(pr.former_province) = lower(:province))
              and (cast(:at as uuid) is null or p.id in (select product_id from (%1$s) pickup where location_id = :at))
              and (cast(:stars as int) is null or s.stars = :stars)
              and (cast(:min_price as bigint) is null or p.price_vnd >= :min_price)
              and (cast(:max_price as bigint) is null or p.price_vnd <= :max_price)
              and (not :in_stock or %4$s)
            """.formatted(PickupStock.ROWS, Availability.AVAILABLE, Availability.UNITS_SOLD, Availability.IN_STOCK);

    private final DatabaseClient db;

    ProductListings(DatabaseClient db) {
        this.db = db;
    }

    public Flux<ProductCard> sellable(LocalDate today, ProductQuery query) {
        return filtered(SELLABLE + " order by s.stars desc, p.name, p.id offset :offset limit :limit", today, query)
                .bind("offset", query.offset())
                .bind("limit", query.limit())
                .map((row, md) -> card(row))
                .all();
    }

    private static ProductCard card(io.r2dbc.spi.Readable row) {
        return new ProductCard(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("producer_name", String.class),
                row.get("province", String.class),
                row.get("former_province", String.class),
                OcopGroup.valueOf(row.get("ocop_group", String.class)),
                new Stars(row.get("stars", Integer.class)),
                new Vnd(row.get("price_vnd", Long.class)),
                row.get("sales_unit", String.class),
                Boolean.TRUE.equals(row.get("demo_price", Boolean.class)),
                row.get("valid_until", LocalDate.class),
                new ProductStock(row.get("available", Integer.class), row.get("units_sold", Long.class)),
                new ProducerId(row.get("producer_id", UUID.class)),
                rating(row));
    }

    private static Rating rating(io.r2dbc.spi.Readable row) {
        return new Rating(row.get("rating_total", Long.class), row.get("rating_count", Integer.class));
    }

    /** The producer's products on sale today, most stars first, then by name. */
    public Flux<ProductCard> sellableOf(LocalDate today, ProducerId producer) {
        ProductQuery all = ProductQuery.page(0, 1);
        return filtered(SELLABLE.replace("where (cast(:grp", "where p.producer_id = :producer and (cast(:grp")
                        + " order by s.stars desc, p.name, p.id", today, all)
                .bind("producer", producer.value())
                .map((row, md) -> card(row))
                .all();
    }

    /** Those of {@code ids} that are on sale today, in no particular order. */
    public Flux<ProductCard> sellable(LocalDate today, java.util.Collection<ProductId> ids) {
        return sellable(today, ids, ProductQuery.page(0, 1));
    }

    /** Those of {@code ids} that are on sale today and pass {@code filters} (its paging unused), in no particular order. */
    public Flux<ProductCard> sellable(LocalDate today, java.util.Collection<ProductId> ids, ProductQuery filters) {
        return filtered(SELLABLE.replace("where (cast(:grp", "where p.id = any(:ids) and (cast(:grp"), today, filters)
                .bind("ids", ids.stream().map(ProductId::value).toArray(UUID[]::new))
                .map((row, md) -> card(row))
                .all();
    }

    public Mono<Long> countSellable(LocalDate today, ProductQuery query) {
        return filtered("select count(*) as n from (" + SELLABLE + ") sellable", today, query)
                .map((row, md) -> row.get("n", Long.class))
                .one();
    }

    /** The stock and units sold of each existing product among {@code ids}, by the one definition ({@link Availability}). */
    public Mono<java.util.Map<ProductId, ProductStock>> stock(java.util.Collection<ProductId> ids) {
        return db.sql("select p.id, %s as available, %s as units_sold from product p where p.id = any(:ids)"
                        .formatted(Availability.AVAILABLE, Availability.UNITS_SOLD))
                .bind("ids", ids.stream().map(ProductId::value).distinct().toArray(UUID[]::new))
                .map((row, md) -> java.util.Map.entry(new ProductId(row.get("id", UUID.class)),
                        new ProductStock(row.get("available", Integer.class), row.get("units_sold", Long.class))))
                .all()
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
    }

    /** The product and the ranking that puts it on sale today; empty when it is not on sale. */
    public Mono<SellableRow> sellableProduct(ProductId id, LocalDate today) {
        return db.sql("select " + ProductRow.COLUMNS + ", s.certification_id,"
                        + " coalesce(r.stars_total, 0) as rating_total, coalesce(r.review_count, 0) as rating_count from product p"
                        + " join sellable_ranking(:today) s on s.product_id = p.id"
                        + " join producer pr on pr.id = p.producer_id left join product_rating r on r.product_id = p.id where p.id = :id")
                .bind("today", today)
                .bind("id", id.value())
                .map((row, md) -> new SellableRow(ProductRow.of(row), new CertificationId(row.get("certification_id", UUID.class)), rating(row)))
                .one();
    }

    /** Provinces that have something on sale today, current names first then former ones, for the browse filter. */
    public Mono<List<String>> provincesOnSale(LocalDate today) {
        return db.sql("""
                        select distinct name from (
                          select pr.province as name from product p join sellable_ranking(:today) s on s.product_id = p.id join producer pr on pr.id = p.producer_id
                          union
                          select pr.former_province from product p join sellable_ranking(:today) s on s.product_id = p.id join producer pr on pr.id = p.producer_id
                        ) n where name is not null order by name""")
                .bind("today", today)
                .map((row, md) -> row.get("name", String.class))
                .all()
                .collectList();
    }

    /** The OCOP group of each of these products (any status: what was sold stays sold). */
    public Mono<java.util.Map<ProductId, OcopGroup>> groups(java.util.Collection<ProductId> ids) {
        return db.sql("select id, ocop_group from product where id = any(:ids)")
                .bind("ids", ids.stream().map(ProductId::value).toArray(UUID[]::new))
                .map((row, md) -> java.util.Map.entry(new ProductId(row.get("id", UUID.class)), OcopGroup.valueOf(row.get("ocop_group", String.class))))
                .all()
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
    }

    /** Every product on sale today and when it last changed, in id order, row by row as PostgreSQL sends them. */
    public Flux<ProductStamp> sellableStamps(LocalDate today) {
        return db.sql("select p.id, p.updated_at from product p join sellable_ranking(:today) s on s.product_id = p.id order by p.id")
                .bind("today", today)
                .map((row, md) -> new ProductStamp(new ProductId(row.get("id", UUID.class)), row.get("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .all();
    }

    public Flux<String> imageFiles(ProductId id) {
        return db.sql("select file_name from product_image where product_id = :id order by position, created_at")
                .bind("id", id.value())
                .map((row, md) -> row.get("file_name", String.class))
                .all();
    }

    /** A sellable product's row, the id of the ranking that makes it so, and its shoppers' rating. */
    public record SellableRow(ProductRow product, CertificationId certification, Rating rating) {
    }

    private GenericExecuteSpec filtered(String sql, LocalDate today, ProductQuery query) {
        return db.sql(sql)
                .bind("today", today)
                .bind("grp", Parameter.fromOrEmpty(query.group() == null ? null : query.group().name(), String.class))
                .bind("province", Parameter.fromOrEmpty(query.province(), String.class))
                .bind("at", Parameter.fromOrEmpty(query.availableAt() == null ? null : query.availableAt().value(), UUID.class))
                .bind("stars", Parameter.fromOrEmpty(query.stars(), Integer.class))
                .bind("min_price", Parameter.fromOrEmpty(query.minPrice(), Long.class))
                .bind("max_price", Parameter.fromOrEmpty(query.maxPrice(), Long.class))
                .bind("in_stock", query.inStock());
    }
}
