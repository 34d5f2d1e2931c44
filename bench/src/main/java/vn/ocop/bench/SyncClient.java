package vn.ocop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sync endpoint as a till sees it ({@code POST /api/v1/locations/{id}/sync}, README "Till sync protocol"):
 * a batch goes again, unchanged, after a failed or timed-out request until an answer arrives. Counts every
 * request, its latency, and the status of every movement in every answer received (heard by the till or not).
 */
final class SyncClient {

    record MovementJson(UUID id, String type, UUID productId, int quantity, String occurredAt) {
    }

    record SyncRequest(String deviceId, String sinceVersion, List<MovementJson> movements) {
    }

    record Result(UUID id, String status, String reason) {
    }

    record Answer(String version, List<Result> results) {
    }

    /** Enough to outlast a slow moment; a batch that reaches this many failures means something is broken, not slow. */
    private static final int MAX_ATTEMPTS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final String url;
    private final Histogram latencyMicros = new ConcurrentHistogram(120_000_000L, 3);
    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();

    SyncClient(String url) {
        this.url = url;
    }

    /** Sends the batch until the store answers 200; fails only on a refusal that resending cannot change (400, 401, 413). */
    CompletableFuture<Answer> send(UUID location, String key, SyncRequest request) {
        HttpRequest post = HttpRequest.newBuilder(URI.create(url + "/api/v1/locations/" + location + "/sync"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)))
                .build();
        return attempt(post, 1);
    }

    private CompletableFuture<Answer> attempt(HttpRequest post, int n) {
        long t0 = System.nanoTime();
        requests.increment();
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    latencyMicros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    if (error == null && response.statusCode() == 200) {
                        return CompletableFuture.completedFuture(answer(response.body()));
                    }
                    String failure = error != null ? rootCause(error).getClass().getSimpleName() : "HTTP " + response.statusCode();
                    failures.computeIfAbsent(failure, f -> new LongAdder()).increment();
                    if (n >= MAX_ATTEMPTS || error == null && !worthResending(response.statusCode())) {
                        return CompletableFuture.<Answer>failedFuture(new IllegalStateException(post.uri() + " failed after " + n
                                + " attempts: " + failure + (response == null ? "" : " " + response.body())));
                    }
                    return resendLater(post, n + 1);
                })
                .thenCompose(Function.identity());
    }

    /** A short pause that grows with each attempt, as a till would wait before trying again. */
    private CompletableFuture<Answer> resendLater(HttpRequest post, int n) {
        var later = CompletableFuture.delayedExecutor(Math.min(2000, 50L * n), TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> attempt(post, n), later).thenCompose(Function.identity());
    }

    private static boolean worthResending(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private Answer answer(String body) {
        Answer answer = json.readValue(body, Answer.class);
        answer.results().forEach(r -> statuses.computeIfAbsent(r.status(), s -> new LongAdder()).increment());
        return answer;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    long requests() {
        return requests.sum();
    }

    double latencyMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    long status(String status) {
        LongAdder n = statuses.get(status);
        return n == null ? 0 : n.sum();
    }

    /** Failed requests by cause (an exception's name or an HTTP status), each followed by a resend or the batch's failure. */
    Map<String, Long> failures() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((cause, n) -> out.put(cause, n.sum()));
        return out;
    }
}
