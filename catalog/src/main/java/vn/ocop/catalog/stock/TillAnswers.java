package vn.ocop.catalog.stock;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Row;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/**
 * What a till learns after its batch, read in one statement (one snapshot): the version, the location's stock with
 * which of its products changed since the till's version, the pickups set aside there, the recalled lots, and the
 * lot flags the lots trigger raised on the batch's sales. It was six round trips (issue 18: each costs the app more
 * CPU than PostgreSQL spends on it); one snapshot is also what makes the version exact: every transaction older than
 * it had ended when the snapshot was taken, so the rows read in it hold all of their writes, and the till's next
 * {@code changedSince} starts there (anything later may repeat, nothing is missed).
 */
@Repository
class TillAnswers {

    private static final int VERSION = 0, STOCK = 1, PICKUP = 2, RECALL = 3, FLAG = 4;

    /**
     * One row per item, {@code part} saying which; the columns a part does not use are null. Each part is ordered as the
     * till has always had it ({@code ord}): stock by product name, pickups by reference, recalls by when.
     */
    private static final String SQL = """
            with changed as (
                select v.product_id from product_change_version v where v.last_xid >= (:xid::text)::xid8
                union
                select c.product_id from certification c
                where (c.issued_on > :since and c.issued_on <= :today) or (c.valid_until >= :since and c.valid_until < :today))
            select %d as part, 0::bigint as ord,
                   coalesce((select min(x) from pg_snapshot_xip(pg_current_snapshot()) x), pg_snapshot_xmax(pg_current_snapshot()))::text as xmin,
                   pg_current_xact_id_if_assigned()::text as own,
                   null::uuid as product_id, null::text as name, null::uuid as producer_id, null::bigint as price_vnd,
                   null::int as on_hand, null::int as reserved, null::int as available, null::boolean as sellable, null::boolean as changed,
                   null::text as reference, null::int as quantity, null::text as code, null::timestamptz as at, null::text as reason,
                   null::uuid as movement_id
            union all
            select %d, row_number() over (order by p.name, s.product_id), null, null,
                   s.product_id, p.name, p.producer_id, p.price_vnd, s.on_hand, s.reserved,
                   %s, (r.product_id is not null),
                   (cast(:xid as text) is null or s.product_id in (select product_id from changed)),
                   null, null, null, null, null, null
            from stock s
            join product p on p.id = s.product_id
            left join sellable_ranking(:today) r on r.product_id = s.product_id
            where s.location_id = :location
            union all
            select %d, row_number() over (order by m.reference, p.name), null, null,
                   m.product_id, p.name, null, null, null, null, null, null, null,
                   m.reference, sum(m.reserved_delta)::int, null, null, null, null
            from stock_movement m join product p on p.id = m.product_id
            where m.location_id = :location and m.reference is not null and m.reserved_delta <> 0
            group by m.reference, m.product_id, p.name
            having sum(m.reserved_delta) > 0
            union all
            select %d, row_number() over (order by l.recalled_at, l.product_id, l.code), null, null,
                   l.product_id, null, null, null, null, null, null, null, null,
                   null, null, l.code, l.recalled_at, l.recall_reason, null
            from lot l
            where l.recalled_at is not null
              and l.product_id in (select s.product_id from stock s where s.location_id = :location)
              and (cast(:xid as text) is null or l.product_id in (select v.product_id from product_change_version v where v.last_xid >= (:xid::text)::xid8))
            union all
            select %d, row_number() over (order by d.movement_id, d.reason), null, null,
                   null, null, null, null, null, null, null, null, null,
                   null, null, null, null, d.reason, d.movement_id
            from stock_discrepancy d
            where d.movement_id = any(:sales) and d.reason in ('EXPIRED_LOT', 'RECALLED_LOT')
            order by part, ord""".formatted(VERSION, STOCK, StockRow.available("s"), PICKUP, RECALL, FLAG);

    private final DatabaseClient db;

    TillAnswers(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The answer's reads. {@code changes} are the stock rows whose product's price or sale status may have changed since
     * the till's version (written by a transaction its snapshot did not see, or a ranking that started or ended between its
     * day and today), every row when it has none; {@code recalled} likewise (a recall re-indexes its product in its own
     * transaction, so one committed after the version is among the changed); {@code lotFlags} the EXPIRED_LOT and
     * RECALLED_LOT flags on {@code sales}, which the lots trigger inserts after the statement that applied them.
     */
    Mono<Read> read(LocationId location, TillVersion since, LocalDate today, Collection<UUID> sales) {
        return db.sql(SQL)
                .bind("location", location.value())
                .bind("today", today)
                .bind("xid", Parameters.in(R2dbcType.VARCHAR, since == null ? null : Long.toString(since.xmin())))
                .bind("since", since == null ? Parameters.in(R2dbcType.DATE) : Parameters.in(R2dbcType.DATE, since.day()))
                .bind("sales", sales.toArray(UUID[]::new))
                .map((row, md) -> row(location, row))
                .all()
                .collectList()
                .map(TillAnswers::read);
    }

    record Read(long version, List<StockLevel> stock, List<StockLevel> changes, List<Pickup> pickups, List<RecalledLot> recalled,
                Map<UUID, List<String>> lotFlags) {
    }

    /** One row as what it is: a version, a stock level (and whether it changed), a pickup, a recalled lot or a lot flag. */
    private record Item(int part, long version, StockLevel level, boolean changed, Pickup pickup, RecalledLot recalled, UUID flagged, String flag) {
    }

    private static Item row(LocationId location, Row row) {
        int part = row.get("part", Integer.class);
        return switch (part) {
            case VERSION -> {
                long xmin = Long.parseLong(row.get("xmin", String.class));
                String own = row.get("own", String.class);
                // our own transaction is not one whose writes the till may have missed: when it is the oldest, the next one is
                yield new Item(part, own != null && Long.parseLong(own) == xmin ? xmin + 1 : xmin, null, false, null, null, null, null);
            }
            case STOCK -> new Item(part, 0, new StockLevel(location, new ProductId(row.get("product_id", UUID.class)), row.get("name", String.class),
                    new ProducerId(row.get("producer_id", UUID.class)), new Vnd(row.get("price_vnd", Long.class)),
                    Boolean.TRUE.equals(row.get("sellable", Boolean.class)), row.get("on_hand", Integer.class), row.get("reserved", Integer.class),
                    row.get("available", Integer.class)), Boolean.TRUE.equals(row.get("changed", Boolean.class)), null, null, null, null);
            case PICKUP -> new Item(part, 0, null, false, new Pickup(row.get("reference", String.class), new ProductId(row.get("product_id", UUID.class)),
                    row.get("name", String.class), row.get("quantity", Integer.class)), null, null, null);
            case RECALL -> new Item(part, 0, null, false, null, new RecalledLot(new ProductId(row.get("product_id", UUID.class)),
                    row.get("code", String.class), row.get("at", OffsetDateTime.class), row.get("reason", String.class)), null, null);
            case FLAG -> new Item(part, 0, null, false, null, null, row.get("movement_id", UUID.class), row.get("reason", String.class));
            default -> throw new IllegalStateException("a till answer's row of no known part: " + part);
        };
    }

    private static Read read(List<Item> items) {
        long version = -1;
        List<StockLevel> stock = new ArrayList<>(), changes = new ArrayList<>();
        List<Pickup> pickups = new ArrayList<>();
        List<RecalledLot> recalled = new ArrayList<>();
        Map<UUID, List<String>> flags = new LinkedHashMap<>();
        for (Item item : items) {
            switch (item.part()) {
                case VERSION -> version = item.version();
                case STOCK -> {
                    stock.add(item.level());
                    if (item.changed()) {
                        changes.add(item.level());
                    }
                }
                case PICKUP -> pickups.add(item.pickup());
                case RECALL -> recalled.add(item.recalled());
                default -> flags.computeIfAbsent(item.flagged(), id -> new ArrayList<>()).add(item.flag());
            }
        }
        if (version < 0) {
            throw new IllegalStateException("a till answer without its version");
        }
        return new Read(version, List.copyOf(stock), List.copyOf(changes), List.copyOf(pickups), List.copyOf(recalled), flags);
    }
}
