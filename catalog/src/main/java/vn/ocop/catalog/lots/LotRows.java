package vn.ocop.catalog.lots;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;

/** Reads of lots and their stock rows. "Today" is {@code catalog_today()}, the database's date in Asia/Ho_Chi_Minh. */
@Repository
class LotRows {

    static final String LOT_COLUMNS = """
            l.id as lot_id, l.product_id, p.name as product_name, l.producer_id, l.code, l.produced_on, l.use_by,
            l.recalled_at, l.recall_reason, l.created_at""";
    private static final String STOCK = "select " + LOT_COLUMNS + """
            , sl.location_id, loc.name as location_name, sl.on_hand, sl.reserved,
              case when l.recalled_at is not null then 'RECALLED'
                   when not lot_usable(l.recalled_at, l.use_by, catalog_today()) then 'EXPIRED' else 'ON_SALE' end as status
            from stock_lot sl join lot l on l.id = sl.lot_id join product p on p.id = l.product_id join location loc on loc.id = sl.location_id
            where (sl.on_hand <> 0 or sl.reserved <> 0)
            """;
    private static final String ORDER = " order by p.name, l.use_by nulls last, l.code, loc.name";

    private final DatabaseClient db;

    LotRows(DatabaseClient db) {
        this.db = db;
    }

    public Flux<LotStock> at(LocationId location) {
        return db.sql(STOCK + " and sl.location_id = :location" + ORDER).bind("location", location.value())
                .map((row, md) -> stock(row)).all();
    }

    public Flux<LotStock> ofProducer(ProducerId producer) {
        return db.sql(STOCK + " and l.producer_id = :producer" + ORDER).bind("producer", producer.value())
                .map((row, md) -> stock(row)).all();
    }

    /** Lots held at the location (units on hand) whose use-by date is within {@code days} from today or already past, soonest first. */
    public Flux<LotStock> expiringAt(LocationId location, int days) {
        return db.sql(STOCK + """
                         and sl.location_id = :location and sl.on_hand > 0 and l.recalled_at is null
                         and l.use_by <= catalog_today() + :days
                        order by l.use_by, p.name, l.code""")
                .bind("location", location.value()).bind("days", days)
                .map((row, md) -> stock(row)).all();
    }

    /** The producer's lots, wherever they are held, whose use-by date is within {@code days} from today or already past. */
    public Flux<LotStock> expiringOf(ProducerId producer, int days) {
        return db.sql(STOCK + """
                         and l.producer_id = :producer and sl.on_hand > 0 and l.recalled_at is null
                         and l.use_by <= catalog_today() + :days
                        order by l.use_by, p.name, l.code, loc.name""")
                .bind("producer", producer.value()).bind("days", days)
                .map((row, md) -> stock(row)).all();
    }

    /**
     * The earliest use-by date, per location, among the product's lots a shopper could get now there: usable today,
     * with units on hand and not reserved. A location whose such lots have no use-by date is not in the map. FEFO hands
     * out the earliest use-by first, so this is the date of what one would get there.
     */
    public Mono<Map<LocationId, LocalDate>> useByAt(ProductId product) {
        return db.sql("""
                        select sl.location_id, min(l.use_by) as use_by
                        from stock_lot sl join lot l on l.id = sl.lot_id
                        where sl.product_id = :product and sl.on_hand - sl.reserved > 0 and l.use_by is not null
                          and lot_usable(l.recalled_at, l.use_by, catalog_today())
                        group by sl.location_id""")
                .bind("product", product.value())
                .map((row, md) -> Map.entry(new LocationId(row.get("location_id", UUID.class)), row.get("use_by", LocalDate.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Re-indexes ({@code catalog_change_notify}) every product with units on hand in a lot whose use-by date was
     * yesterday in Asia/Ho_Chi_Minh: at midnight those units stopped being available without any write. Answers how
     * many products were notified.
     */
    public Mono<Integer> notifyExpiredYesterday() {
        return db.sql("""
                        select count(catalog_change_notify(x.product_id)) as notified
                        from (select distinct sl.product_id from stock_lot sl join lot l on l.id = sl.lot_id
                              where l.use_by = catalog_today() - 1 and l.recalled_at is null and sl.on_hand > 0
                              order by sl.product_id) x""")
                .map((row, md) -> row.get("notified", Long.class).intValue())
                .one();
    }

    public Mono<Lot> find(ProductId product, String code) {
        return db.sql("select " + LOT_COLUMNS + " from lot l join product p on p.id = l.product_id where l.product_id = :product and l.code = upper(:code)")
                .bind("product", product.value()).bind("code", code)
                .map((row, md) -> lot(row)).one();
    }

    public Mono<Lot> get(LotId id) {
        return db.sql("select " + LOT_COLUMNS + " from lot l join product p on p.id = l.product_id where l.id = :id")
                .bind("id", id.value())
                .map((row, md) -> lot(row)).one();
    }

    /** Every lot of the product, newest first. */
    public Flux<Lot> ofProduct(ProductId product) {
        return db.sql("select " + LOT_COLUMNS + " from lot l join product p on p.id = l.product_id where l.product_id = :product"
                        + " order by l.created_at desc, l.code")
                .bind("product", product.value())
                .map((row, md) -> lot(row)).all();
    }

    /** Every lot of the producer's products, newest first. */
    public Flux<Lot> everyOf(ProducerId producer) {
        return db.sql("select " + LOT_COLUMNS + " from lot l join product p on p.id = l.product_id where p.producer_id = :producer"
                        + " order by l.created_at desc, l.code")
                .bind("producer", producer.value())
                .map((row, md) -> lot(row)).all();
    }

    /** The lot's path: every movement that moved it, oldest first, with how many of its units each moved. */
    public Flux<LotStep> path(LotId id) {
        return db.sql("""
                        select m.type, abs(case when sml.on_hand_delta <> 0 then sml.on_hand_delta else sml.reserved_delta end) as quantity,
                               m.location_id, loc.name as location_name, loc.kind, loc.province, m.occurred_at, m.recorded_by, m.reference
                        from stock_movement_lot sml join stock_movement m on m.id = sml.movement_id join location loc on loc.id = m.location_id
                        where sml.lot_id = :lot
                        order by m.seq""")
                .bind("lot", id.value())
                .map((row, md) -> new LotStep(MovementType.valueOf(row.get("type", String.class)), row.get("quantity", Integer.class),
                        new LocationId(row.get("location_id", UUID.class)), row.get("location_name", String.class),
                        LocationKind.valueOf(row.get("kind", String.class)), row.get("province", String.class),
                        row.get("occurred_at", OffsetDateTime.class), row.get("recorded_by", String.class), row.get("reference", String.class)))
                .all();
    }

    static Lot lot(Readable row) {
        return new Lot(new LotId(row.get("lot_id", UUID.class)), new ProductId(row.get("product_id", UUID.class)),
                row.get("product_name", String.class), new ProducerId(row.get("producer_id", UUID.class)), row.get("code", String.class),
                row.get("produced_on", LocalDate.class), row.get("use_by", LocalDate.class), row.get("recalled_at", OffsetDateTime.class),
                row.get("recall_reason", String.class), row.get("created_at", OffsetDateTime.class));
    }

    private static LotStock stock(Readable row) {
        return new LotStock(lot(row), new LocationId(row.get("location_id", UUID.class)), row.get("location_name", String.class),
                row.get("on_hand", Integer.class), row.get("reserved", Integer.class), Lot.Status.valueOf(row.get("status", String.class)));
    }
}
