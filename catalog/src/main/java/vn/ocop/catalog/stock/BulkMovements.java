package vn.ocop.catalog.stock;

import java.util.ArrayList;
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
import vn.ocop.catalog.stock.StockLedger.Recorder;

/**
 * A batch of free movements in one statement: every movement inserted at once (a duplicate id is skipped; a sale sent
 * without a price keeps the product's list price), and in the same statement every touched stock row moved by the sum
 * of what was applied to it. One round trip, so a batch holds its stock rows (and its units-sold shards) only from
 * this statement to its commit. Rows are moved in product order, so any two batches take their locks in the same
 * order and never deadlock. Each new movement is split over lots by the {@code stock_movement_lots} trigger at the end
 * of the statement (after the product's row is locked, as every path that moves stock does), and lots named for the
 * first time are created first.
 */
final class BulkMovements {

    /**
     * What the statement did: the ids that were new, on hand afterwards of each product they moved, the
     * discrepancies flagged on new sales (by movement id; none for most) and the new sales as the money ledger records them.
     */
    record Applied(Set<UUID> ids, Map<UUID, Integer> onHand, Map<UUID, List<String>> flags, List<TillSale> sales) {
    }

    private static final String APPLY = """
            with lots as (
                -- a lot named for the first time: a receipt brings it with its dates; a till's sale or count of a lot the
                -- server has not heard of yet keeps its code, with unknown dates (a sale is never refused)
                insert into lot (id, product_id, producer_id, code, produced_on, use_by, created_by)
                select distinct on (p.id, m.code) gen_random_uuid(), p.id, p.producer_id, m.code, nullif(m.produced, '')::date,
                       nullif(m.use_by, '')::date, :by
                from unnest(:products::uuid[], :types::text[], :lotCodes::text[], :producedOns::text[], :useBys::text[])
                     as m(product, type, code, produced, use_by)
                join product p on p.id = m.product
                where m.code <> ''
                order by p.id, m.code, (m.type = 'RECEIPT') desc
                on conflict (product_id, code) do nothing
                returning product_id, code),
            added as (
                insert into stock_movement (id, type, location_id, product_id, producer_id, quantity, on_hand_delta,
                                            reserved_delta, expected, counted, reference, recorded_by, device_id, note, occurred_at,
                                            unit_price_vnd, lot_code)
                select m.id, m.type, :location, p.id, p.producer_id, m.quantity, m.on_hand, 0, nullif(m.expected, '')::int,
                       nullif(m.counted, '')::int, nullif(m.reference, ''), :by, :device, nullif(m.note, ''), m.at::timestamptz,
                       case when m.type = 'SALE' then coalesce(nullif(m.price, '')::bigint, p.price_vnd) end, nullif(m.lot, '')
                from unnest(:ids::uuid[], :types::text[], :products::uuid[], :quantities::int[], :onHands::int[], :expecteds::text[],
                            :counteds::text[], :references::text[], :notes::text[], :ats::text[], :prices::text[], :lotCodes::text[])
                     with ordinality as m(id, type, product, quantity, on_hand, expected, counted, reference, note, at, price, lot, ord)
                join product p on p.id = m.product
                order by m.ord
                on conflict (id) do nothing
                returning id, type, product_id, producer_id, quantity, on_hand_delta, lot_code, unit_price_vnd, occurred_at, applied_at),
            moved as (
                insert into stock (location_id, product_id, on_hand, reserved, updated_at)
                select :location, a.product_id, sum(a.on_hand_delta)::int, 0, clock_timestamp()
                from added a
                group by a.product_id
                order by a.product_id
                on conflict (location_id, product_id) do update
                    set on_hand = stock.on_hand + excluded.on_hand, updated_at = excluded.updated_at
                returning product_id, on_hand),
            -- a sale is never refused: one that drove the stock below zero, sold what was not on sale that day or named a
            -- lot the server had never heard of (a typo at the till, or goods received without their lot) is applied and
            -- flagged for staff (the discrepancies page), once per reason
            flagged as (
                insert into stock_discrepancy (id, movement_id, location_id, product_id, reason, on_hand_after)
                select gen_random_uuid(), a.id, :location, a.product_id, r.reason, mv.on_hand
                from added a
                join moved mv on mv.product_id = a.product_id
                join unnest(:ids::uuid[], :unsellables::bool[]) as u(id, unsellable) on u.id = a.id
                cross join lateral (values ('NEGATIVE_STOCK', mv.on_hand < 0), ('NOT_SELLABLE', u.unsellable),
                                           ('UNKNOWN_LOT', a.lot_code is not null
                                                and exists (select 1 from lots nl where nl.product_id = a.product_id and upper(nl.code) = upper(a.lot_code))
                                                and not exists (select 1 from unnest(:products::uuid[], :types::text[], :lotCodes::text[]) as rc(product, type, code)
                                                                where rc.product = a.product_id and rc.type = 'RECEIPT' and upper(rc.code) = upper(a.lot_code))))
                    as r(reason, applies)
                where a.type = 'SALE' and r.applies
                order by a.id, r.reason
                on conflict (movement_id, reason) do nothing
                returning movement_id, reason)
            -- with each new sale as the money ledger records it (what it was, where, whose, at what price, when)
            select a.id, a.product_id, mv.on_hand, array(select f.reason from flagged f where f.movement_id = a.id order by f.reason) as flags,
                   a.type, a.producer_id, p.name, p.ocop_group, a.quantity, a.unit_price_vnd, a.occurred_at, a.applied_at,
                   l.id as location_id, l.kind as location_kind
            from added a join moved mv on mv.product_id = a.product_id join product p on p.id = a.product_id
            join location l on l.id = :location""";

    private BulkMovements() {
    }

    /**
     * Inserts the movements (distinct ids, any order), moves the stock rows by what was new and flags the new sales
     * that drove stock below zero or whose id is in {@code unsellable}. Atomic on its own: outside a transaction it
     * holds its rows for no longer than it runs.
     */
    static Mono<Applied> apply(DatabaseClient db, LocationId location, List<Movement> movements, Recorder recorder, Set<UUID> unsellable) {
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
                .bind("lotCodes", sorted.stream().map(m -> m.lot() == null ? "" : m.lot().code()).toArray(String[]::new))
                .bind("producedOns", sorted.stream().map(m -> text(m.lot() == null ? null : m.lot().producedOn())).toArray(String[]::new))
                .bind("useBys", sorted.stream().map(m -> text(m.lot() == null ? null : m.lot().useBy())).toArray(String[]::new))
                .bind("unsellables", sorted.stream().map(m -> unsellable.contains(m.id())).toArray(Boolean[]::new))
                .map((row, md) -> new Row(row.get("id", UUID.class), row.get("product_id", UUID.class), row.get("on_hand", Integer.class),
                        row.get("flags", String[].class), "SALE".equals(row.get("type", String.class)) ? SaleRows.sale(row) : null))
                .all()
                .collectList()
                .map(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    Map<UUID, Integer> onHand = new HashMap<>();
                    Map<UUID, List<String>> flags = new HashMap<>();
                    List<TillSale> sales = new ArrayList<>();
                    rows.forEach(r -> {
                        ids.add(r.id());
                        onHand.put(r.product(), r.onHand());
                        if (r.flags() != null && r.flags().length > 0) {
                            flags.put(r.id(), List.of(r.flags()));
                        }
                        if (r.sold() != null) {
                            sales.add(r.sold());
                        }
                    });
                    return new Applied(ids, onHand, flags, sales);
                });
    }

    private record Row(UUID id, UUID product, int onHand, String[] flags, TillSale sold) {
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
