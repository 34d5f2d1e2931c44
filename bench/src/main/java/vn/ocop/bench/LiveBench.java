package vn.ocop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * One live event watched by N viewers over Server-Sent Events (each its own HTTP connection): the host pins a
 * product P times, and each viewer notes when each pin reaches it; then buyers claim flash units against a cap
 * all at once. Prints pin-to-delivery latency and the count delivered, claim throughput, and the database's
 * word on the cap (never exceeded). Two tables.
 */
final class LiveBench {

    private static final String PASSWORD = "bench-password-2026";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final int viewers;
    private final int pins;
    private final int buyers;
    private final int claimsEach;
    private final int cap;
    private final Warmup claimWarmup;
    private final boolean http2;
    private final int streams;
    /** A file for a flight recording of the app during the pins (--jfr), to see where its time goes. */
    private final String jfr;
    /** The app's heap (--heap; 2g above 15,000 viewers, else 1g as for every bench). */
    private final String heap;

    LiveBench(Map<String, String> o) {
        this.viewers = Integer.parseInt(o.getOrDefault("viewers", "5000"));
        // one connection per viewer up to 15,000; above that (the open-file limit is 20,000 per process) h2c
        String h2 = o.getOrDefault("http2", "auto");
        this.http2 = h2.equals("auto") ? viewers > 15_000 : Boolean.parseBoolean(h2);
        this.streams = Integer.parseInt(o.getOrDefault("streams", "100"));
        this.jfr = o.get("jfr");
        // each open stream holds about 50 KB of the app's heap (its request's state in Spring, Security and Netty): 20,000 need 1 GB
        this.heap = o.getOrDefault("heap", viewers > 15_000 ? "2g" : "1g");
        this.pins = Integer.parseInt(o.getOrDefault("pins", "20"));
        this.buyers = Integer.parseInt(o.getOrDefault("buyers", "200"));
        this.claimsEach = Integer.parseInt(o.getOrDefault("claims", "5"));
        this.cap = Integer.parseInt(o.getOrDefault("cap", "500"));
        this.claimWarmup = Warmup.of(o, "claim-warmups", 1, 60);
    }

    void run() throws Exception {
        try (ShopUnderTest shop = ShopUnderTest.start(http2 ? Map.of("OCOP_HTTP2", "true") : Map.of(), heap); Connection db = shop.database()) {
            // the host's and buyers' requests stay HTTP/1.1 when the app speaks h2c too (Java's client would upgrade and
            // multiplex them all on one connection), so they are sent as in the default mode
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
            Till till = new TillFleet(db, new Random(20261123)).create(1, 1, 2, 2).get(0);
            List<UUID> products = ids(db, "select id from product order by id");
            till.receive(cap + 100);
            SyncClient sync = new SyncClient(shop.url);
            till.drain(sync, 50, Till.Faults.NONE).join();
            Buyer host = producer(http, shop, db, products.get(0));
            String event = startEvent(http, shop.url, host);

            PinWatchers watching = watch(shop.url + "/api/v1/live/" + event + "/events");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (watching.connected() < viewers && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long[] sent = new long[pins];
            ProcessCpu cpu = new ProcessCpu(shop);
            ProcessCpu.Snapshot beforePins = cpu.snapshot();
            profile(shop, "GC.class_histogram");
            profile(shop, "JFR.start", "name=live", "settings=profile", "filename=" + jfr);
            for (int p = 0; p < pins; p++) {
                sent[p] = System.nanoTime();
                post(http, host, shop.url + "/api/v1/live/" + event + "/pin", "{\"productId\":\"" + products.get(p % products.size()) + "\"}", 200);
                Thread.sleep(500);
            }
            watching.awaitPins(pins, Duration.ofSeconds(30));
            ProcessCpu.Used pinsCpu = ProcessCpu.between(beforePins, cpu.snapshot());
            profile(shop, "JFR.stop", "name=live");
            Histogram delivery = watching.latencies(sent);

            List<Buyer> claimers = ShopBuyers.signIn(http, shop, db, buyers, PASSWORD);
            int claimWarmups = claimWarmup.run(w -> {
                // the same claims on an offer of their own, closed after (its held claims lapse, its pool is released):
                // the measured round then runs on a warmed-up JVM, as an app serving events all day does
                String warmup = openOffer(http, shop.url, host, event, products.get(0), till.location);
                claim(http, shop.url, claimers, event, warmup, db);
                post(http, host, shop.url + "/api/v1/live/" + event + "/offers/" + warmup + "/close", "", 200);
            });
            String offer = openOffer(http, shop.url, host, event, products.get(0), till.location);
            ProcessCpu.Snapshot beforeClaims = cpu.snapshot();
            ClaimLimit.Row app = claim(http, shop.url, claimers, event, offer, db);
            ProcessCpu.Used claimsCpu = ProcessCpu.between(beforeClaims, cpu.snapshot());
            watching.close();
            List<UUID> accounts = accounts(db, claimers);
            ClaimLimit.Row limit = ClaimLimit.onePerClaim(shop, db, products.get(0), till.location, accounts, claimsEach, cap);
            ClaimLimit.Row batched = BatchedClaimLimit.run(shop, db, products.get(0), till.location, accounts, claimsEach, cap);
            print(shop, watching, delivery, List.of(app, limit, batched), claimWarmups);
            System.out.println("claims through the app, " + claimsCpu.perRequest(app.requests()));
            System.out.printf("CPU from the first pin to the last arrival (%.1f s wall, 2 cores): app %.1f s, viewers' client (bench) %.1f s, "
                    + "PostgreSQL %.1f s%n", pinsCpu.wallSeconds(), pinsCpu.app(), pinsCpu.bench(), pinsCpu.postgres());
        }
    }

    private PinWatchers watch(String url) {
        if (http2) {
            H2Viewers h2 = new H2Viewers(viewers, pins, streams, 2);
            h2.connect(URI.create(url));
            return h2;
        }
        Viewers watching = new Viewers(viewers, pins);
        HttpClient sse = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
        for (int v = 0; v < viewers; v++) {
            watching.connect(sse, url, v);
        }
        return watching;
    }

    private void profile(ShopUnderTest shop, String... command) throws Exception {
        if (jfr != null) {
            List<String> jcmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(shop.appProcess().pid())));
            jcmd.addAll(List.of(command));
            // the heap's histogram (viewers connected, before the pins) next to the recording
            new ProcessBuilder(jcmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(jfr + ".txt").toFile())).start().waitFor();
        }
    }

    /** The SSE connections (HTTP/1.1, one per viewer) and what each saw. */
    private static final class Viewers implements PinWatchers {
        final AtomicInteger connected = new AtomicInteger();
        final LongAdder failed = new LongAdder();
        final AtomicLongArray[] arrivals;
        final AtomicInteger[] pinsSeen;
        final List<CompletableFuture<?>> streams = new ArrayList<>();
        final List<Flow.Subscription> subscriptions = java.util.Collections.synchronizedList(new ArrayList<>());

        Viewers(int n, int pins) {
            arrivals = new AtomicLongArray[n];
            pinsSeen = new AtomicInteger[n];
            for (int i = 0; i < n; i++) {
                arrivals[i] = new AtomicLongArray(pins);
                pinsSeen[i] = new AtomicInteger();
            }
        }

        void connect(HttpClient http, String url, int v) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
            streams.add(http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                String event;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscriptions.add(s);
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && event != null) {
                        if (event.equals("state")) {
                            connected.incrementAndGet();
                        } else if (event.equals("pinned")) {
                            int k = pinsSeen[v].getAndIncrement();
                            if (k < arrivals[v].length()) {
                                arrivals[v].set(k, System.nanoTime());
                            }
                        }
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }

                @Override
                public void onError(Throwable t) {
                    failed.increment();
                }

                @Override
                public void onComplete() {
                }
            })).exceptionally(e -> {
                failed.increment();
                return null;
            }));
        }

        @Override
        public int connected() {
            return connected.get();
        }

        @Override
        public long failed() {
            return failed.sum();
        }

        @Override
        public String transport() {
            return "HTTP/1.1, one connection per viewer";
        }

        @Override
        public void awaitPins(int pins, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (java.util.Arrays.stream(pinsSeen).anyMatch(n -> n.get() < pins) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        @Override
        public Histogram latencies(long[] sent) {
            Histogram h = new Histogram(120_000_000L, 3);
            for (AtomicLongArray a : arrivals) {
                for (int p = 0; p < sent.length; p++) {
                    long at = a.get(p);
                    if (at != 0) {
                        h.recordValue(Math.max(1, (at - sent[p]) / 1000));
                    }
                }
            }
            return h;
        }

        @Override
        public void close() {
            subscriptions.forEach(Flow.Subscription::cancel);
            streams.forEach(s -> s.cancel(true));
        }
    }

    private ClaimLimit.Row claim(HttpClient http, String shop, List<Buyer> claimers, String event, String offer, Connection db) throws Exception {
        String url = shop + "/api/v1/live/" + event + "/offers/" + offer + "/claims";
        return ClaimLimit.press("app (HTTP, claims batched per offer)", claimers, claimsEach, b -> {
            try {
                return http.send(b.request(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                return -1;
            }
        }, db, UUID.fromString(offer), cap);
    }

    private static List<UUID> accounts(Connection db, List<Buyer> claimers) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (var st = db.prepareStatement("select id from account where email = ?")) {
            for (Buyer b : claimers) {
                st.setString(1, b.email);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private void print(ShopUnderTest shop, PinWatchers w, Histogram delivery, List<ClaimLimit.Row> claims, int claimWarmups) {
        long expected = (long) viewers * pins;
        System.out.println();
        System.out.printf("Live event via %s (app heap %s): %d viewers over Server-Sent Events (%s), %d pins 500 ms apart%n", shop.url, heap, viewers,
                w.transport(), pins);
        System.out.printf("| %7s | %9s | %4s | %9s | %9s | %8s | %8s | %8s | %6s |%n", "viewers", "connected", "pins", "delivered", "expected",
                "p50 ms", "p99 ms", "max ms", "failed");
        System.out.println("|---------|-----------|------|-----------|-----------|----------|----------|----------|--------|");
        System.out.printf("| %7d | %9d | %4d | %9d | %9d | %8.1f | %8.1f | %8.1f | %6d |%n", viewers, w.connected(), pins, delivery.getTotalCount(), expected,
                delivery.getValueAtPercentile(50) / 1000.0, delivery.getValueAtPercentile(99) / 1000.0, delivery.getMaxValue() / 1000.0, w.failed());
        System.out.println();
        System.out.printf("Flash claims: %d buyers signed in, %d claims of 1 unit each, all at once, on an offer capped at %d (after %d warm-up round%s, "
                + "at least %d s)%n", buyers, claimsEach, cap, claimWarmups, claimWarmups == 1 ? "" : "s", claimWarmup.atLeast().toSeconds());
        System.out.printf("| %-42s | %8s | %6s | %6s | %6s | %9s | %8s | %8s | %6s | %8s |%n", "row", "requests", "201", "409", "other", "claims/s",
                "p50 ms", "p99 ms", "wall s", "over cap");
        System.out.println("|--------------------------------------------|----------|--------|--------|--------|-----------|----------|----------|--------|----------|");
        for (ClaimLimit.Row c : claims) {
            System.out.printf("| %-42s | %8d | %6d | %6d | %6d | %9.1f | %8.1f | %8.1f | %6.1f | %8d |%n", c.name(), c.requests(), c.won(), c.soldOut(), c.other(),
                    c.perSecond(), c.latencyMicros().getValueAtPercentile(50) / 1000.0, c.latencyMicros().getValueAtPercentile(99) / 1000.0, c.seconds(),
                    Math.max(0, c.claimed() - c.cap()));
        }
        for (ClaimLimit.Row c : claims) {
            System.out.printf("database, %s: %d units claimed of a cap of %d, %d remaining; over cap %d%n", c.name(), c.claimed(), c.cap(), c.remaining(),
                    Math.max(0, c.claimed() - c.cap()));
        }
        System.out.printf("app ÷ database limit (one transaction per claim): %.2f; app ÷ database limit (the app's batches): %.2f (claims/s)%n",
                claims.get(0).perSecond() / claims.get(1).perSecond(), claims.get(0).perSecond() / claims.get(2).perSecond());
    }

    private Buyer producer(HttpClient http, ShopUnderTest shop, Connection db, UUID product) throws Exception {
        List<Buyer> one = ShopBuyers.signIn(http, shop, db, 1, PASSWORD, "host", "update account set role = 'PRODUCER', producer_id = "
                + "(select producer_id from product where id = '" + product + "') where email = 'host0@bench.ocop.vn'");
        return one.get(0);
    }

    private static String startEvent(HttpClient http, String shop, Buyer host) throws Exception {
        var now = java.time.OffsetDateTime.now();
        String event = id(post(http, host, shop + "/api/v1/live", "{\"title\":\"Phiên live đo tải\",\"videoUrl\":\"https://youtu.be/dQw4w9WgXcQ\","
                + "\"plannedStart\":\"" + now + "\",\"plannedEnd\":\"" + now.plusHours(2) + "\"}", 201));
        post(http, host, shop + "/api/v1/live/" + event + "/start", "", 200);
        return event;
    }

    private String openOffer(HttpClient http, String shop, Buyer host, String event, UUID product, UUID location) throws Exception {
        post(http, host, shop + "/api/v1/live/" + event + "/pin", "{\"productId\":\"" + product + "\"}", 200);
        return id(post(http, host, shop + "/api/v1/live/" + event + "/offers", "{\"productId\":\"" + product + "\",\"locationId\":\"" + location
                + "\",\"flashPriceVnd\":1000,\"cap\":" + cap + ",\"perBuyer\":" + Math.min(99, cap) + "}", 201));
    }

    private static String post(HttpClient http, Buyer who, String url, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(who.request(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private static List<UUID> ids(Connection db, String sql) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (var rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
