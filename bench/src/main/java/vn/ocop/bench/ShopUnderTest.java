package vn.ocop.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.ocop.devservices.DevServices;
import vn.ocop.devservices.Processes;

/**
 * A shop of its own for a benchmark: PostgreSQL and Elasticsearch in a scratch directory, and the packaged
 * app (storefront/target/storefront.jar) started against them as a separate process, with no demo data.
 */
final class ShopUnderTest implements AutoCloseable {

    private final Path scratch;
    private final DevServices services;
    private final Process app;
    final String url;

    private ShopUnderTest(Path scratch, DevServices services, Process app, String url) {
        this.scratch = scratch;
        this.services = services;
        this.app = app;
        this.url = url;
    }

    static ShopUnderTest start() throws IOException, InterruptedException {
        return start(List.of(), Map.of(), null);
    }

    /** As {@link #start()}, the app's JVM given {@code jvmOptions} too (a flight recording, say). */
    static ShopUnderTest start(List<String> jvmOptions) throws IOException, InterruptedException {
        return start(jvmOptions, Map.of(), null);
    }

    /** With extra environment for the app (e.g. OCOP_HTTP2=true) and a heap of its own size (e.g. 2g; null: 1g). */
    static ShopUnderTest start(Map<String, String> environment, String heap) throws IOException, InterruptedException {
        return start(List.of(), environment, heap);
    }

    private static ShopUnderTest start(List<String> jvmOptions, Map<String, String> environment, String heap) throws IOException, InterruptedException {
        Path jar = Path.of("storefront/target/storefront.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("storefront/target/storefront.jar is missing: run ./mvnw -B package -DskipTests first");
        }
        Path scratch = Files.createTempDirectory("ocop-bench-");
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        DevServices services = DevServices.start(scratch.resolve("data"));
        int port = Processes.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + (heap == null ? "1g" : heap)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(scratch.resolve("app.log").toFile());
        pb.environment().put("OCOP_DB_URL", services.jdbcUrl());
        pb.environment().put("OCOP_DB_USER", services.username());
        pb.environment().put("OCOP_ELASTICSEARCH_URL", services.elasticsearchUrl());
        pb.environment().put("OCOP_DEMO", "false");
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().putAll(environment);
        ShopUnderTest shop = new ShopUnderTest(scratch, services, pb.start(), "http://127.0.0.1:" + port);
        shop.awaitUp(Duration.ofMinutes(3));
        return shop;
    }

    /** The app's process (its CPU time, or a profiler to attach). */
    ProcessHandle appProcess() {
        return app.toHandle();
    }

    String elasticsearchUrl() {
        return services.elasticsearchUrl();
    }

    /** The search slow log of the shop's Elasticsearch node (JSON lines), whatever its cluster is named. */
    Path searchSlowLog() throws IOException {
        Path logs = scratch.resolve("data/elasticsearch/logs");
        try (var files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_index_search_slowlog.json")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no search slow log in " + logs));
        }
    }

    /** The app's process id. */
    long appPid() {
        return app.pid();
    }

    /** Where the embedded PostgreSQL keeps its data and {@code postgres.log}: every process of that server works in here. */
    Path postgresDirectory() {
        return scratch.resolve("data/postgres");
    }

    /** Where the embedded Elasticsearch node keeps its files. */
    Path elasticsearchDirectory() {
        return scratch.resolve("data/elasticsearch");
    }

    String databaseUrl() {
        return services.jdbcUrl();
    }

    String databaseUser() {
        return services.username();
    }

    /** The embedded PostgreSQL's log (statement logging goes there); gone after {@link #close()}. */
    Path postgresLog() {
        return scratch.resolve("data/postgres/postgres.log");
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(services.jdbcUrl(), services.username(), "");
    }

    private void awaitUp(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited; see " + scratch.resolve("app.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not start; see " + scratch.resolve("app.log"));
    }

    @Override
    public void close() throws Exception {
        app.destroy();
        app.waitFor();
        services.close();
        try (var files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
