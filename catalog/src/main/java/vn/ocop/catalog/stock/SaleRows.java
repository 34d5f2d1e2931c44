package vn.ocop.catalog.stock;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/** SALE movements with their price, place and product group, read from the stock ledger. */
@Repository
public class SaleRows {

    private static final String SELECT = """
            select m.id, m.location_id, l.kind as location_kind, m.producer_id, m.product_id, p.name, p.ocop_group, m.quantity,
                   m.unit_price_vnd, m.occurred_at, m.applied_at
            from stock_movement m
            join location l on l.id = m.location_id
            join product p on p.id = m.product_id
            where m.type = 'SALE' and\s""";

    private final DatabaseClient db;

    SaleRows(DatabaseClient db) {
        this.db = db;
    }

    public Flux<TillSale> byIds(Collection<UUID> ids) {
        return db.sql(SELECT + "m.id = any(:ids) order by m.seq")
                .bind("ids", ids.toArray(UUID[]::new))
                .map((row, md) -> sale(row))
                .all();
    }

    public Flux<TillSale> appliedSince(OffsetDateTime since, int limit) {
        return db.sql(SELECT + "m.applied_at >= :since order by m.applied_at, m.seq limit :limit")
                .bind("since", since)
                .bind("limit", limit)
                .map((row, md) -> sale(row))
                .all();
    }

    /** A sale from a row with these columns: the select here, and {@code BulkMovements}' answer for the sales it applied. */
    static TillSale sale(Readable row) {
        return new TillSale(row.get("id", UUID.class), new LocationId(row.get("location_id", UUID.class)),
                LocationKind.valueOf(row.get("location_kind", String.class)), new ProducerId(row.get("producer_id", UUID.class)),
                new ProductId(row.get("product_id", UUID.class)), row.get("name", String.class),
                OcopGroup.valueOf(row.get("ocop_group", String.class)), row.get("quantity", Integer.class),
                new Vnd(row.get("unit_price_vnd", Long.class)), row.get("occurred_at", OffsetDateTime.class),
                row.get("applied_at", OffsetDateTime.class));
    }
}
