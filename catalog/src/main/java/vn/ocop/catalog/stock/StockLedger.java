package vn.ocop.catalog.stock;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import io.r2dbc.spi.R2dbcException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;

/**
 * Applies movements to the ledger and the stock rows, inside the caller's transaction. A movement is
 * inserted first: its id is the primary key, so a second copy changes nothing and is reported as a duplicate.
 *
 * <p>Free movements (receipt, sale, count, transfer in) add their deltas whatever the stock; guarded ones
 * (reserve, release, fulfil, transfer out) are one conditional UPDATE that refuses to oversell. A batch of free
 * movements is one statement (see {@link BulkMovements}), whose locks come in one order whatever the batch.
 */
@Repository
public class StockLedger {

    /**
     * A guarded movement in one statement: the movement is inserted (a second copy of its id inserts nothing) and, only
     * when it was new, the product's stock row moved under its guard; the {@code stock_movement_lots} trigger then splits
     * it over lots (earliest use-by first among those that may be sold) and raises {@code OC409} when they cannot cover it.
     */
    private static final String GUARDED_SQL = """
            with added as (
                insert into stock_movement (id, type, location_id, product_id, producer_id, quantity, on_hand_delta,
                                            reserved_delta, expected, counted, reference, recorded_by, device_id, note, occurred_at, lot_code)
                select :id, :type, :location, p.id, p.producer_id, :quantity, :onHand, :reserved, null, null,
                       :reference, :by, :device, :note, :at, :lot
                from product p where p.id = :product
                on conflict (id) do nothing
                returning id),
            moved as (
                update stock set %s, updated_at = clock_timestamp()
                where location_id = :location and product_id = :product and %s and exists (select 1 from added)
                returning 1)
            select (select count(*) from added) as added, (select count(*) from moved) as moved""";
    /** The one definition of "available" (on_hand − reserved) that a reservation or a transfer may take from. */
    private static final Map<MovementType, String> GUARDED = Map.of(
            MovementType.RESERVE, GUARDED_SQL.formatted("reserved = reserved + :q", "on_hand - reserved >= :q"),
            MovementType.RELEASE, GUARDED_SQL.formatted("reserved = reserved - :q", "reserved >= :q"),
            MovementType.FULFIL, GUARDED_SQL.formatted("on_hand = on_hand - :q, reserved = reserved - :q", "reserved >= :q"),
            MovementType.TRANSFER_OUT, GUARDED_SQL.formatted("on_hand = on_hand - :q", "on_hand - reserved >= :q"));
    /** What the lots trigger raises: a named lot that does not exist, and lots that cannot cover a guarded movement. */
    static final String NO_SUCH_LOT = "OC404";
    static final String LOTS_SHORT = "OC409";

    private final DatabaseClient db;

    StockLedger(DatabaseClient db) {
        this.db = db;
    }

    /** Who recorded a movement: an account's e-mail or a till, and the till's device. */
    public record Recorder(String by, String deviceId) {
    }

    /** What became of one movement: applied or not (a duplicate), and the product's on-hand stock afterwards. */
    public record Outcome(Movement movement, boolean applied, int onHandAfter) {
    }

    /**
     * A till batch's outcomes, the discrepancies flagged on its new sales by movement id, and those sales as the
     * statement wrote them (at the till's unit price, or the list price when it sent none).
     */
    public record Flagged(List<Outcome> outcomes, Map<UUID, List<String>> flags, List<TillSale> sales) {
    }

    /**
     * Applies free movements (each once) at one location and answers in the order given. One statement: the
     * batch is applied whole or not at all, in the caller's transaction or on its own.
     */
    public Mono<List<Outcome>> addAll(LocationId location, List<Movement> movements, Recorder recorder) {
        return addAll(location, movements, recorder, Set.of()).map(Flagged::outcomes);
    }

    /**
     * As {@link #addAll(LocationId, List, Recorder)}, flagging each new sale that drove the stock below zero or whose
     * id is in {@code unsellable} (not on sale that day), in the same statement.
     */
    public Mono<Flagged> addAll(LocationId location, List<Movement> movements, Recorder recorder, Set<UUID> unsellable) {
        Map<UUID, Movement> unique = new LinkedHashMap<>();
        movements.forEach(m -> unique.putIfAbsent(m.id(), m));
        if (unique.isEmpty()) {
            return Mono.just(new Flagged(List.of(), Map.of(), List.of()));
        }
        return BulkMovements.apply(db, location, List.copyOf(unique.values()), recorder, unsellable)
                .map(applied -> new Flagged(inOrder(movements, unique.values().stream()
                        .map(m -> new Outcome(m, applied.ids().contains(m.id()), applied.onHand().getOrDefault(m.product().value(), 0)))
                        .collect(Collectors.toMap(o -> o.movement().id(), o -> o))), applied.flags(), applied.sales()));
    }

    /** Applies one guarded movement; fails with INSUFFICIENT_STOCK (and must then be rolled back) when the stock does not allow it. */
    public Mono<Boolean> guarded(LocationId location, Movement movement, Recorder recorder) {
        String guarded = GUARDED.get(movement.type());
        if (guarded == null) {
            return Mono.error(new IllegalArgumentException(movement.type() + " is not a guarded movement"));
        }
        return db.sql(guarded)
                .bind("id", movement.id())
                .bind("type", movement.type().name())
                .bind("location", location.value())
                .bind("product", movement.product().value())
                .bind("quantity", movement.quantity())
                .bind("q", movement.quantity())
                .bind("onHand", movement.onHandDelta())
                .bind("reserved", movement.reservedDelta())
                .bind("reference", Parameter.fromOrEmpty(movement.reference(), String.class))
                .bind("by", recorder.by())
                .bind("device", Parameter.fromOrEmpty(recorder.deviceId(), String.class))
                .bind("note", Parameter.fromOrEmpty(movement.note(), String.class))
                .bind("at", movement.occurredAt())
                .bind("lot", Parameter.fromOrEmpty(movement.lot() == null ? null : movement.lot().code(), String.class))
                .map((row, md) -> new long[] {row.get("added", Long.class), row.get("moved", Long.class)})
                .one()
                .onErrorMap(e -> lotProblem(e, movement))
                .flatMap(done -> done[0] == 0 ? Mono.just(false)
                        : done[1] == 1 ? Mono.just(true)
                        : Mono.error(() -> insufficient(movement)));
    }

    /** The lots trigger's refusals as the domain's; anything else as it came. */
    private static Throwable lotProblem(Throwable error, Movement movement) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r && LOTS_SHORT.equals(r.getSqlState())) {
                return insufficient(movement);
            }
            if (t instanceof R2dbcException r && NO_SUCH_LOT.equals(r.getSqlState())) {
                return CatalogException.notFound("lot " + (movement.lot() == null ? "" : movement.lot().code()));
            }
        }
        return error;
    }

    private static CatalogException insufficient(Movement movement) {
        return new CatalogException(CatalogErrorCode.INSUFFICIENT_STOCK,
                movement.type() + " of " + movement.quantity() + " refused: not enough stock at this location"
                        + (movement.lot() == null ? " in lots that may be sold" : " in lot " + movement.lot().code()));
    }

    /** The outcomes in the order given; a second copy of an id within one batch is a duplicate of the first. */
    private static List<Outcome> inOrder(List<Movement> movements, Map<UUID, Outcome> done) {
        Set<UUID> seen = new HashSet<>();
        return movements.stream().map(m -> {
            Outcome first = done.get(m.id());
            return seen.add(m.id()) ? first : new Outcome(m, false, first.onHandAfter());
        }).toList();
    }
}
