package vn.ocop.catalog.inventory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Movement;
import vn.ocop.catalog.MovementType;

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

    private static final String INSERT_MOVEMENT = """
            insert into stock_movement (id, type, location_id, product_id, producer_id, quantity, on_hand_delta,
                                        reserved_delta, expected, counted, reference, recorded_by, device_id, note, occurred_at)
            select :id, :type, :location, p.id, p.producer_id, :quantity, :onHand, :reserved, :expected, :counted,
                   :reference, :by, :device, :note, :at
            from product p where p.id = :product
            on conflict (id) do nothing""";
    private static final String ROW = ", updated_at = clock_timestamp() where location_id = :location and product_id = :product and ";
    /** The one definition of "available" (on_hand − reserved) that a reservation or a transfer may take from. */
    private static final Map<MovementType, String> GUARDED = Map.of(
            MovementType.RESERVE, "update stock set reserved = reserved + :q" + ROW + "on_hand - reserved >= :q",
            MovementType.RELEASE, "update stock set reserved = reserved - :q" + ROW + "reserved >= :q",
            MovementType.FULFIL, "update stock set on_hand = on_hand - :q, reserved = reserved - :q" + ROW + "reserved >= :q",
            MovementType.TRANSFER_OUT, "update stock set on_hand = on_hand - :q" + ROW + "on_hand - reserved >= :q");

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

    /** A till batch's outcomes, and the discrepancies flagged on its new sales by movement id. */
    public record Flagged(List<Outcome> outcomes, Map<UUID, List<String>> flags) {
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
            return Mono.just(new Flagged(List.of(), Map.of()));
        }
        return BulkMovements.apply(db, location, List.copyOf(unique.values()), recorder, unsellable)
                .map(applied -> new Flagged(inOrder(movements, unique.values().stream()
                        .map(m -> new Outcome(m, applied.ids().contains(m.id()), applied.onHand().getOrDefault(m.product().value(), 0)))
                        .collect(Collectors.toMap(o -> o.movement().id(), o -> o))), applied.flags()));
    }

    /** Applies one guarded movement; fails with INSUFFICIENT_STOCK (and must then be rolled back) when the stock does not allow it. */
    public Mono<Boolean> guarded(LocationId location, Movement movement, Recorder recorder) {
        String guard = GUARDED.get(movement.type());
        if (guard == null) {
            return Mono.error(new IllegalArgumentException(movement.type() + " is not a guarded movement"));
        }
        return insert(location, movement, recorder)
                .filter(inserted -> inserted)
                .flatMap(inserted -> db.sql(guard)
                        .bind("q", movement.quantity())
                        .bind("location", location.value())
                        .bind("product", movement.product().value())
                        .fetch().rowsUpdated())
                .flatMap(updated -> updated == 1 ? Mono.just(true) : Mono.error(() -> new CatalogException(CatalogErrorCode.INSUFFICIENT_STOCK,
                        movement.type() + " of " + movement.quantity() + " refused: not enough stock at this location")))
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> insert(LocationId location, Movement m, Recorder recorder) {
        return db.sql(INSERT_MOVEMENT)
                .bind("id", m.id())
                .bind("type", m.type().name())
                .bind("location", location.value())
                .bind("product", m.product().value())
                .bind("quantity", m.quantity())
                .bind("onHand", m.onHandDelta())
                .bind("reserved", m.reservedDelta())
                .bind("expected", Parameter.fromOrEmpty(m.expected(), Integer.class))
                .bind("counted", Parameter.fromOrEmpty(m.counted(), Integer.class))
                .bind("reference", Parameter.fromOrEmpty(m.reference(), String.class))
                .bind("by", recorder.by())
                .bind("device", Parameter.fromOrEmpty(recorder.deviceId(), String.class))
                .bind("note", Parameter.fromOrEmpty(m.note(), String.class))
                .bind("at", m.occurredAt())
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
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
