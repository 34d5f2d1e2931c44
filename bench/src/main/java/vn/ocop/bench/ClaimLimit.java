package vn.ocop.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The database limit of a flash claim made as one transaction per claim: the statements the app sent for one
 * claim before claims were batched per offer (read the offer, the buyer's cart, add the line, touch the cart,
 * the offer's conditional update, the allowance's conditional upsert, the claim, pg_notify, commit), in that
 * order, over JDBC with as many connections as the app's R2DBC pool, on a fresh offer with the same cap. Each
 * buyer claims its claims one after another, as the HTTP buyers do, and waits for a free connection as a
 * request waits for the pool; its latency counts that wait. No HTTP, security or JSON.
 */
final class ClaimLimit {

    /** spring.r2dbc.pool.max-size in storefront's application.properties. */
    static final int APP_POOL = 20;

    private ClaimLimit() {
    }

    /** One row of the claims table: its counts, its time, and the database's word on the cap afterwards. */
    record Row(String name, long requests, long won, long soldOut, long other, double seconds, Histogram latencyMicros, long claimed, long remaining,
               int cap) {
        double perSecond() {
            return requests / seconds;
        }
    }

    static Row onePerClaim(ShopUnderTest shop, Connection admin, UUID product, UUID location, List<UUID> buyers, int claimsEach, int cap)
            throws Exception {
        UUID offer = freshOffer(admin, product, location, cap);
        UUID event = (UUID) rows(admin, "select event_id from flash_offer where id = ?", offer).get(0)[0];
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(APP_POOL);
        for (int i = 0; i < APP_POOL; i++) {
            Connection c = shop.database();
            c.setAutoCommit(false);
            pool.add(c);
        }
        try {
            return press("database limit (one transaction per claim)", buyers, claimsEach, buyer -> {
                Connection c = pool.take();
                try {
                    return claim(c, event, offer, buyer);
                } catch (SQLException e) {
                    c.rollback();
                    return 500;
                } finally {
                    pool.add(c);
                }
            }, admin, offer, cap);
        } finally {
            for (Connection c : pool) {
                c.close();
            }
        }
    }

    /** One buyer's press of "Mua ngay": the answer's status (201 claimed, 409 refused, anything else an error). */
    interface Press<B> {
        int once(B buyer) throws Exception;
    }

    /**
     * Every buyer pressing at once, each {@code claimsEach} times one after another (as a phone waits for its answer
     * before the next press): the latency of each press, the count of each answer, and the database's word on the
     * offer's cap afterwards, as a row of the claims table.
     */
    static <B> Row press(String name, List<B> buyers, int claimsEach, Press<B> press, Connection admin, UUID offer, int cap) throws Exception {
        Histogram latency = new ConcurrentHistogram(120_000_000L, 3);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService buyersPressing = Executors.newFixedThreadPool(buyers.size());
        for (B buyer : buyers) {
            buyersPressing.submit(() -> {
                start.await();
                for (int i = 0; i < claimsEach; i++) {
                    long t0 = System.nanoTime();
                    int status = press.once(buyer);
                    latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                }
                return null;
            });
        }
        long t0 = System.nanoTime();
        start.countDown();
        buyersPressing.shutdown();
        buyersPressing.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long won = statuses.getOrDefault(201, new LongAdder()).sum();
        long soldOut = statuses.getOrDefault(409, new LongAdder()).sum();
        return new Row(name, latency.getTotalCount(), won, soldOut, latency.getTotalCount() - won - soldOut, seconds, latency,
                single(admin, "select coalesce(sum(quantity), 0) from flash_claim where offer_id = '" + offer + "'"),
                single(admin, "select remaining from flash_offer where id = '" + offer + "'"), cap);
    }

    /** An offer of its own, open in a live event of its own, with the cap and the limit per buyer the app's offer has. */
    static UUID freshOffer(Connection admin, UUID product, UUID location, int cap) throws SQLException {
        UUID event = UUID.randomUUID();
        UUID offer = UUID.randomUUID();
        try (var st = admin.createStatement()) {
            st.executeUpdate("insert into live_event (id, producer_id, title, video_url, planned_start, planned_end, status, started_at) "
                    + "select '" + event + "', producer_id, 'Giới hạn của cơ sở dữ liệu', 'https://youtu.be/dQw4w9WgXcQ', now(), now() + interval '2 hours', "
                    + "'LIVE', now() from product where id = '" + product + "'");
            st.executeUpdate("insert into flash_offer (id, event_id, product_id, product_name, location_id, flash_price_vnd, list_price_vnd, cap, remaining, "
                    + "per_buyer, status, opened_at) values ('" + offer + "', '" + event + "', '" + product + "', 'đo giới hạn', '" + location + "', 1000, 2000, "
                    + cap + ", " + cap + ", " + Math.min(99, cap) + ", 'OPEN', now())");
        }
        return offer;
    }

    /** One claim of one unit as the app made it: 201, or 409 (rolled back) when sold out or past the limit. */
    private static int claim(Connection c, UUID event, UUID offer, UUID buyer) throws SQLException {
        List<Object[]> offerRow = rows(c, "select id, event_id, product_id, product_name, location_id, flash_price_vnd, list_price_vnd, cap, remaining, per_buyer, status, "
                + "opened_at from flash_offer where id = ?", offer);
        List<Object[]> cart = rows(c, "select id from cart where account_id = ?", buyer);
        if (cart.isEmpty()) {
            update(c, "insert into cart (id, account_id) values (?, ?) on conflict (account_id) do nothing", UUID.randomUUID(), buyer);
            cart = rows(c, "select id from cart where account_id = ?", buyer);
        }
        UUID cartId = (UUID) cart.get(0)[0];
        if (offerRow.isEmpty()) {
            c.rollback();
            return 404;
        }
        UUID product = (UUID) offerRow.get(0)[2];
        update(c, """
                insert into cart_line (cart_id, product_id, quantity) values (?, ?, least(?, 99))
                on conflict (cart_id, product_id) do update set quantity = least(cart_line.quantity + excluded.quantity, 99)""", cartId, product, 1);
        update(c, "update cart set updated_at = now() where id = ?", cartId);
        List<Object[]> taken = rows(c, """
                update flash_offer o set remaining = remaining - ?
                where o.id = ? and o.event_id = ? and o.status = 'OPEN' and o.remaining >= ?
                  and exists (select 1 from live_event e where e.id = o.event_id and e.status = 'LIVE')
                returning o.remaining, o.per_buyer, o.product_id""", 1, offer, event, 1);
        if (taken.isEmpty()) {
            rows(c, "select o.status, o.remaining, e.status as event_status from flash_offer o join live_event e on e.id = o.event_id "
                    + "where o.id = ? and o.event_id = ?", offer, event);
            c.rollback();
            return 409;
        }
        int perBuyer = ((Number) taken.get(0)[1]).intValue();
        if (update(c, """
                insert into flash_allowance (offer_id, account_id, taken) select ?, ?, ? where ? <= ?
                on conflict (offer_id, account_id) do update set taken = flash_allowance.taken + excluded.taken
                where flash_allowance.taken + excluded.taken <= ?""", offer, buyer, 1, 1, perBuyer, perBuyer) != 1) {
            c.rollback();
            return 409;
        }
        Timestamp now = Timestamp.from(Instant.now());
        rows(c, """
                insert into flash_claim (id, offer_id, account_id, product_id, quantity, status, claimed_at, expires_at)
                select ?, o.id, ?, o.product_id, ?, 'HELD', ?, ? from flash_offer o where o.id = ?
                returning product_id""", UUID.randomUUID(), buyer, 1, now, Timestamp.from(now.toInstant().plusSeconds(600)), offer);
        rows(c, "select pg_notify(?, ?)", "ocop_live", event + ",remaining," + offer + "," + taken.get(0)[0]);
        c.commit();
        return 201;
    }

    private static List<Object[]> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = bind(c.prepareStatement(sql), args); ResultSet rs = st.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = bind(c.prepareStatement(sql), args)) {
            return st.executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
        return st;
    }

    static long single(Connection db, String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
