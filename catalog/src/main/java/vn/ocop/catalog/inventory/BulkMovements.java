package vn.ocop.catalog.inventory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Movement;
import vn.ocop.catalog.inventory.StockLedger.Recorder;

/**
 * A batch of free movements in one statement: every movement inserted at once (a duplicate id is skipped; a sale sent
 * without a price keeps the product's list price), and in the same statement every touched stock row moved by the sum
 * of what was applied to it. One round trip, so a batch holds its stock rows (and its units-sold shards) only from
 * this statement to its commit. Rows are moved in product order, so any two batches take their locks in the same
 * order and never deadlock.
 */
final class BulkMovements {

    /** What the statement did: the ids that were new, and on hand afterwards of each product they moved. */
    record Applied(Set<UUID> ids, Map<UUID, Integer> onHand) {
    }

    private static final String APPLY = """
            with added as (
                insert into stock_movement (id, type, location_id, product_id, producer_id, quantity, on_hand_delta,
                                            reserved_delta, expected, counted, reference, recorded_by, device_id, note, occurred_at,
                                            unit_price_vnd)
                select m.id, m.type, :location, p.id, p.producer_id, m.quantity, m.on_hand, 0, nullif(m.expected, '')::int,
                       nullif(m.counted, '')::int, nullif(m.reference, ''), :by, :device, nullif(m.note, ''), m.at::timestamptz,
                       case when m.type = 'SALE' then coalesce(nullif(m.price, '')::bigint, p.price_vnd) end
                from unnest(:ids::uuid[], :types::text[], :products::uuid[], :quantities::int[], :onHands::int[], :expecteds::text[],
                            :counteds::text[], :references::text[], :notes::text[], :ats::text[], :prices::text[])
                     with ordinality as m(id, type, product, quantity, on_hand, expected, counted, reference, note, at, price, ord)
                join product p on p.id = m.product
                order by m.ord
                on conflict (id) do nothing
                returning id, product_id, on_hand_delta),
            moved as (
                insert into stock (location_id, product_id, on_hand, reserved, updated_at)
                select :location, a.product_id, sum(a.on_hand_delta)::int, 0, clock_timestamp()
                from added a
                group by a.product_id
                order by a.product_id
                on conflict (location_id, product_id) do update
                    set on_hand = stock.on_hand + excluded.on_hand, updated_at = excluded.updated_at
                returning product_id, on_hand)
            select a.id, a.product_id, mv.on_hand from added a join moved mv on mv.product_id = a.product_id""";

    private BulkMovements() {
    }

    /** Inserts the movements (distinct ids, any order) and moves the stock rows by what was new. */
    static Mono<Applied> apply(DatabaseClient db, LocationId location, List<Movement> movements, Recorder recorder) {
        List<Movement> sorted = movements.stream()
                .sorted(Comparator.comparing((Movement m) -> m.product().value()).thenComparing(Movement::id)).toList();
        return db.sql(APPLY)
                .bind("location", location.value())
                .bind("by", recorder.by())
                .bind("device", Parameter.fromOrEmpty(recorder.deviceId(), String.class))
                .bind("ids", sorted.stream().map(Movement::id).toArray(UUID[]::new))
                .bind("types", sorted.stream().map(m -> m.type().name()).toArray(String[]::new))
                .bind("products", sorted.stream().map(m -> m.product().value()).toArray(UUID[]::new))
                .bind("quantities", sorted.stream().map(Movement::quantity).toArray(Integer[]::new))
                .bind("onHands", sorted.stream().map(Movement::onHandDelta).toArray(Integer[]::new))
                .bind("expecteds", sorted.stream().map(m -> text(m.expected())).toArray(String[]::new))
                .bind("counteds", sorted.stream().map(m -> text(m.counted())).toArray(String[]::new))
                .bind("references", sorted.stream().map(m -> text(m.reference())).toArray(String[]::new))
                .bind("notes", sorted.stream().map(m -> text(m.note())).toArray(String[]::new))
                .bind("ats", sorted.stream().map(m -> m.occurredAt().toString()).toArray(String[]::new))
                .bind("prices", sorted.stream().map(m -> text(m.unitPrice() == null ? null : m.unitPrice().dong())).toArray(String[]::new))
                .map((row, md) -> new Object[] {row.get("id", UUID.class), row.get("product_id", UUID.class), row.get("on_hand", Integer.class)})
                .all()
                .collectList()
                .map(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    Map<UUID, Integer> onHand = new HashMap<>();
                    rows.forEach(r -> {
                        ids.add((UUID) r[0]);
                        onHand.put((UUID) r[1], (Integer) r[2]);
                    });
                    return new Applied(ids, onHand);
                });
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
