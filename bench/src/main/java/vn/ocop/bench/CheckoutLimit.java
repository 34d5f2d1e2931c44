package vn.ocop.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The "database limit" row of {@code bench checkout}: the SQL the app sends for one checkout, statement for statement
 * and in the same order, sent straight to the same database over JDBC by the same buyers (same accounts, same
 * sessions' rows, same product and location, stock reset to the same units, the same share resent with the same key),
 * through as many connections as the app's R2DBC pool ({@code spring.r2dbc.pool.max-size=20}). No HTTP, no security
 * filters, no JSON, no Java objects for sessions: what is left is PostgreSQL's own work and the round trips.
 *
 * <p>The statements were read from PostgreSQL's log ({@code log_statement = 'all'}) while the app placed one order
 * and answered the same request again; {@code bench checkout --show-sql true} prints them again, so this class can be
 * held to what the app sends after any change. They are, for one checkout:
 * <ol>
 * <li>the session's row by the SHA-256 of its id, joined with the account it signs in ({@code PostgresSessions.findById};
 * {@code EnabledAccountsOnly} takes that account), only when the app holds no copy of it in memory ({@code SessionCache}):
 * a buyer's first checkout, and the first after each write of its last access,</li>
 * <li>an order already placed with this Idempotency-Key ({@code Checkout.existing}); when found, its lines and its
 * history and its recall notices ({@code RecallNotices.on}), the session's last access (at most once a minute), and the
 * answer is 200;</li>
 * <li>in one transaction: the pickup outlet ({@code Destinations}), the product's offer and sellability with its stock
 * levels, one statement ({@code Allocator}, {@code StockQueries.stockedOffers}), the buyer's held flash claims
 * ({@code FlashPricing}; none available at the outlet: rolled back, 409), the order with its fulfilment, line and first
 * history row in one statement ({@code OrderRows.insert}), the RESERVE movement with the conditional update of the
 * stock row in one statement, split over lots by its trigger ({@code StockLedger.guarded}; no row updated: rolled back,
 * 409), commit (a new order's answer reads no recall notices: none can have reached it yet);</li>
 * <li>the session's last access ({@code PostgresSessions.save}), at most once a minute per session.</li>
 * </ol>
 */
final class CheckoutLimit {

    /** The app's R2DBC pool: {@code spring.r2dbc.pool.max-size} in storefront's application.properties. */
    static final int APP_POOL = 20;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final String SESSION = "select s.created_at, s.last_accessed_at, s.max_idle_seconds, s.attributes, a.id, a.email, a.password_hash, "
            + "a.display_name, a.role, a.producer_id, a.location_id, a.enabled, a.producer_owner, a.council_scope, a.phone "
            + "from web_session s left join account a on a.email = lower(trim(s.account_email)) where s.id_hash = ? and s.expires_at > ?";
    static final String BY_KEY = """
            select o.id, o.code, o.account_id, o.status, o.payment_method, o.contact_name, o.contact_phone, o.contact_email,
            o.province_code, o.commune_code, o.street, o.pickup_location_id, o.pickup_code, o.pickup_deadline,
            o.placed_at, o.request_hash, o.paid_at, o.dispute_id, o.dispute_reason, o.dispute_status, o.disputed_at from customer_order o \
            where o.account_id = ? and o.idempotency_key = ?""";
    static final String HISTORY = "select seq, at, fulfilment_id, kind, actor_kind, actor, reason, line_no from order_event where order_id = ? order by seq";
    /** {@code RecallNotices.on}: what the answer for an order found by its key says of recalled lots. */
    static final String RECALL_NOTICES = """
            select n.order_id, n.lot_id, n.product_id, n.product_name, n.lot_code, n.reason, n.recalled_at, n.received, n.swapped, n.cancelled \
            from order_recall_notice n where n.order_id = ? order by n.recalled_at desc, n.lot_code""";
    static final String LINES = """
            select l.line_no, l.product_id, l.product_name, l.unit_price_vnd, l.quantity, l.reserve_movement_id, l.cancel_reason,
                   f.id as fulfilment_id, f.location_id, f.producer_id, f.status, f.shipping_vnd, f.weight_g,
                   f.delivery_min_days, f.delivery_max_days, f.taken_method, f.taken_vnd, f.taken_at, f.taken_by_kind, f.taken_by
            from order_line l join fulfilment f on f.id = l.fulfilment_id where l.order_id = ? order by l.line_no""";
    /** The pickup outlet ({@code Destinations}); {@code Parcels} uses the row read, not a second read. */
    static final String LOCATION = "select id, kind, name, province, address, latitude, longitude, opening_hours, pickup_allowed, producer_id from location where id = ?";
    /** {@code StockQueries.stockedOffers}: the product's offer with its stock row at every location, one statement. */
    static final String OFFERS = """
            with o as (
                select p.id, p.name, p.producer_id, p.price_vnd, (r.product_id is not null) as sellable, p.shipping_weight_g
                from product p left join sellable_ranking(?) r on r.product_id = p.id
                where p.id = any(?)),
            l as (
                select o.*, s.location_id, s.on_hand, s.reserved,
                       case when s.location_id is not null then greatest(0, least(s.on_hand - s.reserved, coalesce((
                                       select sum(greatest(0, avail_sl.on_hand - avail_sl.reserved))
                                       from stock_lot avail_sl join lot avail_lot on avail_lot.id = avail_sl.lot_id
                                       where avail_sl.location_id = s.location_id and avail_sl.product_id = s.product_id
                                         and lot_usable(avail_lot.recalled_at, avail_lot.use_by, catalog_today())), 0))) end as level_available
                from o left join stock s on s.product_id = o.id)
            select l.*, greatest(0, coalesce(max(l.level_available) over w, 0)) as most,
                   coalesce(sum(l.level_available) over w, 0)::int as available
            from l
            window w as (partition by l.id)
            order by l.id, l.location_id""";
    static final String FLASH_HELD = """
            select c.id, c.offer_id, c.product_id, c.quantity, o.flash_price_vnd, o.location_id, e.producer_id, o.product_name
            from flash_claim c join flash_offer o on o.id = c.offer_id join live_event e on e.id = o.event_id
            where c.account_id = ? and c.status = 'HELD' and c.expires_at > ? and o.status = 'OPEN' and e.status = 'LIVE'
              and c.product_id = any(?)
            order by c.claimed_at""";
    /** {@code OrderRows.insert}: the order, its fulfilment, its line and its first history row in one statement (one of each here). */
    static final String INSERT_ORDER = """
            with placed as (
                insert into customer_order (id, code, account_id, status, payment_method, contact_name, contact_phone,
                    contact_email, province_code, commune_code, street, pickup_location_id, pickup_code, pickup_deadline,
                    total_vnd, shipping_vnd, idempotency_key, request_hash, placed_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?)),
            parcels as (
                insert into fulfilment (id, order_id, location_id, producer_id, status, updated_at, shipping_vnd, weight_g,
                    delivery_min_days, delivery_max_days)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)),
            lines as (
                insert into order_line (order_id, line_no, fulfilment_id, product_id, product_name, unit_price_vnd, quantity, reserve_movement_id)
                values (?, ?, ?, ?, ?, ?, ?, ?))
            insert into order_event (order_id, seq, at, fulfilment_id, kind, actor_kind, actor, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    /**
     * {@code StockLedger.guarded}: the RESERVE movement and the conditional update of the stock row in one statement; the
     * lots trigger splits it over lots (earliest use-by first) at the statement's end.
     */
    static final String RESERVE = """
            with added as (
                insert into stock_movement (id, type, location_id, product_id, producer_id, quantity, on_hand_delta,
                                            reserved_delta, expected, counted, reference, recorded_by, device_id, note, occurred_at, lot_code)
                select ?, ?, ?, p.id, p.producer_id, ?, ?, ?, null, null,
                       ?, ?, ?, ?, ?, ?
                from product p where p.id = ?
                on conflict (id) do nothing
                returning id),
            moved as (
                update stock set reserved = reserved + ?, updated_at = clock_timestamp()
                where location_id = ? and product_id = ? and on_hand - reserved >= ? and exists (select 1 from added)
                returning 1)
            select (select count(*) from added) as added, (select count(*) from moved) as moved""";
    static final String TOUCH_SESSION = "update web_session set id_hash = ?, last_accessed_at = ?, max_idle_seconds = ?, expires_at = ? where id_hash = ?";

    /** A buyer as the database knows it: account, e-mail, the stored session's key. */
    record Buyer(UUID account, String email, byte[] sessionHash) {
    }

    /** What one checkout answered: 201 placed, 200 found again by its key, 409 not enough stock. */
    enum Answer { PLACED, FOUND, REFUSED }

    private final String jdbcUrl;
    private final String user;
    private final UUID product;
    private final UUID location;
    private final int ordersEach;
    private final double retries;

    CheckoutLimit(String jdbcUrl, String user, UUID product, UUID location, int ordersEach, double retries) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.product = product;
        this.location = location;
        this.ordersEach = ordersEach;
        this.retries = retries;
    }

    /** The buyers' accounts and signed-in sessions, as the app phase left them (one session per account). */
    static List<Buyer> buyers(Connection db, List<String> emails) throws SQLException {
        List<Buyer> buyers = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("""
                select a.id, a.email, (select s.id_hash from web_session s where position(convert_to(a.email, 'UTF8') in s.attributes) > 0
                                       order by s.last_accessed_at desc limit 1)
                from account a where a.email = ?""")) {
            for (String email : emails) {
                st.setString(1, email);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next() || rs.getBytes(3) == null) {
                        throw new IllegalStateException("no account or session for " + email);
                    }
                    buyers.add(new Buyer(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        return buyers;
    }

    /**
     * Runs the rush straight at the database: each buyer places {@code ordersEach} orders of one unit, a share sent
     * again with the same key (the same draws as the app phase), all buyers starting at once. Keys start with
     * {@code limit:} so the check can tell these orders from the app's.
     */
    CheckoutBench.Tally run(List<Buyer> buyers) throws Exception {
        return run(buyers, () -> { }, () -> { });
    }

    /**
     * As {@link #run(List)}, {@code atStart} run once the connections are open, just before the buyers start, and
     * {@code atEnd} once the rush is over, before the connections close (CPU snapshots, the clock).
     */
    CheckoutBench.Tally run(List<Buyer> buyers, Runnable atStart, Runnable atEnd) throws Exception {
        // fair: a waiting checkout gets the next free connection in turn, as from the app's pool
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(APP_POOL, true);
        for (int i = 0; i < APP_POOL; i++) {
            pool.add(DriverManager.getConnection(jdbcUrl, user, ""));
        }
        CheckoutBench.Tally tally = new CheckoutBench.Tally();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(buyers.size());
        try {
            for (int b = 0; b < buyers.size(); b++) {
                Buyer buyer = buyers.get(b);
                Random random = new Random(b);
                threads.submit(() -> {
                    start.await();
                    for (int n = 0; n < ordersEach; n++) {
                        String key = "limit:" + UUID.randomUUID();
                        Answer first = timed(pool, buyer, key, tally);
                        if (random.nextDouble() < retries) {
                            tally.retried.increment();
                            Answer again = timed(pool, buyer, key, tally);
                            if (first == Answer.REFUSED ? again == Answer.REFUSED : again == Answer.FOUND) {
                                tally.retriedSame.increment();
                            }
                        }
                    }
                    return null;
                });
            }
            atStart.run();
            start.countDown();
            threads.shutdown();
            threads.awaitTermination(30, TimeUnit.MINUTES);
            atEnd.run();
        } finally {
            for (Connection c : pool) {
                c.close();
            }
        }
        return tally;
    }

    private Answer timed(BlockingQueue<Connection> pool, Buyer buyer, String key, CheckoutBench.Tally tally) throws InterruptedException {
        long t0 = System.nanoTime();
        Connection c = pool.take();
        try {
            Answer a = checkout(c, buyer, key, tally);
            tally.latencyMicros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
            tally.statuses.computeIfAbsent(a == Answer.PLACED ? 201 : a == Answer.FOUND ? 200 : 409, k -> new java.util.concurrent.atomic.LongAdder()).increment();
            return a;
        } catch (SQLException e) {
            tally.failures.increment();
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is reused as it is
            }
            return null;
        } finally {
            pool.put(c);
        }
    }

    /** One checkout: the statements the app sends, in its order (see the class comment). */
    private Answer checkout(Connection c, Buyer buyer, String key, CheckoutBench.Tally tally) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (KEPT.add(buyer.account())) {
            try (PreparedStatement st = c.prepareStatement(SESSION)) {
                st.setBytes(1, buyer.sessionHash());
                st.setObject(2, now);
                drain(st);
            }
        }
        UUID existing = null;
        try (PreparedStatement st = c.prepareStatement(BY_KEY)) {
            st.setObject(1, buyer.account());
            st.setString(2, key);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getObject(1, UUID.class);
                }
            }
        }
        if (existing != null) {
            tally.acknowledged.add(existing);
            // the app reads these two at once, on two connections; here one after the other, lines first as its log shows
            byOrder(c, LINES, existing);
            byOrder(c, HISTORY, existing);
            byOrder(c, RECALL_NOTICES, existing);
            touch(c, buyer, now);
            return Answer.FOUND;
        }
        Answer answer = placed(c, buyer, key, now, tally);
        touch(c, buyer, now);
        return answer;
    }

    private Answer placed(Connection c, Buyer buyer, String key, OffsetDateTime now, CheckoutBench.Tally tally) throws SQLException {
        LocalDate today = LocalDate.now(VIETNAM);
        c.setAutoCommit(false);
        try {
            byId(c, LOCATION, location);
            boolean available = false;
            String name = null;
            UUID producer = null;
            long price = 0;
            int grams = 0;
            try (PreparedStatement st = c.prepareStatement(OFFERS)) {
                st.setObject(1, today);
                st.setArray(2, c.createArrayOf("uuid", new Object[] {product}));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        name = rs.getString("name");
                        producer = rs.getObject("producer_id", UUID.class);
                        price = rs.getLong("price_vnd");
                        grams = rs.getInt("shipping_weight_g");
                        available |= location.equals(rs.getObject("location_id", UUID.class)) && rs.getInt("level_available") >= 1;
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(FLASH_HELD)) {
                st.setObject(1, buyer.account());
                st.setObject(2, now);
                st.setArray(3, c.createArrayOf("uuid", new Object[] {product}));
                drain(st);
            }
            if (!available) {
                c.rollback();
                return Answer.REFUSED;
            }
            UUID order = UUID.randomUUID();
            UUID fulfilment = UUID.randomUUID();
            UUID movement = UUID.randomUUID();
            try (PreparedStatement st = c.prepareStatement(INSERT_ORDER)) {
                set(st, order, "OCOP-" + code(8), buyer.account(), "PLACED", "PAY_AT_PICKUP", "Người mua", "0912345678", buyer.email(),
                        null, null, null, location, code(6), now.plusDays(3), price, 0L, key, "limit", now, now,
                        fulfilment, order, location, producer, "PLACED", now, 0L, grams, null, null,
                        order, 1, fulfilment, product, name, price, 1, movement,
                        order, 1, now, null, "PLACED", "SHOPPER", buyer.account().toString(), null);
                st.executeUpdate();
            }
            int reserved;
            try (PreparedStatement st = c.prepareStatement(RESERVE)) {
                set(st, movement, "RESERVE", location, 1, 0, 1, "order:" + order, "checkout", null, null, now, null, product,
                        1, location, product, 1);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    reserved = rs.getInt("moved");
                }
            } catch (SQLException e) {
                // the lots trigger's word that usable lots cannot cover it (StockLedger maps it to INSUFFICIENT_STOCK, a 409)
                if (!"OC409".equals(e.getSQLState())) {
                    throw e;
                }
                reserved = 0;
            }
            if (reserved != 1) {
                c.rollback();
                return Answer.REFUSED;
            }
            c.commit();
            c.setAutoCommit(true);
            tally.acknowledged.add(order);
            return Answer.PLACED;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The buyers whose session the app would hold in memory: read once, and again after each write of its last access. */
    private static final java.util.Set<UUID> KEPT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** When each buyer's session row was last written: the app writes it at most once a minute ({@code PostgresSessions.TOUCH_EVERY}). */
    private static final java.util.Map<UUID, OffsetDateTime> TOUCHED = new java.util.concurrent.ConcurrentHashMap<>();

    private static void touch(Connection c, Buyer buyer, OffsetDateTime now) throws SQLException {
        OffsetDateTime last = TOUCHED.get(buyer.account());
        if (last != null && now.isBefore(last.plusMinutes(1))) {
            return;
        }
        TOUCHED.put(buyer.account(), now);
        try (PreparedStatement st = c.prepareStatement(TOUCH_SESSION)) {
            set(st, buyer.sessionHash(), now, 1800, now.plusMinutes(30), buyer.sessionHash());
            st.executeUpdate();
        }
        KEPT.remove(buyer.account()); // the app drops its copy after writing the row
    }

    private static void byOrder(Connection c, String sql, UUID order) throws SQLException {
        byId(c, sql, order);
    }

    private static void byId(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, id);
            drain(st);
        }
    }

    private static void drain(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    private static void set(PreparedStatement st, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                st.setNull(i + 1, java.sql.Types.OTHER);
            } else {
                st.setObject(i + 1, values[i]);
            }
        }
    }

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static String code(int length) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
