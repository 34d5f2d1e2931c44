package vn.ocop.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import vn.ocop.bench.SyncClient.MovementJson;
import vn.ocop.bench.Till.Faults;
import vn.ocop.bench.Till.Shelf;

/**
 * The "database limit" row: the same tills' sales again (fresh movement ids, so they apply), sent as the app would
 * send each batch's SQL ({@link TillBatchSql}) straight at the same database over JDBC, with as many connections as
 * the app's R2DBC pool, and the same faults (batches sent twice at once, answers "not heard" and the batch resent).
 * No HTTP, no key check in Java, no JSON: what PostgreSQL alone allows on this machine for this workload.
 */
final class TillDatabaseLimit {

    /** What the run did: movements applied, requests (batches sent), time, CPU, and what the ledger must now hold. */
    record Result(long applied, long requests, double seconds, ProcessCpu.Used cpu, List<UUID> movementIds, Map<Shelf, Integer> stockChange,
                  org.HdrHistogram.Histogram latencyMicros) {
        double latencyMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double appliedPerSecond() {
            return applied / seconds;
        }
    }

    private final ShopUnderTest shop;
    private final int connections;
    private final org.HdrHistogram.Histogram latencyMicros = new org.HdrHistogram.ConcurrentHistogram(120_000_000L, 3);

    TillDatabaseLimit(ShopUnderTest shop, int connections) {
        this.shop = shop;
        this.connections = connections;
    }

    /** The app's pool size: {@code spring.r2dbc.pool.max-size} in the storefront's application.properties. */
    static int appPoolSize() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("storefront/src/main/resources/application.properties"))) {
            p.load(in);
        }
        return Integer.parseInt(p.getProperty("spring.r2dbc.pool.max-size", "10").strip());
    }

    Result run(List<Till> fleet, int salesPerTill, int batch, Faults faults) throws Exception {
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            pool.add(shop.database());
        }
        List<UUID> ids = new ArrayList<>();
        Map<Shelf, Integer> change = new HashMap<>();
        List<List<MovementJson>> sales = new ArrayList<>();
        for (Till t : fleet) {
            List<MovementJson> again = t.salesAgain(salesPerTill);
            sales.add(again);
            again.forEach(m -> {
                ids.add(m.id());
                change.merge(new Shelf(t.location, m.productId()), -m.quantity(), Integer::sum);
            });
        }
        AtomicLong applied = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        // a thread per till (each sends its batches one after another) and one more per second copy in flight
        ExecutorService threads = Executors.newCachedThreadPool();
        ProcessCpu cpu = new ProcessCpu(shop);
        try {
            ProcessCpu.Snapshot before = cpu.snapshot();
            long t0 = System.nanoTime();
            List<CompletableFuture<Void>> tills = new ArrayList<>();
            for (int i = 0; i < fleet.size(); i++) {
                Till till = fleet.get(i);
                List<MovementJson> outbox = sales.get(i);
                Random random = new Random(20261206L + i);
                tills.add(CompletableFuture.runAsync(() -> drain(pool, threads, till, outbox, batch, faults, random, applied, requests), threads));
            }
            CompletableFuture.allOf(tills.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(applied.get(), requests.get(), seconds, ProcessCpu.between(before, cpu.snapshot()), ids, change, latencyMicros);
        } finally {
            threads.shutdown();
            for (Connection c : pool) {
                c.close();
            }
        }
    }

    private void drain(BlockingQueue<Connection> pool, ExecutorService threads, Till till, List<MovementJson> outbox, int batch, Faults faults,
                       Random random, AtomicLong applied, AtomicLong requests) {
        String hash = TillFleet.sha256Hex(till.key);
        long since = -1;
        for (int from = 0; from < outbox.size(); from += batch) {
            List<MovementJson> movements = outbox.subList(from, Math.min(outbox.size(), from + batch));
            long version = since;
            while (true) {
                TillBatchSql.Applied answer;
                if (random.nextDouble() < faults.duplicates()) {
                    CompletableFuture<TillBatchSql.Applied> second = CompletableFuture.supplyAsync(
                            () -> send(pool, till, hash, movements, version, applied, requests), threads);
                    answer = send(pool, till, hash, movements, version, applied, requests);
                    second.join();
                } else {
                    answer = send(pool, till, hash, movements, version, applied, requests);
                }
                if (random.nextDouble() >= faults.lostAnswers()) {
                    since = answer.xmin();
                    break;
                }
            }
        }
    }

    /** One request: a connection from the pool for the batch, as the app holds one per transaction; a deadlock or a serialization failure is retried. */
    private TillBatchSql.Applied send(BlockingQueue<Connection> pool, Till till, String hash, List<MovementJson> movements, long since,
                                             AtomicLong applied, AtomicLong requests) {
        requests.incrementAndGet();
        long t0 = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Connection c = null;
            try {
                c = pool.take();
                TillBatchSql.Applied answer = TillBatchSql.send(c, till.location, hash, till.deviceId, movements, since);
                applied.addAndGet(answer.applied());
                latencyMicros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                return answer;
            } catch (SQLException e) {
                boolean transientFailure = "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!transientFailure || attempt >= 5) {
                    throw new IllegalStateException("database limit: a batch failed: " + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                if (c != null) {
                    pool.add(c);
                }
            }
        }
    }
}
