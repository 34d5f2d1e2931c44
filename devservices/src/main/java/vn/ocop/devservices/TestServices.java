package vn.ocop.devservices;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The real services tests run against, shared by one test JVM (one module's test run):
 * the PostgreSQL server at 127.0.0.1:5432 when it answers (CI and developer machines), else an embedded
 * one; every test class gets a database of its own, dropped when the JVM exits. An Elasticsearch node is
 * started on first use and stopped when the JVM exits. {@code -Docop.test.db=embedded|server} forces the choice.
 */
public final class TestServices {

    public record Postgres(String host, int port, String user) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public String r2dbcUrl(String database) {
            return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static Postgres postgres;
    private static String elasticsearchUrl;
    private static final List<String> createdDatabases = new ArrayList<>();

    private TestServices() {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = startPostgres();
            Runtime.getRuntime().addShutdownHook(new Thread(TestServices::dropDatabases, "ocop-test-db-drop"));
        }
        return postgres;
    }

    /** A new empty database for one test class, dropped when the test JVM exits. */
    public static synchronized String createDatabase(String hint) {
        Postgres pg = postgres();
        String clean = hint.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String name = "t_" + clean.substring(0, Math.min(40, clean.length())) + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute(pg, "create database " + name);
        createdDatabases.add(name);
        return name;
    }

    public static synchronized String elasticsearchUrl() {
        if (elasticsearchUrl == null) {
            ElasticsearchNode node = ElasticsearchNode.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "ocop-test-es-stop"));
            elasticsearchUrl = node.url();
        }
        return elasticsearchUrl;
    }

    private static Postgres startPostgres() {
        String mode = System.getProperty("ocop.test.db", "auto");
        if (mode.equals("server") || (mode.equals("auto") && Processes.listening("127.0.0.1", 5432))) {
            return new Postgres("127.0.0.1", 5432, System.getProperty("ocop.test.db.user", "postgres"));
        }
        EmbeddedPostgres pg = EmbeddedPostgres.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "ocop-test-pg-stop"));
        return new Postgres("127.0.0.1", pg.port(), EmbeddedPostgres.SUPERUSER);
    }

    /**
     * Drops every test database, eight at a time: each DROP DATABASE waits for a checkpoint, and concurrent drops
     * share one, so a module's sixty databases go in seconds rather than the half-minute Surefire allows a JVM to exit.
     */
    private static synchronized void dropDatabases() {
        ExecutorService drops = Executors.newFixedThreadPool(8);
        for (String db : createdDatabases) {
            drops.execute(() -> {
                try {
                    execute(postgres, "drop database if exists " + db + " with (force)");
                } catch (RuntimeException e) {
                    // the embedded server may already be gone; its files are deleted with it
                }
            });
        }
        drops.shutdown();
        try {
            drops.awaitTermination(25, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void execute(Postgres pg, String sql) {
        try (var c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), "");
             var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new DevServiceException(sql + ": " + e.getMessage(), e);
        }
    }
}
