package vn.ocop.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A child that dies is started again, the same way, without losing data or logs, and without ever spinning. */
class WatchdogTests {

    @TempDir
    Path scratch;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() throws IOException {
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        logged.start();
        ((Logger) LoggerFactory.getLogger(Watchdog.class)).addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(Watchdog.class)).detachAppender(logged);
    }

    @Test
    void aPostmasterKilledHardComesBackOnTheSamePortWithCommittedRowsAndItsOldLogKept() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(scratch.resolve("postgres"))) {
            String url = pg.jdbcUrl("postgres");
            try (var c = DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, "")) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('Mật ong bạc hà Hà Giang')");
            }
            // a backend busy computing does not notice its postmaster died: it would hold the shared memory a new start needs
            var busy = CompletableFuture.runAsync(() -> query(url, "select count(*) from generate_series(1, 10000000000)"));
            await().atMost(Duration.ofSeconds(10)).until(() -> activeQueries(url) > 0);
            long killed = pg.pid();

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(60)).until(() -> pg.pid() != killed && answers(url));
            try (var c = DriverManager.getConnection(pg.jdbcUrl("postgres"), EmbeddedPostgres.SUPERUSER, "");
                 var rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Mật ong bạc hà Hà Giang");
            }
            assertThat(busy).failsWithin(Duration.ofSeconds(10));
            assertThat(Files.readString(scratch.resolve("postgres/postgres.log.1"))).contains("ready to accept connections");
            assertThat(Files.readString(scratch.resolve("postgres/postgres.log"))).contains("automatic recovery in progress");
            assertThat(lines(Level.WARN)).singleElement().asString()
                    .contains("PostgreSQL (pid " + killed + ") died with exit code 137 (signal 9)", "on port " + pg.port(), "postgres.log.1");
            await().atMost(Duration.ofSeconds(5)).until(() -> !lines(Level.INFO).isEmpty());
            assertThat(lines(Level.INFO)).singleElement().asString().contains("PostgreSQL is back on port " + pg.port(), "postgres.log");
        }
    }

    @Test
    void anElasticsearchServerKilledHardComesBackOnTheSamePortWithItsDocumentsAndItsOldLogKept() throws Exception {
        try (ElasticsearchNode node = ElasticsearchNode.start(scratch.resolve("elasticsearch"))) {
            Http.put(node.url() + "/kept/_doc/1?refresh=true", "{\"name\":\"Trà hoa vàng Ba Chẽ\"}");
            long killed = node.pid();

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> !lines(Level.INFO).isEmpty());
            assertThat(node.pid()).isNotEqualTo(killed);
            assertThat(Http.get(node.url() + "/kept/_search?q=name:hoa")).contains("Trà hoa vàng Ba Chẽ");
            assertThat(Files.readString(scratch.resolve("elasticsearch/console.log.1"))).isNotEmpty();
            assertThat(lines(Level.WARN)).singleElement().asString()
                    .contains("Elasticsearch (pid", "died with exit code", node.url(), "console.log.1");
            assertThat(lines(Level.INFO)).singleElement().asString().contains("Elasticsearch is back at " + node.url());
        }
    }

    @Test
    void restartsThatKeepFailingWaitLongerEachTimeUpToTheCap() throws Exception {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        Watchdog.Sleeper recording = d -> {
            waits.add(d);
            if (waits.size() == 9) {
                enough.countDown();
                Thread.sleep(Long.MAX_VALUE); // until closed
            }
        };
        var child = new FakeChild(() -> {
            throw new DevServiceException("port taken");
        });
        try (Watchdog w = Watchdog.watch(child, Watchdog.Backoff.DEFAULT, recording, System::nanoTime)) {
            assertThat(enough.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(waits).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(child.restarts).hasValue(8);
    }

    @Test
    void aChildThatDiesSoonAfterEachRestartIsBackedOffButOneThatStayedUpIsRestartedAtOnce() throws Exception {
        List<Duration> quick = waitsWhenEachRunLasts(Duration.ofSeconds(5));
        List<Duration> stable = waitsWhenEachRunLasts(Duration.ofMinutes(5));
        assertThat(quick).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L);
        assertThat(stable).extracting(Duration::toSeconds).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void aClosedWatchdogRestartsNothing() throws Exception {
        var child = new FakeChild(() -> { });
        Process sleeping = new ProcessBuilder("sleep", "30").start();
        child.process = sleeping;
        Watchdog w = Watchdog.watch(child, Watchdog.Backoff.DEFAULT, d -> { }, System::nanoTime);
        w.close();
        sleeping.destroyForcibly().waitFor();
        assertThat(w.watching()).isFalse();
        assertThat(child.restarts).hasValue(0);
        assertThat(logged.list).isEmpty();
    }

    @Test
    void rotationKeepsTheLastFiveLogsAndNeverTruncates() throws Exception {
        Path log = scratch.resolve("postgres.log");
        for (int run = 1; run <= 7; run++) {
            Processes.rotate(log, EmbeddedPostgres.LOGS_KEPT);
            Files.writeString(log, "run " + run);
        }
        assertThat(Files.readString(log)).isEqualTo("run 7");
        for (int g = 1; g <= 5; g++) {
            assertThat(Files.readString(Processes.rotated(log, g))).isEqualTo("run " + (7 - g));
        }
        assertThat(Processes.rotated(log, 6)).doesNotExist();
    }

    /** Runs a child that exits after each (re)start, on a clock where each run lasts {@code runs}; returns the waits. */
    private List<Duration> waitsWhenEachRunLasts(Duration runs) throws Exception {
        AtomicLong clock = new AtomicLong();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        var child = new FakeChild(() -> { });
        child.running = () -> clock.addAndGet(runs.toNanos());
        Watchdog.Sleeper recording = d -> {
            waits.add(d);
            if (waits.size() == 4) {
                enough.countDown();
                Thread.sleep(Long.MAX_VALUE);
            }
        };
        try (Watchdog w = Watchdog.watch(child, Watchdog.Backoff.DEFAULT, recording, clock::get)) {
            assertThat(enough.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        return waits;
    }

    /** A child whose process exits at once; {@code onRestart} decides whether a restart works. */
    private static final class FakeChild implements Watchdog.Child {
        final AtomicInteger restarts = new AtomicInteger();
        final Runnable onRestart;
        volatile Runnable running = () -> { };
        volatile Process process;

        FakeChild(Runnable onRestart) throws IOException {
            this.onRestart = onRestart;
            this.process = new ProcessBuilder("true").start();
        }

        @Override
        public String name() {
            return "Fake";
        }

        @Override
        public String where() {
            return "nowhere";
        }

        @Override
        public Path log() {
            return Path.of("fake.log");
        }

        @Override
        public Process process() {
            running.run();
            return process;
        }

        @Override
        public void restart() {
            restarts.incrementAndGet();
            onRestart.run();
            try {
                process = new ProcessBuilder("true").start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private List<String> lines(Level level) {
        return logged.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static int activeQueries(String url) throws SQLException {
        try (var c = DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, "");
             var rs = c.createStatement().executeQuery("select count(*) from pg_stat_activity where query like '%generate_series%' and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean answers(String url) {
        try (var c = DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void query(String url, String sql) {
        try (var c = DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
