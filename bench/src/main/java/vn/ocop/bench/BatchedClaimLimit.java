package vn.ocop.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The database limit of the app's batched claims: the statements one batch sends (orders' ClaimBatch: lock and
 * read the offer, read the batch's allowances, then carts, allowances, claims, the count and one pg_notify, each
 * one set-wise statement, commit), driven over JDBC by one loop per offer as one app instance drives them (one
 * batch in flight; the claims queued meanwhile form the next, at most 512), the decision made in Java in arrival
 * order. Buyers claim one after another as the HTTP buyers do; a claim's latency runs from its queueing to its
 * batch's commit. No HTTP, security or JSON.
 */
final class BatchedClaimLimit {

    private static final int MAX_BATCH = 512;

    private BatchedClaimLimit() {
    }

    private record Waiting(UUID buyer, CompletableFuture<Integer> status) {
    }

    static ClaimLimit.Row run(ShopUnderTest shop, Connection admin, UUID product, UUID location, List<UUID> buyers, int claimsEach, int cap)
            throws Exception {
        UUID offer = ClaimLimit.freshOffer(admin, product, location, cap);
        LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
        Thread settler = new Thread(() -> settleUntilInterrupted(shop, offer, queue), "batch settler");
        settler.start();
        try {
            return ClaimLimit.press("database limit (the app's batches)", buyers, claimsEach, buyer -> {
                Waiting w = new Waiting(buyer, new CompletableFuture<>());
                queue.add(w);
                return w.status().get();
            }, admin, offer, cap);
        } finally {
            settler.interrupt();
            settler.join();
        }
    }

    private static void settleUntilInterrupted(ShopUnderTest shop, UUID offer, LinkedBlockingQueue<Waiting> queue) {
        try (Connection c = shop.database()) {
            c.setAutoCommit(false);
            while (true) {
                List<Waiting> batch = new ArrayList<>();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                try {
                    settle(c, offer, batch);
                } catch (SQLException e) {
                    c.rollback();
                    batch.forEach(w -> w.status().complete(500));
                }
            }
        } catch (InterruptedException done) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of one unit each: 201 when granted, 409 when sold out, closed or past the limit. */
    private static void settle(Connection c, UUID offer, List<Waiting> batch) throws SQLException {
        Object[] o;
        try (PreparedStatement st = c.prepareStatement("""
                select o.event_id, o.product_id, o.status, o.remaining, o.per_buyer, e.status as event_status
                from flash_offer o join live_event e on e.id = o.event_id where o.id = ? for update of o""")) {
            st.setObject(1, offer);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                o = new Object[] {rs.getObject(1), rs.getObject(2), "OPEN".equals(rs.getString(3)) && "LIVE".equals(rs.getString(6)), rs.getInt(4), rs.getInt(5)};
            }
        }
        UUID event = (UUID) o[0];
        UUID product = (UUID) o[1];
        int remaining = (Integer) o[3];
        int perBuyer = (Integer) o[4];
        Map<UUID, Integer> taken = new HashMap<>();
        if ((Boolean) o[2] && remaining > 0) {
            try (PreparedStatement st = c.prepareStatement("select account_id, taken from flash_allowance where offer_id = ? and account_id = any(?)")) {
                st.setObject(1, offer);
                st.setArray(2, c.createArrayOf("uuid", batch.stream().map(Waiting::buyer).distinct().toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        taken.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    }
                }
            }
        }
        Map<UUID, Integer> added = new TreeMap<>();
        List<Integer> answers = new ArrayList<>();
        List<UUID> winners = new ArrayList<>();
        for (Waiting w : batch) {
            int has = taken.getOrDefault(w.buyer(), 0) + added.getOrDefault(w.buyer(), 0);
            boolean granted = (Boolean) o[2] && remaining >= 1 && has + 1 <= perBuyer;
            if (granted) {
                remaining--;
                added.merge(w.buyer(), 1, Integer::sum);
                winners.add(w.buyer());
            }
            answers.add(granted ? 201 : 409);
        }
        if (!winners.isEmpty()) {
            write(c, offer, event, product, added, winners, remaining, perBuyer);
        }
        c.commit();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).status().complete(answers.get(i));
        }
    }

    private static void write(Connection c, UUID offer, UUID event, UUID product, Map<UUID, Integer> added, List<UUID> winners, int remaining, int perBuyer)
            throws SQLException {
        java.sql.Array accounts = c.createArrayOf("uuid", added.keySet().toArray());
        java.sql.Array quantities = c.createArrayOf("int4", added.values().toArray());
        update(c, """
                with carts as (
                    insert into cart (id, account_id) select gen_random_uuid(), a from unnest(?::uuid[]) a
                    on conflict (account_id) do update set updated_at = now()
                    returning id, account_id)
                insert into cart_line (cart_id, product_id, quantity)
                select c.id, ?, least(t.q, 99) from unnest(?::uuid[], ?::int[]) t(account_id, q) join carts c using (account_id)
                on conflict (cart_id, product_id) do update set quantity = least(cart_line.quantity + excluded.quantity, 99)""",
                accounts, product, accounts, quantities);
        int allowed = update(c, """
                insert into flash_allowance (offer_id, account_id, taken) select ?, t.a, t.q from unnest(?::uuid[], ?::int[]) t(a, q)
                where t.q <= ?
                on conflict (offer_id, account_id) do update set taken = flash_allowance.taken + excluded.taken
                where flash_allowance.taken + excluded.taken <= ?""", offer, accounts, quantities, perBuyer, perBuyer);
        if (allowed != added.size()) {
            throw new SQLException("allowances changed under the offer's lock");
        }
        Timestamp now = Timestamp.from(Instant.now());
        update(c, """
                insert into flash_claim (id, offer_id, account_id, product_id, quantity, status, claimed_at, expires_at)
                select t.id, ?, t.a, ?, t.q, 'HELD', ?, ? from unnest(?::uuid[], ?::uuid[], ?::int[]) t(id, a, q)""",
                offer, product, now, Timestamp.from(now.toInstant().plusSeconds(600)),
                c.createArrayOf("uuid", winners.stream().map(w -> UUID.randomUUID()).toArray()), c.createArrayOf("uuid", winners.toArray()),
                c.createArrayOf("int4", winners.stream().map(w -> 1).toArray()));
        update(c, "update flash_offer set remaining = remaining - ? where id = ?", winners.size(), offer);
        try (PreparedStatement st = c.prepareStatement("select pg_notify(?, ?)")) {
            st.setString(1, "ocop_live");
            st.setString(2, event + ",remaining," + offer + "," + remaining);
            st.executeQuery().close();
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        }
    }
}
