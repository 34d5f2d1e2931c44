package vn.ocop.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.devservices.TestServices;
import vn.ocop.search.index.Indexer;

/**
 * SIGTERM closes the context: long-lived streams (a viewer's live events, the search indexer and its LISTEN
 * connection) end first, so the graceful shutdown waits only for real requests. The phase timeout is set far
 * above what a close needs: the old code waited for it twice (the indexer's scheduler thread, the open stream).
 * The app runs outside the test framework's context cache, since this test closes it.
 */
class ShutdownTests {

    @Test
    void closingTheAppEndsOpenLiveStreamsAndTheIndexerInsteadOfWaitingForTheShutdownTimeout() {
        String database = TestServices.createDatabase("ShutdownTests");
        ConfigurableApplicationContext context = run(database, "--spring.lifecycle.timeout-per-shutdown-phase=30s");
        try {
            WebTestClient web = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()).build();
            DatabaseClient db = context.getBean(DatabaseClient.class);
            Indexer indexer = context.getBean(Indexer.class);
            String event = liveEvent(web);
            List<String> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> streamEnded = web.get().uri("/api/v1/live/{id}/events", event).accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange().expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody()
                    .doOnNext(e -> seen.add(String.valueOf(e.event())))
                    .then().toFuture();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("state"));
            assertThat(indexer.isRunning()).isTrue();
            await("the indexer, the live hub and the sessions kept in memory each LISTEN on a connection of their own")
                    .until(() -> listeners(db) == 3);

            long start = System.nanoTime();
            context.close();
            Duration closing = Duration.ofNanos(System.nanoTime() - start);

            assertThat(closing).as("well before the 30 s phase timeout").isLessThan(Duration.ofSeconds(15));
            assertThat(streamEnded).as("the viewer's stream completed").succeedsWithin(Duration.ofSeconds(5));
            assertThat(indexer.isRunning()).isFalse();
            await("no LISTEN connection left open").atMost(Duration.ofSeconds(5)).until(() -> listenersOf(database) == 0);
        } finally {
            context.close();
        }
    }

    private static ConfigurableApplicationContext run(String database, String... more) {
        TestServices.Postgres pg = TestServices.postgres();
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.main.register-shutdown-hook=false",
                "--ocop.devservices.enabled=false", "--ocop.demo=true",
                "--spring.r2dbc.url=" + pg.r2dbcUrl(database), "--spring.r2dbc.username=" + pg.user(), "--spring.r2dbc.password=",
                "--spring.flyway.url=" + pg.jdbcUrl(database), "--spring.flyway.user=" + pg.user(), "--spring.flyway.password=",
                "--ocop.elasticsearch.url=" + TestServices.elasticsearchUrl(), "--ocop.elasticsearch.index=products-" + database));
        args.addAll(List.of(more));
        return SpringApplication.run(StorefrontApplication.class, args.toArray(String[]::new));
    }

    private static long listeners(DatabaseClient db) {
        return db.sql("select count(*) as n from pg_stat_activity where datname = current_database() and query like 'LISTEN%'")
                .map((row, md) -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }

    /** The same, once the context and its pool are gone. */
    private static long listenersOf(String database) throws Exception {
        TestServices.Postgres pg = TestServices.postgres();
        try (var c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), "");
             var st = c.prepareStatement("select count(*) from pg_stat_activity where datname = ? and query like 'LISTEN%'")) {
            st.setString(1, database);
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String liveEvent(WebTestClient web) {
        WebTestClient producer = web.mutate().defaultHeaders(h -> h.setBasicAuth("producer@demo.ocop.vn", "ocop-demo-2026"))
                .responseTimeout(Duration.ofSeconds(30)).build();
        String event = (String) producer.post().uri("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Nông sản Sơn La trực tiếp", "videoUrl", "https://www.youtube.com/live/dQw4w9WgXcQ",
                        "plannedStart", OffsetDateTime.now().plusMinutes(1).toString(), "plannedEnd", OffsetDateTime.now().plusHours(2).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        producer.post().uri("/api/v1/live/{id}/start", event).exchange().expectStatus().isOk();
        return event;
    }
}
