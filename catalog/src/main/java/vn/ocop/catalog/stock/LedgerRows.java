package vn.ocop.catalog.stock;

import io.r2dbc.spi.Row;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;

/** The ledger read back, newest first. */
@Repository
class LedgerRows {

    private final DatabaseClient db;

    LedgerRows(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Movements at a location (of one product when {@code product} is set, of one producer's goods when
     * {@code producer} is set), newest first.
     */
    public Flux<LedgerEntry> history(LocationId location, ProductId product, ProducerId producer, int limit) {
        return db.sql("""
                        select m.id, m.type, m.location_id, m.product_id, p.name, m.quantity, m.on_hand_delta, m.reserved_delta,
                               m.expected, m.counted, m.reference, m.recorded_by, m.device_id, m.occurred_at, m.applied_at
                        from stock_movement m join product p on p.id = m.product_id
                        where m.location_id = :location
                          and (:product::uuid is null or m.product_id = :product::uuid)
                          and (:producer::uuid is null or m.producer_id = :producer::uuid)
                        order by m.seq desc limit :limit""")
                .bind("location", location.value())
                .bind("product", Parameter.fromOrEmpty(product == null ? null : product.value(), UUID.class))
                .bind("producer", Parameter.fromOrEmpty(producer == null ? null : producer.value(), UUID.class))
                .bind("limit", limit)
                .map((row, md) -> entry(row))
                .all();
    }

    private static LedgerEntry entry(Row row) {
        return new LedgerEntry(row.get("id", UUID.class), MovementType.valueOf(row.get("type", String.class)),
                new LocationId(row.get("location_id", UUID.class)), new ProductId(row.get("product_id", UUID.class)),
                row.get("name", String.class), row.get("quantity", Integer.class), row.get("on_hand_delta", Integer.class),
                row.get("reserved_delta", Integer.class), row.get("expected", Integer.class), row.get("counted", Integer.class),
                row.get("reference", String.class), row.get("recorded_by", String.class), row.get("device_id", String.class),
                row.get("occurred_at", OffsetDateTime.class), row.get("applied_at", OffsetDateTime.class));
    }
}
