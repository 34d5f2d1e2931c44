package vn.ocop.catalog.changes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.changes.IndexableProduct.IndexableRanking;
import vn.ocop.catalog.changes.IndexableProduct.PickupLocation;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.producers.ProducerStatus;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.listings.Rating;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.stock.Availability;
import vn.ocop.catalog.stock.PickupStock;

/** Products as search indexes them: with producer, provinces, whether in stock, every ranking and where to pick them up, read in three queries. */
@Repository
class IndexableProducts {

    /**
     * The columns of a product and its producer; {@code %s} is the product rows to read (the table, or one page of it).
     * The version is looked up per product: joined, PostgreSQL read the whole version table for every page.
     */
    private static final String PRODUCTS = """
            select p.id, coalesce((select v.last_change_id from product_change_version v where v.product_id = p.id), 0) as version,
                   p.name, p.description, p.ocop_group, p.price_vnd,
                   p.sales_unit, p.status, p.created_at, pr.name as producer_name, pr.status as producer_status,
                   pr.province, pr.former_province, %s as in_stock, p.producer_id,
                   coalesce((select r.stars_total from product_rating r where r.product_id = p.id), 0) as rating_total,
                   coalesce((select r.review_count from product_rating r where r.product_id = p.id), 0) as rating_count
            from %%s p join producer pr on pr.id = p.producer_id
            """.formatted(Availability.IN_STOCK);

    private final DatabaseClient db;

    IndexableProducts(DatabaseClient db) {
        this.db = db;
    }

    public Flux<IndexableProduct> find(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return rows(db.sql(PRODUCTS.formatted("product") + " where p.id = any(:ids)").bind("ids", uuids(ids)))
                .flatMapMany(this::complete);
    }

    /**
     * One page in id order. The page's ids are chosen first, then joined: joined first, PostgreSQL merged the whole
     * version table from its start on every page (a full reindex read quadratically); and "id > :after or :after is
     * null" in one statement would keep a generic plan from using the primary key.
     */
    public Mono<List<IndexableProduct>> page(ProductId after, int limit) {
        String page = after == null ? "(select * from product order by id limit :limit)"
                : "(select * from product where id > :after order by id limit :limit)";
        var spec = db.sql(PRODUCTS.formatted(page) + " order by p.id").bind("limit", limit);
        return rows(after == null ? spec : spec.bind("after", after.value()))
                .flatMapMany(this::complete)
                .collectList();
    }

    private Mono<List<Row>> rows(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map((r, md) -> new Row(
                        new ProductId(r.get("id", UUID.class)), r.get("version", Long.class), r.get("name", String.class),
                        r.get("description", String.class), OcopGroup.valueOf(r.get("ocop_group", String.class)),
                        new Vnd(r.get("price_vnd", Long.class)), r.get("sales_unit", String.class),
                        ProductStatus.valueOf(r.get("status", String.class)), r.get("created_at", OffsetDateTime.class),
                        r.get("producer_name", String.class), ProducerStatus.valueOf(r.get("producer_status", String.class)),
                        r.get("province", String.class), r.get("former_province", String.class),
                        Boolean.TRUE.equals(r.get("in_stock", Boolean.class)),
                        new ProducerId(r.get("producer_id", UUID.class)),
                        new Rating(r.get("rating_total", Long.class), r.get("rating_count", Integer.class))))
                .all().collectList();
    }

    /**
     * Adds every ranking and every pickup location of the batch, one query each. Both are read after the version,
     * so a document is never older than the version it carries (a newer change brings a newer version).
     */
    private Flux<IndexableProduct> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return Flux.empty();
        }
        UUID[] ids = rows.stream().map(Row::id).map(ProductId::value).toArray(UUID[]::new);
        return Mono.zip(rankings(ids), pickupLocations(ids))
                .flatMapMany(found -> Flux.fromIterable(rows).map(r -> r.with(
                        found.getT1().getOrDefault(r.id().value(), List.of()), found.getT2().getOrDefault(r.id().value(), List.of()))));
    }

    private Mono<Map<UUID, List<IndexableRanking>>> rankings(UUID[] ids) {
        return byProduct(db.sql("select product_id, stars, issued_on, valid_until, revoked_at is not null as revoked, decision_province"
                        + " from certification where product_id = any(:ids)")
                .bind("ids", ids)
                .map((r, md) -> Map.entry(r.get("product_id", UUID.class), new IndexableRanking(r.get("stars", Integer.class),
                        r.get("issued_on", LocalDate.class), r.get("valid_until", LocalDate.class),
                        Boolean.TRUE.equals(r.get("revoked", Boolean.class)), r.get("decision_province", String.class))))
                .all());
    }

    private Mono<Map<UUID, List<PickupLocation>>> pickupLocations(UUID[] ids) {
        return byProduct(db.sql("select product_id, location_id, location_name from (" + PickupStock.ROWS + ") pickup"
                        + " where product_id = any(:ids) order by location_name, location_id")
                .bind("ids", ids)
                .map((r, md) -> Map.entry(r.get("product_id", UUID.class),
                        new PickupLocation(new LocationId(r.get("location_id", UUID.class)), r.get("location_name", String.class))))
                .all());
    }

    private static <T> Mono<Map<UUID, List<T>>> byProduct(Flux<Map.Entry<UUID, T>> entries) {
        return entries.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static UUID[] uuids(Collection<ProductId> ids) {
        return ids.stream().map(ProductId::value).distinct().toArray(UUID[]::new);
    }

    private record Row(ProductId id, long version, String name, String description, OcopGroup group, Vnd price,
                       String salesUnit, ProductStatus status, OffsetDateTime createdAt, String producerName,
                       ProducerStatus producerStatus, String province, String formerProvince, boolean inStock, ProducerId producerId,
                       Rating rating) {
        IndexableProduct with(List<IndexableRanking> rankings, List<PickupLocation> availableAt) {
            return new IndexableProduct(id, version, name, description, group, price, salesUnit, status, createdAt,
                    producerName, producerStatus, province, formerProvince, List.copyOf(rankings), List.copyOf(availableAt), inStock,
                    producerId, rating);
        }
    }
}
