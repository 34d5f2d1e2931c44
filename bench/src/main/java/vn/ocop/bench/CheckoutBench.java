package vn.ocop.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A flash rush on one hot product: N buyers, each signed in once, all start at the same instant and each places
 * {@code orders} orders of one unit through {@code POST /api/v1/orders}, more attempts than there are units.
 * Some answers are "lost": the buyer sends the same request again with the same Idempotency-Key and must get
 * the same order back. The database then says whether anything was oversold or an acknowledged order lost. One table.
 */
final class CheckoutBench {

    private static final String PASSWORD = "bench-password-2026";
    private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final int buyers;
    private final int ordersEach;
    private final int stock;
    private final double retries;
    private final String jfr;
    private final boolean showSql;
    private final Warmup warmup;

    CheckoutBench(Map<String, String> o) {
        this.warmup = Warmup.of(o, "warmup", 1, 60);
        this.jfr = o.get("jfr");
        this.showSql = Boolean.parseBoolean(o.getOrDefault("show-sql", "false"));
        this.buyers = Integer.parseInt(o.getOrDefault("buyers", "200"));
        this.ordersEach = Integer.parseInt(o.getOrDefault("orders", "5"));
        this.stock = Integer.parseInt(o.getOrDefault("stock", "500"));
        this.retries = Double.parseDouble(o.getOrDefault("retries", "0.1"));
    }

    /** What the rush saw from the buyers' side. */
    static final class Tally {
        final Histogram latencyMicros = new ConcurrentHistogram(120_000_000L, 3);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final Set<UUID> acknowledged = new ConcurrentSkipListSet<>();
        final LongAdder retried = new LongAdder();
        final LongAdder retriedSame = new LongAdder();
        final LongAdder failures = new LongAdder();

        long status(int code) {
            LongAdder a = statuses.get(code);
            return a == null ? 0 : a.sum();
        }
    }

    void run() throws Exception {
        // deep reactive stacks: the default 64 frames stop long before the code that started the work
        List<String> jvm = jfr == null ? List.of() : List.of("-XX:FlightRecorderOptions=stackdepth=512");
        try (ShopUnderTest shop = ShopUnderTest.start(jvm); Connection db = shop.database()) {
            if (showSql) {
                showSql(shop, db);
                return;
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            // two products at one showroom: the hot one, and one as much like it to warm the app up on
            Till till = new TillFleet(db, new Random(20261123)).create(1, 1, 2, 2).get(0);
            UUID product = single(db, "select id from product order by id limit 1");
            UUID warmProduct = single(db, "select id from product order by id offset 1 limit 1");
            till.receive(stock);
            SyncClient sync = new SyncClient(shop.url);
            till.drain(sync, 50, Till.Faults.NONE).join();
            if (sync.status("applied") != 2) {
                throw new IllegalStateException("the opening receipt was not applied: " + sync.failures());
            }
            List<Buyer> sessions = ShopBuyers.signIn(http, shop, db, buyers, PASSWORD);
            // the same rush on the other product first (its stock given back after each round): the app's JIT compiler
            // works through its first thousands of requests, which a shop open for more than a minute has long done
            int warmRounds = warmup.run(round -> {
                unreserve(db, warmProduct, till.location);
                rush(http, shop.url, sessions, warmProduct, till.location);
            });
            ProcessCpu cpu = new ProcessCpu(shop);
            if (jfr != null) {
                jcmd(shop, "JFR.start", "name=rush", "settings=profile", "filename=" + Path.of(jfr).toAbsolutePath());
            }
            ProcessCpu.Snapshot before = cpu.snapshot();
            long t0 = System.nanoTime();
            Tally app = rush(http, shop.url, sessions, product, till.location);
            double appSeconds = (System.nanoTime() - t0) / 1e9;
            ProcessCpu.Used appCpu = ProcessCpu.between(before, cpu.snapshot());
            if (jfr != null) {
                jcmd(shop, "JFR.stop", "name=rush");
            }
            Check appCheck = check(db, product, app, false);

            // the same rush straight at the database: stock back to where the app phase found it
            List<CheckoutLimit.Buyer> limitBuyers = CheckoutLimit.buyers(db, sessions.stream().map(b -> b.email).toList());
            Warmup.times(warmRounds, round -> {
                unreserve(db, warmProduct, till.location);
                new CheckoutLimit(shop.databaseUrl(), shop.databaseUser(), warmProduct, till.location, ordersEach, retries).run(limitBuyers);
            });
            unreserve(db, product, till.location);
            CheckoutLimit direct = new CheckoutLimit(shop.databaseUrl(), shop.databaseUser(), product, till.location, ordersEach, retries);
            // the connections are opened before the first snapshot and closed after the last, so their backends' CPU counts
            ProcessCpu.Snapshot[] limitSnapshots = new ProcessCpu.Snapshot[2];
            long[] limitNanos = new long[2];
            Tally limit = direct.run(limitBuyers, () -> {
                limitSnapshots[0] = cpu.snapshot();
                limitNanos[0] = System.nanoTime();
            }, () -> {
                limitNanos[1] = System.nanoTime();
                limitSnapshots[1] = cpu.snapshot();
            });
            double limitSeconds = (limitNanos[1] - limitNanos[0]) / 1e9;
            ProcessCpu.Used limitCpu = ProcessCpu.between(limitSnapshots[0], limitSnapshots[1]);
            Check limitCheck = check(db, product, limit, true);

            System.out.println();
            System.out.printf("Checkout rush via %s: %d buyers signed in, %d orders of 1 unit each, on one product with %d units at one showroom; "
                    + "%.0f%% of requests sent again with the same Idempotency-Key; database limit: the same statements over JDBC, %d connections "
                    + "(the app's pool); each row after %d warm-up round(s) of the same rush on another product (at least %d s of them for the app)%n", shop.url, buyers,
                    ordersEach, stock, retries * 100, CheckoutLimit.APP_POOL, warmRounds, warmup.atLeast().toSeconds());
            System.out.printf("| %-14s | %6s | %8s | %6s | %6s | %7s | %6s | %9s | %7s | %8s | %8s | %6s |%n",
                    "what", "buyers", "requests", "201", "200", "409", "other", "orders/s", "req/s", "p50 ms", "p99 ms", "wall s");
            System.out.println("|----------------|--------|----------|--------|--------|---------|--------|-----------|---------|----------|----------|--------|");
            row("app (HTTP)", app, appSeconds);
            row("database limit", limit, limitSeconds);
            System.out.printf("app ÷ database limit: %.2f of its requests/s, %.2f of its orders/s%n",
                    (app.latencyMicros.getTotalCount() / appSeconds) / (limit.latencyMicros.getTotalCount() / limitSeconds),
                    (app.status(201) / appSeconds) / (limit.status(201) / limitSeconds));
            System.out.println("app (HTTP):");
            print(app, appCheck);
            System.out.println("  " + appCpu.perRequest(app.latencyMicros.getTotalCount()));
            System.out.println("database limit:");
            print(limit, limitCheck);
            System.out.println("  " + limitCpu.perRequest(limit.latencyMicros.getTotalCount()));
            System.out.println("  (oversold = units ordered beyond the stock received; lost = orders acknowledged with 201/200 that are not in the database)");
        }
    }

    private Tally rush(HttpClient http, String shop, List<Buyer> sessions, UUID product, UUID location) throws InterruptedException {
        Tally tally = new Tally();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        for (int b = 0; b < sessions.size(); b++) {
            Buyer buyer = sessions.get(b);
            Random random = new Random(b);
            pool.submit(() -> {
                start.await();
                for (int n = 0; n < ordersEach; n++) {
                    String body = """
                            {"lines":[{"productId":"%s","quantity":1}],
                             "contact":{"name":"Người mua","phone":"0912345678","email":"%s"},
                             "pickupLocationId":"%s","payment":"PAY_AT_PICKUP"}""".formatted(product, buyer.email, location);
                    HttpRequest request = buyer.request(shop + "/api/v1/orders").header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    String first = send(http, request, tally);
                    if (random.nextDouble() < retries) {
                        tally.retried.increment();
                        String again = send(http, request, tally);
                        if (first != null && first.equals(again)) {
                            tally.retriedSame.increment();
                        } else if (first == null && again == null) {
                            tally.retriedSame.increment();
                        }
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return tally;
    }

    /** Sends one checkout and records it; the order id when it was placed (201) or found again (200). */
    private static String send(HttpClient http, HttpRequest request, Tally tally) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            tally.latencyMicros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
            tally.statuses.computeIfAbsent(r.statusCode(), k -> new LongAdder()).increment();
            if (r.statusCode() == 201 || r.statusCode() == 200) {
                Matcher m = ORDER_ID.matcher(r.body());
                if (m.find()) {
                    tally.acknowledged.add(UUID.fromString(m.group(1)));
                    return m.group(1);
                }
            }
            return null;
        } catch (Exception e) {
            tally.failures.increment();
            return null;
        }
    }

    /** The database's word: orders and units, oversold units, acknowledged orders missing, reserved units against ordered. */
    private record Check(long orders, long unitsOrdered, long oversold, long lost, long reserved, long onHand) {
    }

    /** The app's orders, or those of the database limit's phase (keys starting {@code limit:}). */
    private Check check(Connection db, UUID product, Tally tally, boolean limitPhase) throws SQLException {
        long orders;
        long units;
        try (var st = db.prepareStatement("select count(distinct o.id), coalesce(sum(l.quantity), 0) from customer_order o "
                + "join order_line l on l.order_id = o.id where l.product_id = ? and o.status <> 'CANCELLED' and (o.idempotency_key like 'limit:%') = ?")) {
            st.setObject(1, product);
            st.setBoolean(2, limitPhase);
            try (var rs = st.executeQuery()) {
                rs.next();
                orders = rs.getLong(1);
                units = rs.getLong(2);
            }
        }
        long lost;
        try (var st = db.prepareStatement("select count(*) from unnest(?) as ack(id) where not exists (select 1 from customer_order o where o.id = ack.id)")) {
            st.setArray(1, db.createArrayOf("uuid", tally.acknowledged.toArray()));
            try (var rs = st.executeQuery()) {
                rs.next();
                lost = rs.getLong(1);
            }
        }
        long reserved;
        long onHand;
        try (var st = db.prepareStatement("select coalesce(sum(reserved), 0), coalesce(sum(on_hand), 0) from stock where product_id = ?")) {
            st.setObject(1, product);
            try (var rs = st.executeQuery()) {
                rs.next();
                reserved = rs.getLong(1);
                onHand = rs.getLong(2);
            }
        }
        return new Check(orders, units, Math.max(0, units - stock), lost, reserved, onHand);
    }

    private void row(String what, Tally t, double seconds) {
        long requests = t.latencyMicros.getTotalCount();
        long other = requests - t.status(201) - t.status(200) - t.status(409);
        System.out.printf("| %-14s | %6d | %8d | %6d | %6d | %7d | %6d | %9.1f | %7.1f | %8.1f | %8.1f | %6.1f |%n", what, buyers, requests, t.status(201),
                t.status(200), t.status(409), other, t.status(201) / seconds, requests / seconds,
                t.latencyMicros.getValueAtPercentile(50) / 1000.0, t.latencyMicros.getValueAtPercentile(99) / 1000.0, seconds);
    }

    private void print(Tally t, Check c) {
        System.out.printf("  answers by status: %s; failed requests: %d; resent with the same key: %d, same answer: %d%n",
                new java.util.TreeMap<>(t.statuses), t.failures.sum(), t.retried.sum(), t.retriedSame.sum());
        System.out.printf("  database: %d orders for %d units of %d in stock (reserved %d, on hand %d)%n", c.orders(), c.unitsOrdered(), stock,
                c.reserved(), c.onHand());
        System.out.printf("  oversold %d, lost %d%n", c.oversold(), c.lost());
    }

    /** One buyer places one order and sends it again with its key, PostgreSQL logging every statement: what one checkout sends. */
    private void showSql(ShopUnderTest shop, Connection db) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Till till = new TillFleet(db, new Random(20261123)).create(1, 1, 1, 1).get(0);
        UUID product = single(db, "select id from product");
        till.receive(stock);
        till.drain(new SyncClient(shop.url), 50, Till.Faults.NONE).join();
        Buyer buyer = ShopBuyers.signIn(http, shop, db, 1, PASSWORD).get(0);
        Path log = shop.postgresDirectory().resolve("postgres.log");
        try (var st = db.createStatement()) {
            st.execute("alter system set log_statement = 'all'");
            st.execute("select pg_reload_conf()");
        }
        Thread.sleep(1000);
        long from = Files.size(log);
        String body = """
                {"lines":[{"productId":"%s","quantity":1}],
                 "contact":{"name":"Người mua","phone":"0912345678","email":"%s"},
                 "pickupLocationId":"%s","payment":"PAY_AT_PICKUP"}""".formatted(product, buyer.email, till.location);
        HttpRequest request = buyer.request(shop.url + "/api/v1/orders").header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Tally tally = new Tally();
        send(http, request, tally);
        Thread.sleep(1000);
        long between = Files.size(log);
        send(http, request, tally);
        Thread.sleep(1000);
        try (var st = db.createStatement()) {
            st.execute("alter system reset log_statement");
            st.execute("select pg_reload_conf()");
        }
        byte[] all = Files.readAllBytes(log);
        System.out.println("answers: " + new java.util.TreeMap<>(tally.statuses));
        System.out.println("---- one checkout:");
        System.out.println(new String(all, (int) from, (int) (between - from), java.nio.charset.StandardCharsets.UTF_8));
        System.out.println("---- the same request again (same Idempotency-Key):");
        System.out.println(new String(all, (int) between, all.length - (int) between, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Gives the product's reserved units back at the location, directly in the tables (its row and its lots): a phase starts from the stock received. */
    private static void unreserve(Connection db, UUID product, UUID location) throws SQLException {
        for (String table : List.of("stock", "stock_lot")) {
            try (var st = db.prepareStatement("update " + table + " set reserved = 0 where product_id = ? and location_id = ?")) {
                st.setObject(1, product);
                st.setObject(2, location);
                st.executeUpdate();
            }
        }
    }

    /** Runs a diagnostic command in the app's JVM (a flight recording started or stopped). */
    private static void jcmd(ShopUnderTest shop, String... command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(shop.appPid())));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
        System.out.println(out.strip());
    }

    private static UUID single(Connection db, String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
