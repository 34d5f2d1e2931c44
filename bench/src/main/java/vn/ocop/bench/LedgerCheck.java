package vn.ocop.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.ocop.bench.Till.Shelf;

/**
 * The database's word on what the tills sent, read after the run: which movements never reached the ledger, and
 * how far each stock row is from what the tills' own records say it should be.
 */
final class LedgerCheck {

    /**
     * {@code lost}: movement ids made by the tills and absent from {@code stock_movement}. {@code doubledUnits}: the
     * sum over (location, product) of |stock.on_hand − (receipts − sales by the tills' records)|, in units; a movement
     * applied twice shows here (a lost one would too, and is counted in {@code lost}). {@code ledgerRows}: rows in
     * {@code stock_movement}, to compare with {@code made}, the movements the tills made. {@code ledgerNotStock}: stock
     * rows whose on_hand is not the sum of their ledger deltas.
     */
    record Reconciliation(long lost, long doubledUnits, long made, long ledgerRows, long ledgerNotStock, int shelves) {
    }

    private final Connection db;

    LedgerCheck(Connection db) {
        this.db = db;
    }

    Reconciliation reconcile(List<UUID> movementIds, Map<Shelf, Integer> expected) throws SQLException {
        Map<Shelf, Integer> actual = stock();
        Set<Shelf> shelves = new HashSet<>(expected.keySet());
        shelves.addAll(actual.keySet());
        long off = shelves.stream().mapToLong(s -> Math.abs(actual.getOrDefault(s, 0) - expected.getOrDefault(s, 0))).sum();
        return new Reconciliation(lost(movementIds), off, movementIds.size(), count("select count(*) from stock_movement"), count("""
                select count(*) from stock s
                full join (select location_id, product_id, sum(on_hand_delta) as delta from stock_movement group by 1, 2) m
                  on m.location_id = s.location_id and m.product_id = s.product_id
                where coalesce(s.on_hand, 0) <> coalesce(m.delta, 0)"""), shelves.size());
    }

    private long lost(List<UUID> ids) throws SQLException {
        try (var st = db.prepareStatement("select count(*) from unnest(?) as sent(id) where not exists (select 1 from stock_movement m where m.id = sent.id)")) {
            st.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<Shelf, Integer> stock() throws SQLException {
        Map<Shelf, Integer> stock = new HashMap<>();
        try (var rs = db.createStatement().executeQuery("select location_id, product_id, on_hand from stock")) {
            while (rs.next()) {
                stock.put(new Shelf(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), rs.getInt(3));
            }
        }
        return stock;
    }

    private long count(String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
