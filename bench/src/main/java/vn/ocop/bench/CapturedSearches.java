package vn.ocop.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The search bodies the app itself sends Elasticsearch, one per query text, so that the same searches can be sent
 * straight to the node: whatever the app builds today (the query, filters, facets, sort, paging, source filtering),
 * not a copy of it. Captured from the node's search slow log, with its threshold at 0 ms while the app answers each
 * query text once, one at a time, and off again afterwards (the log records the body each shard ran).
 */
final class CapturedSearches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String es;
    private final String alias;
    private final Path slowLog;

    CapturedSearches(String elasticsearchUrl, String alias, Path slowLog) {
        this.es = elasticsearchUrl;
        this.alias = alias;
        this.slowLog = slowLog;
    }

    /**
     * Asks the app for each of {@code queries} in turn and returns the body it sent Elasticsearch for each. An answer
     * from the PostgreSQL fallback (Elasticsearch slower than the app's timeout on a busy machine) is asked again.
     */
    List<String> capture(List<String> queries, Function<String, URI> appSearch) throws IOException, InterruptedException {
        slowLogThreshold("\"0ms\"");
        try {
            List<String> bodies = new ArrayList<>();
            for (String q : queries) {
                bodies.add(capture(q, appSearch.apply(q)));
            }
            return bodies;
        } finally {
            slowLogThreshold("null");
        }
    }

    private String capture(String q, URI appSearch) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            long from = Files.exists(slowLog) ? Files.size(slowLog) : 0;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(appSearch).build(), HttpResponse.BodyHandlers.ofString());
            List<String> logged = bodiesSince(from);
            if (r.statusCode() == 200 && !r.body().contains("\"degraded\":true") && logged.size() == 1) {
                return logged.get(0);
            }
        }
        throw new IllegalStateException("the app did not answer \"" + q + "\" from Elasticsearch five times in a row");
    }

    /**
     * A POST of {@code body} to the alias's _search, as the app's Elasticsearch client sends it: with {@code typed_keys}
     * (aggregation names carry their type, which the client reads them by) and the client's versioned media type.
     */
    HttpRequest search(String body) {
        return HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_search?typed_keys=true"))
                .header("Content-Type", CLIENT_MEDIA_TYPE)
                .header("Accept", CLIENT_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The media type the Elasticsearch Java client 9 sends and asks for. */
    private static final String CLIENT_MEDIA_TYPE = "application/vnd.elasticsearch+json; compatible-with=9";

    private void slowLogThreshold(String value) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_settings"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"index.search.slowlog.threshold.query.trace\": " + value + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("cannot set the search slow log: " + r.body());
        }
    }

    /**
     * The slow log is JSON lines; each line's {@code elasticsearch.slowlog.source} is the search body as the shard ran it,
     * written out again by the node: the same query, with every default spelled out ("boost":1.0, track_total_hits as a number).
     */
    private List<String> bodiesSince(long offset) throws IOException {
        byte[] bytes;
        try (RandomAccessFile f = new RandomAccessFile(slowLog.toFile(), "r")) {
            f.seek(offset);
            bytes = new byte[(int) (f.length() - offset)];
            f.readFully(bytes);
        }
        List<String> bodies = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode entry = JSON.readTree(line);
                // the body is logged as the inside of a JSON string: read it as one
                bodies.add(JSON.readValue("\"" + entry.path("elasticsearch.slowlog.source").asString() + "\"", String.class));
            }
        }
        return bodies;
    }
}
