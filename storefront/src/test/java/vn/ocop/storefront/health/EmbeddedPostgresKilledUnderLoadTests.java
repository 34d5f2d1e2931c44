package vn.ocop.storefront.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.devservices.EmbeddedPostgres;
import vn.ocop.devservices.TestServices;

/**
 * The embedded default's PostgreSQL is killed (SIGKILL) while tills sync: requests meanwhile are 503 problems (a
 * till resends its batch, as the protocol says), the watchdog brings PostgreSQL back, health is UP again, and every
 * movement the app acknowledged before, during or after is in the ledger exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ocop.devservices.enabled=false", "ocop.demo=true", "spring.r2dbc.pool.max-size=10",
        "ocop.orders.schedule=false", "ocop.notices.schedule=false", "ocop.money.schedule=false"})
class EmbeddedPostgresKilledUnderLoadTests {

    static final String TILL_KEY = "ocop-demo-till-hanoi-showroom-2026";
    static Path data;
    static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void anEmbeddedPostgresOfItsOwn(DynamicPropertyRegistry registry) throws Exception {
        data = Files.createTempDirectory("ocop-pg-killed-");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        postgres = EmbeddedPostgres.start(data);
        postgres.createDatabaseIfMissing("ocop");
        registry.add("spring.r2dbc.url", () -> postgres.r2dbcUrl("ocop"));
        registry.add("spring.r2dbc.username", () -> EmbeddedPostgres.SUPERUSER);
        registry.add("spring.r2dbc.password", () -> "");
        registry.add("spring.flyway.url", () -> postgres.jdbcUrl("ocop"));
        registry.add("spring.flyway.user", () -> EmbeddedPostgres.SUPERUSER);
        registry.add("spring.flyway.password", () -> "");
        registry.add("ocop.elasticsearch.url", TestServices::elasticsearchUrl);
        registry.add("ocop.elasticsearch.index", () -> "products-killed-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void stopIt() throws Exception {
        postgres.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;

    record Answer(int status, List<Map<String, Object>> results) {
    }

    @Test
    void postgresKilledWhileTillsSyncIs503sThenUpAgainWithEveryAcknowledgedMovementKept() {
        WebClient web = WebClient.create("http://127.0.0.1:" + port);
        UUID showroom = db.sql("select id from location where name like 'Showroom OCOP Hà Nội%'").map((r, m) -> r.get("id", UUID.class)).one().block();
        List<UUID> products = db.sql("select id from product order by id limit 20").map((r, m) -> r.get("id", UUID.class)).all().collectList().block();
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        long killedPid = postgres.pid();

        // eight tills, each sending batches of ten receipts until told to stop; a batch not answered 200 is sent again
        var tills = Flux.range(0, 8).flatMap(till -> Flux.defer(() -> Mono.just(batch(products)))
                        .flatMap(batch -> sendUntilAnswered(web, showroom, batch, statuses))
                        .repeat(() -> !stop.get()), 8)
                .doOnNext(answer -> answer.results().stream().filter(r -> !"rejected".equals(r.get("status")))
                        .forEach(r -> acknowledged.add(UUID.fromString((String) r.get("id")))))
                .then()
                .toFuture();

        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > 100);
        ProcessHandle.of(killedPid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.containsKey(503));
        await().atMost(Duration.ofSeconds(60)).until(() -> postgres.pid() != killedPid && health(web) == 200);
        int afterRecovery = acknowledged.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > afterRecovery + 100);
        stop.set(true);
        tills.join();

        assertThat(statuses.keySet()).as("only answers and outages, never a server error").containsOnly(200, 503);
        List<UUID> ledger = db.sql("select id from stock_movement where location_id = :l").bind("l", showroom)
                .map((r, m) -> r.get("id", UUID.class)).all().collectList().block();
        assertThat(ledger).as("every acknowledged movement is in the ledger").containsAll(acknowledged);
        Long drift = db.sql("""
                        select coalesce(sum(abs(s.on_hand - l.total)), 0) as drift from stock s
                        join (select location_id, product_id, sum(on_hand_delta) as total from stock_movement group by 1, 2) l
                          on l.location_id = s.location_id and l.product_id = s.product_id""")
                .map((r, m) -> r.get("drift", Number.class).longValue()).one().block();
        assertThat(drift).as("stock equals its ledger: nothing applied twice").isZero();
    }

    private static Map<String, Object> batch(List<UUID> products) {
        List<Map<String, Object>> movements = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            movements.add(Map.of("id", UUID.randomUUID().toString(), "type", "RECEIPT", "productId", products.get(i % products.size()).toString(),
                    "quantity", 1, "occurredAt", OffsetDateTime.now().toString()));
        }
        return Map.of("deviceId", "till-under-load", "movements", movements);
    }

    /** As a till does: the same batch again until it is answered 200 (a 503 or a lost connection means "not yet"). */
    private static Mono<Answer> sendUntilAnswered(WebClient web, UUID showroom, Map<String, Object> batch, Map<Integer, AtomicInteger> statuses) {
        return web.post().uri("/api/v1/locations/{id}/sync", showroom)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TILL_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
                .exchangeToMono(r -> r.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                        .defaultIfEmpty(Map.of())
                        .map(body -> {
                            statuses.computeIfAbsent(r.statusCode().value(), s -> new AtomicInteger()).incrementAndGet();
                            @SuppressWarnings("unchecked")
                            List<Map<String, Object>> results = (List<Map<String, Object>>) body.getOrDefault("results", List.of());
                            return new Answer(r.statusCode().value(), results);
                        }))
                .timeout(Duration.ofSeconds(20))
                .onErrorResume(e -> Mono.just(new Answer(-1, List.of())))
                .flatMap(a -> a.status() == 200 ? Mono.just(a) : Mono.<Answer>error(new IllegalStateException("not yet")))
                .retryWhen(reactor.util.retry.Retry.fixedDelay(400, Duration.ofMillis(250)));
    }

    private static int health(WebClient web) {
        return web.get().uri("/actuator/health").exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                .onErrorReturn(-1).block(Duration.ofSeconds(10));
    }
}
