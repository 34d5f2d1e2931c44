package vn.ocop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A fixed number of workers send requests back to back for a fixed time; latencies go into a histogram. */
final class LoadRun {

    record Result(String name, long requests, long errors, double seconds, Histogram latencyMicros) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return latencyMicros.getValueAtPercentile(p) / 1000.0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Runs {@code concurrency} workers for {@code seconds}; worker i's n-th request is a GET of {@code uri.apply(n)}. */
    Result run(String name, int concurrency, int seconds, IntFunction<URI> uri) throws InterruptedException {
        return send(name, concurrency, seconds, n -> HttpRequest.newBuilder(uri.apply(n)).build());
    }

    /** The same with any request: worker i's n-th request is {@code request.apply(n)}. */
    Result send(String name, int concurrency, int seconds, IntFunction<HttpRequest> request) throws InterruptedException {
        return send(name, concurrency, seconds, request, body -> true);
    }

    /** The same, counting an answer whose body is not {@code ok} as an error (a search answered by its fallback). */
    Result send(String name, int concurrency, int seconds, IntFunction<HttpRequest> request, Predicate<String> ok) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        var response = http.send(HttpRequest.newBuilder(request.apply(n++), (k, v) -> true).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 400 || !ok.test(response.body())) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    requests.incrementAndGet();
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Result(name, requests.get(), errors.get(), (System.nanoTime() - started) / 1e9, latency);
    }

    static void printTable(String title, int concurrency, Result... results) {
        System.out.println();
        System.out.println(title + " (concurrency " + concurrency + ")");
        System.out.printf("| %-28s | %9s | %8s | %8s | %8s | %8s | %6s |%n", "what", "req/s", "p50 ms", "p95 ms", "p99 ms", "requests", "errors");
        System.out.println("|------------------------------|-----------|----------|----------|----------|----------|--------|");
        for (Result r : results) {
            System.out.printf("| %-28s | %9.1f | %8.1f | %8.1f | %8.1f | %8d | %6d |%n", r.name(), r.throughput(),
                    r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.requests(), r.errors());
        }
    }
}
