package vn.ocop.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * Search at scale: N generated products (default 100,000), searched through the app's HTTP API at fixed
 * concurrency by Elasticsearch and by the plain PostgreSQL search (the baseline), and the very bodies the app sent
 * Elasticsearch sent to it directly (what the app adds), then the time from a committed change to its being found
 * (index lag), and how long building the index took: draining the outbox as the products were written, and a full
 * rebuild through the admin API. One table.
 */
final class SearchBench {

    /** The alias the app searches (ocop.elasticsearch.index, not set by the bench). */
    private static final String ALIAS = "products";

    /** An answer from the PostgreSQL fallback (Elasticsearch slower than the app's timeout) counts as an error. */
    private static final Predicate<String> FROM_ELASTICSEARCH = body -> !body.contains("\"degraded\":true");

    private final int products;
    private final int concurrency;
    private final int seconds;
    private final int warmup;
    private final int lagSamples;

    SearchBench(Map<String, String> o) {
        this.products = Integer.parseInt(o.getOrDefault("products", "100000"));
        this.concurrency = Integer.parseInt(o.getOrDefault("concurrency", "16"));
        this.seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        this.warmup = Integer.parseInt(o.getOrDefault("warmup", "180"));
        this.lagSamples = Integer.parseInt(o.getOrDefault("lag-samples", "50"));
    }

    void run() throws Exception {
        CatalogGenerator generator = new CatalogGenerator();
        try (ShopUnderTest shop = ShopUnderTest.start(); Connection db = shop.database()) {
            long t0 = System.nanoTime();
            generator.generate(db, products);
            double generated = (System.nanoTime() - t0) / 1e9;
            awaitDrained(db, Duration.ofMinutes(30));
            double indexed = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d products written in %.1f s, all searchable after %.1f s (the indexer draining the outbox)%n", products, generated, indexed);
            double rebuilt = reindex(shop, db);
            System.out.printf("index rebuilt from PostgreSQL (POST /api/v1/admin/search/reindex) in %.1f s%n", rebuilt);

            List<String> queries = generator.queries(200); // a 20 s run at 16 clients reaches a few dozen of them
            CapturedSearches direct = new CapturedSearches(shop.elasticsearchUrl(), ALIAS, shop.searchSlowLog());
            List<String> bodies = direct.capture(queries, q -> search(shop, q, "elasticsearch"));
            LoadRun load = new LoadRun();
            // on two shared cores the app's JIT compiler needs minutes of searches: its throughput still rose from 90 to 220
            // searches/s over the first 160 s of load (demo data, 16 clients). The row measures the app warm, as it serves.
            load.run("warm-up", concurrency, warmup, n -> search(shop, queries.get(n % queries.size()), "elasticsearch"));
            load.send("warm-up", concurrency, 5, n -> direct.search(bodies.get(n % bodies.size())));
            load.run("warm-up", concurrency, 5, n -> search(shop, queries.get(n % queries.size()), "postgres"));
            // each row's CPU by process, from /proc: where a search's time goes, in the same run (only ratios within a run compare)
            ProcessCpu cpu = new ProcessCpu(shop);
            ProcessCpu.Snapshot beforeApp = cpu.snapshot();
            var es = load.send("search: Elasticsearch", concurrency, seconds,
                    n -> HttpRequest.newBuilder(search(shop, queries.get(n % queries.size()), "elasticsearch")).build(), FROM_ELASTICSEARCH);
            ProcessCpu.Snapshot afterApp = cpu.snapshot();
            var alone = load.send("same bodies to ES directly", concurrency, seconds, n -> direct.search(bodies.get(n % bodies.size())));
            ProcessCpu.Used appCpu = ProcessCpu.between(beforeApp, afterApp);
            ProcessCpu.Used directCpu = ProcessCpu.between(afterApp, cpu.snapshot());
            var pg = load.run("search: PostgreSQL baseline", concurrency, seconds, n -> search(shop, queries.get(n % queries.size()), "postgres"));
            Histogram lag = indexLag(shop, db);
            LoadRun.printTable("Search over " + products + " products via " + shop.url, concurrency, es, alone, pg);
            System.out.printf("| %-28s | %+.0f %% throughput, %+.0f %% p50 over Elasticsearch alone; %.1f× the PostgreSQL baseline |%n",
                    "the app's overhead", 100 * (alone.throughput() / es.throughput() - 1),
                    100 * (es.percentileMillis(50) / alone.percentileMillis(50) - 1), es.throughput() / pg.throughput());
            System.out.printf("| %-28s | %s |%n", "CPU, through the app", appCpu.perRequest(es.requests()));
            System.out.printf("| %-28s | %s |%n", "CPU, directly", directCpu.perRequest(alone.requests()));
            System.out.printf("| %-28s | %d docs in %.1f s, %.0f docs/s |%n", "index build (reindex)", products, rebuilt, products / rebuilt);
            System.out.printf("| %-28s | %d docs in %.1f s, %.0f docs/s (writes included) |%n", "index build (outbox drain)", products, indexed, products / indexed);
            System.out.printf("| %-28s | p50 %7.1f ms | p99 %7.1f ms | max %7.1f ms | samples %d |%n", "index lag (commit → found)",
                    lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0, lag.getTotalCount());
        }
    }

    /** Rebuilds the index through the app's admin API (an ADMIN account of the bench's own) and returns the seconds it took. */
    private static double reindex(ShopUnderTest shop, Connection db) throws Exception {
        String password = UUID.randomUUID().toString();
        try (var st = db.prepareStatement("insert into account (id, email, password_hash, display_name, role)"
                + " values (gen_random_uuid(), 'bench-admin@bench.ocop.vn', ?, 'Bench admin', 'ADMIN')")) {
            st.setString(1, "{noop}" + password);
            st.executeUpdate();
        }
        String basic = Base64.getEncoder().encodeToString(("bench-admin@bench.ocop.vn:" + password).getBytes(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(shop.url + "/api/v1/admin/search/reindex"))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("reindex answered " + r.statusCode() + ": " + r.body());
        }
        return seconds;
    }

    private static URI search(ShopUnderTest shop, String q, String engine) {
        return URI.create(shop.url + "/api/v1/products?size=24&engine=" + engine + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    /** Renames a product with a new unique word, then asks the API until it finds it. */
    private Histogram indexLag(ShopUnderTest shop, Connection db) throws Exception {
        Histogram micros = new Histogram(60_000_000L, 3);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < lagSamples; i++) {
            String token = "lag" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (var st = db.prepareStatement("update product set name = name || ' ' || ? where id = (select id from product order by random() limit 1)")) {
                st.setString(1, token);
                st.executeUpdate(); // autocommit: committed when this returns
            }
            long t0 = System.nanoTime();
            while (!found(http, search(shop, token, "elasticsearch"))) {
                if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("a change was not searchable after 30 s");
                }
                Thread.sleep(5);
            }
            micros.recordValue((System.nanoTime() - t0) / 1000);
        }
        return micros;
    }

    private static boolean found(HttpClient http, URI uri) throws Exception {
        String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.contains("\"total\":1");
    }

    private static void awaitDrained(Connection db, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var rs = db.createStatement().executeQuery("select count(*) from catalog_change where indexed_at is null")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the outbox was not drained in " + timeout);
    }
}
