package vn.ocop.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded default: PostgreSQL and Elasticsearch started side by side as child processes, their data
 * kept under one data directory ({@code postgres/}, {@code elasticsearch/}) so that a restart finds it.
 * {@link #close()} stops both; the application calls it after its context has closed.
 */
public final class DevServices implements AutoCloseable {

    public static final String DATABASE = "ocop";

    private final EmbeddedPostgres postgres;
    private final ElasticsearchNode elasticsearch;

    private DevServices(EmbeddedPostgres postgres, ElasticsearchNode elasticsearch) {
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
    }

    public static DevServices start(Path dataDirectory) {
        checkReachable(dataDirectory);
        var pg = CompletableFuture.supplyAsync(() -> {
            EmbeddedPostgres p = EmbeddedPostgres.start(dataDirectory.resolve("postgres"));
            p.createDatabaseIfMissing(DATABASE);
            return p;
        });
        var es = CompletableFuture.supplyAsync(() -> ElasticsearchNode.start(dataDirectory.resolve("elasticsearch")));
        try {
            return new DevServices(pg.join(), es.join());
        } catch (CompletionException e) {
            pg.thenAccept(EmbeddedPostgres::close);
            es.thenAccept(ElasticsearchNode::close);
            throw e.getCause() instanceof DevServiceException d ? d : new DevServiceException(e.getCause().getMessage(), e.getCause());
        }
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    public String r2dbcUrl() {
        return postgres.r2dbcUrl(DATABASE);
    }

    public String username() {
        return EmbeddedPostgres.SUPERUSER;
    }

    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    @Override
    public void close() {
        var es = CompletableFuture.runAsync(elasticsearch::close);
        postgres.close();
        es.join();
    }

    private static void checkReachable(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Unprivileged.isRoot() && !Unprivileged.reachableByOthers(dir)) {
                throw new DevServiceException("data directory " + dir + " is not reachable by user '" + Unprivileged.user()
                        + "', which runs PostgreSQL and Elasticsearch when started as root: set OCOP_DATA_DIR to a directory it can reach");
            }
        } catch (IOException e) {
            throw new DevServiceException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
