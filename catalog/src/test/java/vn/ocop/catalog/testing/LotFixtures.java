package vn.ocop.catalog.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.stock.StockRow;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;

/** Lots for tests, written straight to the tables: a lot with its dates, a recall, and each lot's stock at a location. */
public final class LotFixtures {

    private final DatabaseClient db;

    public LotFixtures(DatabaseClient db) {
        this.db = db;
    }

    /** The database's today in Asia/Ho_Chi_Minh, the day lots are judged by ({@code catalog_today()}). */
    public Mono<LocalDate> today() {
        return db.sql("select catalog_today() as today").map((row, md) -> row.get("today", LocalDate.class)).one();
    }

    /** A lot of the product (of its producer) with that code and use-by date (none when null); no stock anywhere yet. */
    public Mono<UUID> lot(ProductId product, String code, LocalDate useBy) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                        insert into lot (id, product_id, producer_id, code, use_by, created_by)
                        select :id, p.id, p.producer_id, :code, :useBy, 'test' from product p where p.id = :product""")
                .bind("id", id)
                .bind("product", product.value())
                .bind("code", code)
                .bind("useBy", Parameter.fromOrEmpty(useBy, LocalDate.class))
                .then()
                .thenReturn(id);
    }

    /**
     * Recalls the lot as the recall service will: from now on it may not be sold or reserved. Answers the time (this
     * machine's clock, as the database's) by which the recall had committed.
     */
    public Mono<OffsetDateTime> recall(UUID lot) {
        return db.sql("update lot set recalled_at = now(), recall_reason = 'test' where id = :id and recalled_at is null")
                .bind("id", lot)
                .then()
                .then(Mono.fromSupplier(OffsetDateTime::now));
    }

    /** Each lot of the product held at the location (a row in stock_lot), earliest use-by first. */
    public Flux<LotAt> at(LocationId location, ProductId product) {
        return db.sql("""
                        select l.id, l.code, l.use_by, l.recalled_at is not null as recalled, sl.on_hand, sl.reserved
                        from stock_lot sl join lot l on l.id = sl.lot_id
                        where sl.location_id = :location and sl.product_id = :product
                        order by l.use_by nulls last, l.code""")
                .bind("location", location.value())
                .bind("product", product.value())
                .map((row, md) -> new LotAt(row.get("id", UUID.class), row.get("code", String.class), row.get("use_by", LocalDate.class),
                        Boolean.TRUE.equals(row.get("recalled", Boolean.class)), row.get("on_hand", Integer.class), row.get("reserved", Integer.class)))
                .all();
    }

    /** What a location can promise of a product today: {@link StockRow#available}, the one definition. */
    public Mono<Integer> available(LocationId location, ProductId product) {
        return db.sql("""
                        select coalesce((select %s
                                         from stock s where s.location_id = :location and s.product_id = :product), 0) as available"""
                        .formatted(StockRow.available("s")))
                .bind("location", location.value())
                .bind("product", product.value())
                .map((row, md) -> row.get("available", Integer.class))
                .one();
    }

    /** Per reference (an order) and lot, what its movements left reserved: "order-1 L1: 2"; never below zero if it only gave back its own. */
    public Flux<String> heldByReferences(ProductId product) {
        return db.sql("""
                        select m.reference || ' ' || l.code || ': ' || sum(sml.reserved_delta) as held
                        from stock_movement m join stock_movement_lot sml on sml.movement_id = m.id join lot l on l.id = sml.lot_id
                        where m.product_id = :product and m.reference is not null
                        group by m.reference, l.code
                        order by m.reference, l.code""")
                .bind("product", product.value())
                .map((row, md) -> row.get("held", String.class))
                .all();
    }

    /**
     * How a movement was split over lots and what the lots trigger flagged, by lot code: "F0 -2, F1 -1 EXPIRED_LOT";
     * the same for two products given lots of the same codes.
     */
    public Mono<String> split(UUID movement) {
        return db.sql("""
                        select coalesce((select string_agg(l.code || ' ' || sml.on_hand_delta || '/' || sml.reserved_delta, ', ' order by l.code)
                                         from stock_movement_lot sml join lot l on l.id = sml.lot_id where sml.movement_id = :id), '')
                               || coalesce((select ' ' || string_agg(d.reason, ' ' order by d.reason) from stock_discrepancy d
                                            where d.movement_id = :id and d.reason in ('EXPIRED_LOT', 'RECALLED_LOT')), '') as split""")
                .bind("id", movement)
                .map((row, md) -> row.get("split", String.class))
                .one();
    }

    /** One lot's stock at one location. */
    public record LotAt(UUID lot, String code, LocalDate useBy, boolean recalled, int onHand, int reserved) {

        public boolean usableOn(LocalDate day) {
            return !recalled && (useBy == null || !useBy.isBefore(day));
        }

        public int available() {
            return onHand - reserved;
        }

        @Override
        public String toString() {
            return code + "(use-by " + useBy + (recalled ? ", recalled" : "") + ": " + onHand + " on hand, " + reserved + " reserved)";
        }
    }
}
