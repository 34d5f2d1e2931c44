package vn.ocop.catalog.stock;

import io.r2dbc.spi.Row;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;

/** Flagged offline sales, and the movements a till sent that could not be applied. */
@Repository
class Discrepancies {

    private static final String SELECT = """
            select d.id, d.movement_id, d.location_id, d.product_id, p.name, d.reason, m.quantity, d.on_hand_after,
                   m.device_id, m.occurred_at, d.created_at, d.resolved_at, d.resolved_by, d.resolution
            from stock_discrepancy d
            join stock_movement m on m.id = d.movement_id
            join product p on p.id = d.product_id
            """;

    private final DatabaseClient db;

    Discrepancies(DatabaseClient db) {
        this.db = db;
    }

    /** Open ones first (oldest first), then the latest resolved. */
    public Flux<Discrepancy> at(LocationId location, int limit) {
        return db.sql(SELECT + " where d.location_id = :location order by d.resolved_at is not null, "
                        + "case when d.resolved_at is null then d.created_at end, d.resolved_at desc, d.id limit :limit")
                .bind("location", location.value())
                .bind("limit", limit)
                .map((row, md) -> of(row))
                .all();
    }

    /** Marks an open discrepancy resolved; 0 when it is not at that location or was resolved already. */
    public Mono<Long> resolve(LocationId location, UUID id, String by, String resolution, OffsetDateTime at) {
        return db.sql("""
                        update stock_discrepancy set resolved_at = :at, resolved_by = :by, resolution = :resolution
                        where id = :id and location_id = :location and resolved_at is null""")
                .bind("at", at)
                .bind("by", by)
                .bind("resolution", resolution)
                .bind("id", id)
                .bind("location", location.value())
                .fetch().rowsUpdated();
    }

    public Mono<Discrepancy> get(LocationId location, UUID id) {
        return db.sql(SELECT + " where d.id = :id and d.location_id = :location")
                .bind("id", id)
                .bind("location", location.value())
                .map((row, md) -> of(row))
                .one();
    }

    /** Keeps a refused movement as it was sent; the first refusal of an id is the one kept. */
    public Mono<Void> reject(LocationId location, String deviceId, TillMovement m, String reason) {
        return db.sql("""
                        insert into sync_rejection (movement_id, location_id, device_id, reason, movement)
                        values (:id, :location, :device, :reason, jsonb_strip_nulls(jsonb_build_object(
                            'type', :type::text, 'productId', :product::uuid, 'locationId', :movementLocation::uuid,
                            'quantity', :quantity::int, 'expected', :expected::int, 'counted', :counted::int,
                            'occurredAt', :occurredAt::timestamptz, 'unitPrice', :unitPrice::bigint)))
                        on conflict (movement_id) do nothing""")
                .bind("id", m.id())
                .bind("location", location.value())
                .bind("device", deviceId)
                .bind("reason", reason)
                .bind("type", Parameter.fromOrEmpty(m.typeAsSent(), String.class))
                .bind("product", Parameter.fromOrEmpty(m.productId(), UUID.class))
                .bind("movementLocation", Parameter.fromOrEmpty(m.locationId(), UUID.class))
                .bind("quantity", Parameter.fromOrEmpty(m.quantity(), Integer.class))
                .bind("expected", Parameter.fromOrEmpty(m.expected(), Integer.class))
                .bind("counted", Parameter.fromOrEmpty(m.counted(), Integer.class))
                .bind("occurredAt", Parameter.fromOrEmpty(m.plausibleOccurredAt(), OffsetDateTime.class))
                .bind("unitPrice", Parameter.fromOrEmpty(m.unitPrice(), Long.class))
                .then();
    }

    private static Discrepancy of(Row row) {
        return new Discrepancy(row.get("id", UUID.class), row.get("movement_id", UUID.class),
                new LocationId(row.get("location_id", UUID.class)), new ProductId(row.get("product_id", UUID.class)),
                row.get("name", String.class), Discrepancy.Reason.valueOf(row.get("reason", String.class)),
                row.get("quantity", Integer.class), row.get("on_hand_after", Integer.class), row.get("device_id", String.class),
                row.get("occurred_at", OffsetDateTime.class), row.get("created_at", OffsetDateTime.class),
                row.get("resolved_at", OffsetDateTime.class), row.get("resolved_by", String.class), row.get("resolution", String.class));
    }
}
