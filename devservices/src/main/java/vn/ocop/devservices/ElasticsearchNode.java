package vn.ocop.devservices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Elasticsearch from Maven Central's integ-test-zip distribution, run as a child process
 * (as an unprivileged user when this JVM is root, since Elasticsearch refuses root). Security is off and
 * it listens on 127.0.0.1 only. Persistent nodes keep their data between runs; temporary ones are
 * deleted on close. A {@link Watchdog} starts a node that died again on the same HTTP port; each start moves
 * the earlier {@code console.log} aside ({@code console.log.1} …).
 */
public final class ElasticsearchNode implements AutoCloseable {

    static final int LOGS_KEPT = 5;

    private final ElasticsearchDistribution dist;
    private final Path home;
    private final Path base;
    private final boolean temporary;
    private final String heap;
    private final int httpPort;
    private volatile Process process;
    private Watchdog watchdog;

    private ElasticsearchNode(ElasticsearchDistribution dist, Path home, Path base, boolean temporary, String heap, int httpPort) {
        this.dist = dist;
        this.home = home;
        this.base = base;
        this.temporary = temporary;
        this.heap = heap;
        this.httpPort = httpPort;
    }

    /** Starts a node whose data lives in {@code directory}, kept across restarts. */
    public static ElasticsearchNode start(Path directory) {
        return start(directory, Processes.freePort());
    }

    /** The same on a given HTTP port, so that clients find it again after a restart (outage tests). */
    public static ElasticsearchNode start(Path directory, int httpPort) {
        return start(ElasticsearchDistribution.locate(), directory, false, "512m", httpPort);
    }

    /** Starts a throw-away node (for tests), deleted on close. */
    public static ElasticsearchNode startTemporary() {
        try {
            return start(ElasticsearchDistribution.locate(), Files.createTempDirectory("ocop-es-"), true, "384m", Processes.freePort());
        } catch (IOException e) {
            throw new DevServiceException("cannot create a temporary directory for Elasticsearch: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The server's process id (from its pid file; it changes when the watchdog restarts a node that died), or -1. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(base.resolve("logs/elasticsearch.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static ElasticsearchNode start(ElasticsearchDistribution dist, Path base, boolean temporary, String heap, int httpPort) {
        try {
            Files.createDirectories(base);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path home = reachableHome(dist.home(), base);
            Path conf = base.resolve("config");
            if (!Files.exists(conf)) {
                copyTree(home.resolve("config"), conf); // the node writes its keystore here
            }
            Files.createDirectories(base.resolve("data"));
            Files.createDirectories(base.resolve("logs"));
            Files.createDirectories(base.resolve("tmp"));
            Unprivileged.chown(conf, base.resolve("data"), base.resolve("logs"), base.resolve("tmp"));
            Processes.stopLeftover(base.resolve("logs/elasticsearch.pid"), "elasticsearch", "TERM");
            ElasticsearchNode node = new ElasticsearchNode(dist, home, base, temporary, heap, httpPort);
            node.launch();
            node.watchdog = Watchdog.watch(node.new Child());
            return node;
        } catch (IOException e) {
            throw new DevServiceException("cannot start Elasticsearch in " + base + ": " + e.getMessage(), e);
        }
    }

    /** Starts the node (keeping the earlier console logs) and waits until the cluster is yellow. */
    private void launch() throws IOException {
        Path data = base.resolve("data");
        Path logs = base.resolve("logs");
        Path tmp = base.resolve("tmp");
        List<String> cmd = new ArrayList<>(Unprivileged.prefix());
        cmd.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-p", logs.resolve("elasticsearch.pid").toString(),
                "-Ediscovery.type=single-node",
                "-Expack.security.enabled=false",
                "-Enetwork.host=127.0.0.1",
                "-Ehttp.port=" + httpPort,
                "-Etransport.port=" + Processes.freePort(),
                "-Epath.data=" + data,
                "-Epath.logs=" + logs,
                "-Ecluster.name=ocop-" + (temporary ? "test" : "dev"),
                "-Enode.name=node-1",
                "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                "-Eaction.destructive_requires_name=false"));
        Path console = console();
        Processes.rotate(console, LOGS_KEPT);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("ES_JAVA_HOME", dist.javaHome().toString());
        pb.environment().put("ES_PATH_CONF", base.resolve("config").toString());
        pb.environment().put("ES_TMPDIR", tmp.toString());
        // -XX:-UsePerfData and the CLI's tmpdir keep hsperfdata and final-flags files out of /tmp
        pb.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap + " -XX:-UsePerfData");
        pb.environment().put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp + " -XX:-UsePerfData");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:-UsePerfData");
        pb.environment().put("HOME", tmp.toString());
        process = pb.start();
        awaitHealthy(Duration.ofSeconds(180), console);
    }

    private Path console() {
        return base.resolve("console.log");
    }

    /**
     * What the watchdog sees: the launcher, which exits when the server JVM dies. A server that outlived a
     * killed launcher still runs in the logs directory and holds the node lock: it is killed first.
     */
    private final class Child implements Watchdog.Child {
        @Override
        public String name() {
            return "Elasticsearch";
        }

        @Override
        public String where() {
            return "at " + url();
        }

        @Override
        public Path log() {
            return console();
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
                throw new DevServiceException("cannot start Elasticsearch again: " + e.getMessage(), e);
            }
        }
    }

    /** The unprivileged user must be able to read ES_HOME; a checkout under /root (0700) is copied once. */
    private static Path reachableHome(Path home, Path base) throws IOException {
        if (!Unprivileged.isRoot() || Unprivileged.reachableByOthers(home)) {
            return home;
        }
        Path copy = base.resolve("home-" + home.getFileName());
        if (!Files.exists(copy.resolve("bin/elasticsearch"))) {
            Processes.deleteTree(copy);
            copyTree(home, copy);
        }
        return copy;
    }

    private void awaitHealthy(Duration timeout, Path console) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        // GET / answers 405 on this distribution: cluster health is the readiness check
        HttpRequest req = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new DevServiceException("Elasticsearch exited at start: " + Processes.tail(console, 8));
                }
                try {
                    if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DevServiceException("interrupted while Elasticsearch started", e);
                }
                Processes.sleep(200);
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        stop();
        throw new DevServiceException("Elasticsearch not healthy after " + timeout.toSeconds() + " s: " + Processes.tail(console, 8));
    }

    /** Stops watching, then SIGTERM to the launcher, which shuts the server JVM down; waits for every descendant. */
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
        if (p.isAlive()) {
            var descendants = p.descendants().toList();
            p.destroy();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    descendants.forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor();
                }
                for (ProcessHandle d : descendants) {
                    d.onExit().get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                descendants.forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
