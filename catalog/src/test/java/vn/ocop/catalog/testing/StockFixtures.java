package vn.ocop.catalog.testing;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;

/** Locations and stock for tests: outlets, a producer's warehouse, products on sale, stock set directly. */
public final class StockFixtures {

    private final DatabaseClient db;
    private final CatalogFixtures catalog;

    public StockFixtures(DatabaseClient db) {
        this.db = db;
        this.catalog = new CatalogFixtures(db);
    }

    public CatalogFixtures catalog() {
        return catalog;
    }

    /** A showroom in Hà Nội where shoppers may or may not collect orders. */
    public Mono<LocationId> showroom(String name, boolean pickup) {
        return location("SHOWROOM", name, pickup, null, "Hà Nội");
    }

    /** A showroom in another province, named as locations name it ("TP. Hồ Chí Minh", "Quảng Ninh"). */
    public Mono<LocationId> showroomIn(String province, String name, boolean pickup) {
        return location("SHOWROOM", name, pickup, null, province);
    }

    public Mono<LocationId> warehouse(ProducerId producer) {
        return location("WAREHOUSE", "Kho " + UUID.randomUUID().toString().substring(0, 8), false, producer, "Hà Nội");
    }

    /** An active product of {@code producer} with a 4-star ranking valid from a year before {@code today} for two more years. */
    public Mono<ProductId> sellableProduct(ProducerId producer, String name, LocalDate today) {
        return catalog.product(producer, name, ProductStatus.ACTIVE)
                .flatMap(p -> catalog.ranking(p, 4, today.minusYears(1), today.plusYears(2)).thenReturn(p));
    }

    /** The same, of that OCOP group at that list price. */
    public Mono<ProductId> sellableProduct(ProducerId producer, String name, LocalDate today, OcopGroup group, long priceVnd) {
        return catalog.product(producer, name, ProductStatus.ACTIVE, group, priceVnd)
                .flatMap(p -> catalog.ranking(p, 4, today.minusYears(1), today.plusYears(2)).thenReturn(p));
    }

    public Mono<Stock> stock(LocationId location, ProductId product) {
        return db.sql("select on_hand, reserved from stock where location_id = :l and product_id = :p")
                .bind("l", location.value())
                .bind("p", product.value())
                .map((row, md) -> new Stock(row.get("on_hand", Integer.class), row.get("reserved", Integer.class)))
                .one()
                .defaultIfEmpty(new Stock(0, 0));
    }

    public Mono<Long> movementCount(ProductId product) {
        return db.sql("select count(*) as n from stock_movement where product_id = :p")
                .bind("p", product.value())
                .map((row, md) -> row.get("n", Long.class))
                .one();
    }

    public record Stock(int onHand, int reserved) {
    }

    private Mono<LocationId> location(String kind, String name, boolean pickup, ProducerId producer, String province) {
        LocationId id = LocationId.random();
        return db.sql("""
                        insert into location (id, kind, name, province, address, pickup_allowed, producer_id)
                        values (:id, :kind, :name, :province, '25 phố Lý Thường Kiệt, ' || :province, :pickup, :producer)""")
                .bind("province", province)
                .bind("id", id.value())
                .bind("kind", kind)
                .bind("name", name)
                .bind("pickup", pickup)
                .bind("producer", org.springframework.r2dbc.core.Parameter.fromOrEmpty(producer == null ? null : producer.value(), UUID.class))
                .then()
                .thenReturn(id);
    }
}
