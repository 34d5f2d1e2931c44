package vn.ocop.storefront.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ocop.storefront.StorefrontApplication;

/** The run command's behaviour, in-process: embedded services, demo data, health, clean stop, clear failures. */
class EmbeddedDefaultTests {

    @TempDir
    Path scratch;

    @Test
    void withNothingConfiguredTheShopStartsItsOwnServicesWithDemoDataAndStopsThemOnClose() throws Exception {
        Path data = dataDirectory();
        Set<Long> before = descendants();
        ConfigurableApplicationContext app = run("--ocop.data-dir=" + data);
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(get(port, "/")).contains("Trà hoa vàng Ba Chẽ", "★★★★★");
            assertThat(get(port, "/actuator/health")).contains("\"status\":\"UP\"", "\"r2dbc\"", "\"elasticsearch\"");
            assertThat(Files.exists(data.resolve("postgres/pgdata/PG_VERSION"))).isTrue();
            assertThat(Files.isDirectory(data.resolve("elasticsearch/data"))).isTrue();
            assertThat(descendants()).hasSizeGreaterThanOrEqualTo(before.size() + 2);
        } finally {
            app.close();
        }
        assertThat(descendants()).as("no child process left behind").isEqualTo(before);
    }

    @Test
    void anUnreachableDatabaseFailsFastWithOneClearLine() {
        Set<Long> before = descendants();
        Throwable failure = catchStartFailure("--ocop.db.url=jdbc:postgresql://127.0.0.1:1/ocop", "--ocop.db.user=ocop",
                "--ocop.elasticsearch.url=http://127.0.0.1:1");
        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Cannot reach the database").doesNotContain("\n");
        assertThat(descendants()).as("nothing was started").isEqualTo(before);
    }

    @Test
    void aTakenPortFailsAndStopsTheEmbeddedDatabaseAgain() throws Exception {
        Set<Long> before = descendants();
        try (ServerSocket taken = new ServerSocket(0)) {
            Throwable failure = catchStartFailure("--ocop.data-dir=" + dataDirectory(), "--server.port=" + taken.getLocalPort(),
                    "--ocop.elasticsearch.url=http://127.0.0.1:1", "--ocop.demo=false");
            assertThat(failure).hasStackTraceContaining("" + taken.getLocalPort());
        }
        assertThat(descendants()).isEqualTo(before);
    }

    @Test
    void configuredServersAreUsedAndNothingIsStartedNorDemoLoaded() {
        var env = new org.springframework.mock.env.MockEnvironment()
                .withProperty("ocop.db.url", "jdbc:postgresql://db.example:5432/ocop")
                .withProperty("ocop.db.user", "ocop")
                .withProperty("ocop.elasticsearch.url", "http://search.example:9200");
        Set<Long> before = descendants();
        DeferredLogFactory logs = destination -> destination.get();
        new EmbeddedDefault(logs).postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db.example:5432/ocop");
        assertThat(env.getProperty("ocop.demo")).isNull();
        assertThat(descendants()).isEqualTo(before);
    }

    /** Live descendants; the test JVM's shared Elasticsearch node may be among them before a test starts. */
    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private Path dataDirectory() throws Exception {
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Files.createDirectories(scratch.resolve("data"));
    }

    private static ConfigurableApplicationContext run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--spring.main.register-shutdown-hook=false";
        return SpringApplication.run(StorefrontApplication.class, all);
    }

    private static Throwable catchStartFailure(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.main.register-shutdown-hook=false";
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> SpringApplication.run(StorefrontApplication.class, all)).satisfies(t -> caught[0] = t);
        return caught[0];
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
