package vn.ocop.catalog.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Movement;
import vn.ocop.catalog.inventory.StockLedger.Recorder;

/**
 * A batch of free movements in two statements: every movement inserted at once (a duplicate id is skipped; a sale
 * sent without a price keeps the product's list price),
 * then every touched stock row moved by the sum of what was applied to it. Both go in product order, so any
 * two batches take their locks in the same order and never deadlock.
 */
final class BulkMovements {

    private static final String INSERT = """
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
            returning id""";
    private static final String ADD = """
            insert into stock (location_id, product_id, on_hand, reserved, updated_at)
            select :location, d.product, d.delta, 0, clock_timestamp()
            from unnest(:products::uuid[], :deltas::int[]) with ordinality as d(product, delta, ord)
            order by d.ord
            on conflict (location_id, product_id) do update
                set on_hand = stock.on_hand + excluded.on_hand, updated_at = excluded.updated_at
            returning product_id, on_hand""";

    private BulkMovements() {
    }

    /** Inserts the movements (distinct ids, any order); answers the ids that were new. */
    static Mono<Set<UUID>> insert(DatabaseClient db, LocationId location, List<Movement> movements, Recorder recorder) {
        List<Movement> sorted = movements.stream()
                .sorted(Comparator.comparing((Movement m) -> m.product().value()).thenComparing(Movement::id)).toList();
        return db.sql(INSERT)
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
                .map((row, md) -> row.get("id", UUID.class))
                .all()
                .collect(Collectors.toSet());
    }

    /** Adds each product's delta to its stock row (made if missing); answers on hand afterwards per product. */
    static Mono<Map<UUID, Integer>> add(DatabaseClient db, LocationId location, Map<UUID, Integer> deltas) {
        Map<UUID, Integer> ordered = new TreeMap<>(deltas);
        if (ordered.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql(ADD)
                .bind("location", location.value())
                .bind("products", ordered.keySet().toArray(UUID[]::new))
                .bind("deltas", ordered.values().toArray(Integer[]::new))
                .map((row, md) -> Map.entry(row.get("product_id", UUID.class), row.get("on_hand", Integer.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
