package vn.ocop.bench;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import vn.ocop.bench.LedgerCheck.Reconciliation;
import vn.ocop.bench.Till.Faults;
import vn.ocop.bench.Till.Shelf;

/**
 * Tills back online: N tills over L outlets receive their goods online, record M sales each while offline, then
 * all reconnect at once and drain their outboxes through the sync endpoint, over a network that loses answers
 * and sends batches twice. The database ledger then says whether any movement was lost or applied twice. The
 * measured reconnect follows {@code --warmups} rounds of the same, and more until {@code --warmup-seconds} have passed
 * (each printed, the first on a cold JVM; {@link Warmup}): a till
 * storm meets a server that has been running, not one whose JIT is still compiling the sync path. Then the same
 * batches' SQL straight at the database ({@link TillDatabaseLimit}) gives the "database limit" row.
 */
final class TillBench {

    private static final int PRODUCTS = 20;
    private static final int PRODUCTS_PER_TILL = 10;
    private static final int RECEIPT_UNITS = 1000;

    private final int tills;
    private final int locations;
    private final int sales;
    private final int batch;
    private final Faults faults;
    private final Warmup warmup;
    private final String jfr;
    private final String statementLog;

    TillBench(Map<String, String> o) {
        this.tills = Integer.parseInt(o.getOrDefault("tills", "50"));
        this.locations = Integer.parseInt(o.getOrDefault("locations", "10"));
        this.sales = Integer.parseInt(o.getOrDefault("sales", "200"));
        this.batch = Integer.parseInt(o.getOrDefault("batch", "50"));
        this.faults = new Faults(Double.parseDouble(o.getOrDefault("lost-answers", "0.2")), Double.parseDouble(o.getOrDefault("duplicates", "0.1")));
        this.warmup = Warmup.of(o, "warmups", 3, 60);
        this.jfr = o.get("jfr");
        this.statementLog = o.get("statement-log");
    }

    /** What the reconnect phase measured. */
    private record Reconnect(SyncClient client, long movements, long batches, double seconds, ProcessCpu.Used cpu) {
        double appliedPerSecond() {
            return client.status("applied") / seconds;
        }
    }

    void run() throws Exception {
        List<String> appOptions = jfr == null ? List.of() : List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        try (ShopUnderTest shop = ShopUnderTest.start(appOptions); Connection db = shop.database()) {
            if (statementLog != null) {
                logStatements(db);
            }
            List<Till> fleet = new TillFleet(db, new Random(20261123)).create(tills, locations, PRODUCTS, PRODUCTS_PER_TILL);
            openingReceipts(shop, fleet);
            warmup.run(w -> {
                fleet.forEach(t -> t.sell(sales));
                Reconnect warm = reconnect(shop, fleet);
                System.out.printf("warm-up %d (not in the table): %.1f applied/s, app CPU %.2f ms per request%n", w + 1, warm.appliedPerSecond(),
                        warm.cpu().app() * 1000 / Math.max(1, warm.client().requests()));
            });
            fleet.forEach(t -> t.sell(sales));
            Reconnect reconnect = reconnect(shop, fleet);
            Reconciliation ledger = new LedgerCheck(db).reconcile(movementIds(fleet), expectedStock(fleet));
            int connections = TillDatabaseLimit.appPoolSize();
            TillDatabaseLimit.Result limit = new TillDatabaseLimit(shop, connections).run(fleet, sales, batch, faults);
            List<UUID> allIds = new java.util.ArrayList<>(movementIds(fleet));
            allIds.addAll(limit.movementIds());
            Map<Shelf, Integer> allStock = expectedStock(fleet);
            limit.stockChange().forEach((shelf, change) -> allStock.merge(shelf, change, Integer::sum));
            Reconciliation afterLimit = new LedgerCheck(db).reconcile(allIds, allStock);
            print(shop, reconnect, ledger);
            printLimit(reconnect, limit, connections, afterLimit);
            if (statementLog != null) {
                java.nio.file.Files.copy(shop.postgresLog(), java.nio.file.Path.of(statementLog), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.println("PostgreSQL log with every statement and its duration: " + statementLog);
            }
        }
    }

    /** Every statement and its duration in PostgreSQL's log, with its backend's pid (to follow one connection's transaction). */
    private static void logStatements(Connection db) throws java.sql.SQLException {
        try (var st = db.createStatement()) {
            st.execute("alter system set log_min_duration_statement = 0");
            st.execute("alter system set log_line_prefix = '%m [%p] '");
            st.execute("select pg_reload_conf()");
        }
    }

    /** Online, before the outage: each till sends its receipts, so that stock starts positive. Nothing goes wrong on purpose. */
    private void openingReceipts(ShopUnderTest shop, List<Till> fleet) {
        fleet.forEach(t -> t.receive(RECEIPT_UNITS));
        SyncClient client = new SyncClient(shop.url);
        drainAll(client, fleet, Faults.NONE);
        long receipts = (long) fleet.size() * PRODUCTS_PER_TILL;
        if (client.status("applied") != receipts) {
            throw new IllegalStateException("opening receipts: " + client.status("applied") + " applied of " + receipts
                    + " (duplicate " + client.status("duplicate") + ", rejected " + client.status("rejected") + ")");
        }
    }

    /** All tills at once, each draining its outbox; timed from the first request to the last answer. */
    private Reconnect reconnect(ShopUnderTest shop, List<Till> fleet) {
        SyncClient client = new SyncClient(shop.url);
        ProcessCpu cpu = new ProcessCpu(shop);
        int batchesBefore = fleet.stream().mapToInt(Till::batches).sum();
        ProcessCpu.Snapshot cpuBefore = cpu.snapshot();
        long t0 = System.nanoTime();
        drainAll(client, fleet, faults);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProcessCpu.Used spent = ProcessCpu.between(cpuBefore, cpu.snapshot());
        int batches = fleet.stream().mapToInt(Till::batches).sum() - batchesBefore;
        return new Reconnect(client, (long) fleet.size() * sales, batches, seconds, spent);
    }

    private void drainAll(SyncClient client, List<Till> fleet, Faults faults) {
        CompletableFuture.allOf(fleet.stream().map(t -> t.drain(client, batch, faults)).toArray(CompletableFuture[]::new)).join();
    }

    private void printLimit(Reconnect app, TillDatabaseLimit.Result limit, int connections, Reconciliation ledger) {
        System.out.println();
        System.out.printf("The same batches' SQL straight at the same database (JDBC, %d connections = the app's R2DBC pool; the same tills' sales "
                + "with fresh ids, the same faults; no HTTP, key check, JSON):%n", connections);
        System.out.printf("| %-14s | %9s | %12s | %9s | %8s | %8s | %6s |%n", "", "movements", "batches sent", "applied/s", "p50 ms", "p99 ms", "wall s");
        System.out.println("|----------------|-----------|--------------|-----------|----------|----------|--------|");
        System.out.printf("| %-14s | %9d | %12d | %9.1f | %8.1f | %8.1f | %6.1f |%n", "app (HTTP)", app.movements(), app.client().requests(),
                app.appliedPerSecond(), app.client().latencyMillis(50), app.client().latencyMillis(99), app.seconds());
        System.out.printf("| %-14s | %9d | %12d | %9.1f | %8.1f | %8.1f | %6.1f |%n", "database limit", limit.movementIds().size(), limit.requests(),
                limit.appliedPerSecond(), limit.latencyMillis(50), limit.latencyMillis(99), limit.seconds());
        System.out.printf("app ÷ limit: %.2f; applied by the limit %d of %d%n", app.appliedPerSecond() / limit.appliedPerSecond(), limit.applied(),
                limit.movementIds().size());
        System.out.printf("database limit, %s%n", limit.cpu().perRequest(limit.requests()));
        System.out.printf("reconciliation after the limit too (database ledger): lost %d, doubled %d (ledger rows %d for %d movements made; "
                + "stock rows whose on_hand is not the sum of their ledger: %d)%n", ledger.lost(), ledger.doubledUnits(), ledger.ledgerRows(),
                ledger.made(), ledger.ledgerNotStock());
    }

    private static List<UUID> movementIds(List<Till> fleet) {
        return fleet.stream().flatMap(t -> t.movementIds().stream()).toList();
    }

    private static Map<Shelf, Integer> expectedStock(List<Till> fleet) {
        Map<Shelf, Integer> stock = new HashMap<>();
        fleet.forEach(t -> t.addExpectedStock(stock));
        return stock;
    }

    private void print(ShopUnderTest shop, Reconnect r, Reconciliation ledger) {
        SyncClient c = r.client();
        System.out.println();
        System.out.printf("Tills reconnecting via %s: %d tills over %d locations, %d sales each, batches of %d, %.0f%% of answers lost, "
                + "%.0f%% of batches sent twice%n", shop.url, tills, locations, sales, batch, faults.lostAnswers() * 100, faults.duplicates() * 100);
        System.out.printf("| %5s | %9s | %7s | %12s | %9s | %8s | %8s | %6s |%n", "tills", "movements", "batches", "batches sent",
                "applied/s", "p50 ms", "p99 ms", "wall s");
        System.out.println("|-------|-----------|---------|--------------|-----------|----------|----------|--------|");
        System.out.printf("| %5d | %9d | %7d | %12d | %9.1f | %8.1f | %8.1f | %6.1f |%n", tills, r.movements(), r.batches(), c.requests(),
                r.appliedPerSecond(), c.latencyMillis(50), c.latencyMillis(99), r.seconds());
        System.out.printf("answers: applied %d, duplicate %d, rejected %d; failed requests (resent): %s%n",
                c.status("applied"), c.status("duplicate"), c.status("rejected"), c.failures().isEmpty() ? "none" : c.failures());
        System.out.println(r.cpu().perRequest(c.requests()));
        System.out.printf("reconciliation (database ledger): lost %d, doubled %d%n", ledger.lost(), ledger.doubledUnits());
        System.out.printf("  (doubled = units by which stock.on_hand differs from the tills' records, over %d stock rows; ledger rows %d for %d "
                + "movements made; stock rows whose on_hand is not the sum of their ledger: %d)%n", ledger.shelves(), ledger.ledgerRows(),
                ledger.made(), ledger.ledgerNotStock());
    }
}
