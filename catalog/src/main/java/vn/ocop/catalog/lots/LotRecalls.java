package vn.ocop.catalog.lots;

import vn.ocop.catalog.stock.LotRef;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.rankings.CouncilScope;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.stock.MovementIds;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.lots.Recall.Holding;
import vn.ocop.catalog.stock.StockLedger;

/**
 * A lot's recall, inside the caller's transaction: the lot is marked (once: a second recall keeps the first's reason
 * and date), its product re-indexed, the product's stock rows where the lot is held locked in location order (a stock
 * row before its lots, as every movement takes them), and each reservation of the lot moved to the product's usable
 * lots there (a RELEASE naming the lot, then a RESERVE by use-by date, under the same reference) where they cover it
 * whole; the rest stays set aside of the recalled lot for its owner to cancel. Movement ids derive from the lot, the
 * reference and the location, so a retry moves nothing twice. What the recall did is read back from the ledger.
 */
@Repository
class LotRecalls {

    private static final String HELD = """
            select m.reference, m.location_id, sum(sml.reserved_delta)::int as quantity
            from stock_movement_lot sml join stock_movement m on m.id = sml.movement_id
            where sml.lot_id = :lot and m.reference is not null
            group by m.reference, m.location_id having sum(sml.reserved_delta) > 0
            order by m.location_id, m.reference""";

    private final DatabaseClient db;
    private final StockLedger ledger;

    LotRecalls(DatabaseClient db, StockLedger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    /** The lot's product if the producer owns the lot; empty otherwise. */
    public Mono<ProductId> ownedBy(ProducerId producer, LotId lot) {
        return db.sql("select product_id from lot where id = :lot and producer_id = :producer")
                .bind("lot", lot.value()).bind("producer", producer.value())
                .map((row, md) -> new ProductId(row.get("product_id", UUID.class))).one();
    }

    /** The lot's product if its producer is in the council's scope; empty otherwise. */
    public Mono<ProductId> inScope(CouncilScope scope, LotId lot) {
        var spec = db.sql("""
                        select l.product_id from lot l join producer pr on pr.id = l.producer_id
                        where l.id = :lot and (cast(:province as text) is null or pr.province = :province)""")
                .bind("lot", lot.value());
        spec = scope.national() ? spec.bindNull("province", String.class) : spec.bind("province", scope.province());
        return spec.map((row, md) -> new ProductId(row.get("product_id", UUID.class))).one();
    }

    /** Marks the lot recalled (unless it was), re-indexes its product and moves its reservations; in the caller's transaction. */
    public Mono<Void> recall(LotId lot, ProductId product, String reason, String by, OffsetDateTime at) {
        return lockStock(lot, product)
                .then(db.sql("""
                                update lot set recalled_at = clock_timestamp(), recall_reason = :reason, recalled_by = :by
                                where id = :lot and recalled_at is null returning code""")
                        .bind("reason", reason).bind("by", by).bind("lot", lot.value())
                        .map((row, md) -> row.get("code", String.class)).one()
                        .flatMap(code -> db.sql("select catalog_change_notify(:product)").bind("product", product.value())
                                .fetch().rowsUpdated().then()))
                .then(code(lot))
                .flatMap(code -> held(lot, product).concatMap(h -> swap(lot, code, h, by, at)).then());
    }

    /**
     * What the recall did, as the ledger has it: the same however often it is asked, also once the orders it reached
     * cancelled the reservations it could not move.
     */
    public Mono<Recall.Holdings> holdings(LotId lot, ProductId product) {
        Mono<List<Holding>> swapped = db.sql("""
                        select m.reference, m.location_id, m.quantity
                        from stock_movement_lot sml join stock_movement m on m.id = sml.movement_id
                        where sml.lot_id = :lot and m.type = 'RELEASE' and m.note = :note
                        order by m.location_id, m.reference""")
                .bind("lot", lot.value()).bind("note", note(lot))
                .map((row, md) -> holding(row, product)).all().collectList();
        Mono<List<Holding>> received = db.sql("""
                        select m.reference, m.location_id, -sum(sml.on_hand_delta)::int as quantity
                        from stock_movement_lot sml join stock_movement m on m.id = sml.movement_id
                        where sml.lot_id = :lot and m.type = 'FULFIL' and m.reference is not null
                        group by m.reference, m.location_id order by m.location_id, m.reference""")
                .bind("lot", lot.value())
                .map((row, md) -> holding(row, product)).all().collectList();
        // what the lot's references held when it was recalled (the recall's own moves come after its date, in its transaction;
        // a reservation of the lot could only have committed before it, as the recall holds the stock rows), less what it moved
        Mono<List<Holding>> unswapped = db.sql("""
                        select m.reference, m.location_id, sum(sml.reserved_delta)::int as quantity
                        from stock_movement_lot sml join stock_movement m on m.id = sml.movement_id join lot l on l.id = sml.lot_id
                        where sml.lot_id = :lot and m.reference is not null and m.applied_at <= l.recalled_at
                        group by m.reference, m.location_id
                        having sum(sml.reserved_delta) > 0
                           and not exists (select 1 from stock_movement_lot rl join stock_movement r on r.id = rl.movement_id
                                           where rl.lot_id = :lot and r.type = 'RELEASE' and r.note = :note
                                             and r.reference = m.reference and r.location_id = m.location_id)
                        order by m.location_id, m.reference""")
                .bind("lot", lot.value()).bind("note", note(lot))
                .map((row, md) -> holding(row, product)).all().collectList();
        return Mono.zip(swapped, unswapped, received)
                .map(t -> new Recall.Holdings(t.getT1(), t.getT2(), t.getT3()));
    }

    private Mono<Void> lockStock(LotId lot, ProductId product) {
        return db.sql("""
                        select s.location_id from stock s
                        where s.product_id = :product and s.location_id in (select sl.location_id from stock_lot sl where sl.lot_id = :lot)
                        order by s.location_id for update""")
                .bind("product", product.value()).bind("lot", lot.value())
                .fetch().all().then();
    }

    private Mono<String> code(LotId lot) {
        return db.sql("select code from lot where id = :lot").bind("lot", lot.value())
                .map((row, md) -> row.get("code", String.class)).one()
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("lot " + lot.value())));
    }

    private Flux<Holding> held(LotId lot, ProductId product) {
        return db.sql(HELD).bind("lot", lot.value()).map((row, md) -> holding(row, product)).all();
    }

    /**
     * Moves one reference's units of the lot to usable lots at the same location when they cover all of them (the
     * stock row is locked, so nothing takes them meanwhile); a reservation they cannot cover is left as it is.
     */
    private Mono<Void> swap(LotId lot, String code, Holding h, String by, OffsetDateTime at) {
        return db.sql("""
                        select (select coalesce(sum(greatest(0, sl.on_hand - sl.reserved)), 0) from stock_lot sl join lot l on l.id = sl.lot_id
                                where sl.location_id = :location and sl.product_id = :product
                                  and lot_usable(l.recalled_at, l.use_by, catalog_today())) >= :q
                               and (select s.on_hand - s.reserved from stock s where s.location_id = :location and s.product_id = :product) >= 0
                               as covered""")
                .bind("location", h.location().value()).bind("product", h.product().value()).bind("q", h.quantity())
                .map((row, md) -> Boolean.TRUE.equals(row.get("covered", Boolean.class))).one()
                .filter(covered -> covered)
                .flatMap(covered -> {
                    String leg = h.reference() + "|" + h.location().value();
                    var recorder = new StockLedger.Recorder(by, null);
                    Movement release = new Movement(MovementIds.derived(lot.value(), "recall-release|" + leg), MovementType.RELEASE, h.product(),
                            h.quantity(), null, null, at, h.reference(), note(lot), null, LotRef.named(code));
                    Movement reserve = new Movement(MovementIds.derived(lot.value(), "recall-reserve|" + leg), MovementType.RESERVE, h.product(),
                            h.quantity(), null, null, at, h.reference(), note(lot), null, null);
                    return ledger.guarded(h.location(), release, recorder).then(ledger.guarded(h.location(), reserve, recorder));
                })
                .then();
    }

    private static String note(LotId lot) {
        return "recall:" + lot.value();
    }

    private static Holding holding(io.r2dbc.spi.Readable row, ProductId product) {
        return new Holding(row.get("reference", String.class), new LocationId(row.get("location_id", UUID.class)), product,
                row.get("quantity", Integer.class));
    }

}
