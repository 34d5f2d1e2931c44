package vn.ocop.storefront.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.catalog.testing.TcpProxy;
import vn.ocop.devservices.TestServices;

/**
 * The whole shop with PostgreSQL and Elasticsearch each behind a proxy the test can cut: PostgreSQL away is a 503
 * problem with Retry-After on every route that needs it, health DOWN and readiness DOWN, logged once when it starts
 * and once when it ends; Elasticsearch away is DEGRADED (search answers from PostgreSQL) and the instance stays ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ocop.devservices.enabled=false", "ocop.demo=true", "spring.r2dbc.pool.max-size=10",
        "ocop.orders.schedule=false", "ocop.notices.schedule=false", "ocop.money.schedule=false"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

    static TcpProxy postgres;
    static TcpProxy elasticsearch;

    @DynamicPropertySource
    static void servicesBehindProxies(DynamicPropertyRegistry registry) {
        TestServices.Postgres pg = TestServices.postgres();
        String db = TestServices.createDatabase("DatabaseOutageTests");
        postgres = new TcpProxy(pg.host(), pg.port());
        URI es = URI.create(TestServices.elasticsearchUrl());
        elasticsearch = new TcpProxy(es.getHost(), es.getPort());
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/" + db);
        registry.add("spring.r2dbc.username", pg::user);
        registry.add("spring.r2dbc.password", () -> "");
        registry.add("spring.flyway.url", () -> pg.jdbcUrl(db));
        registry.add("spring.flyway.user", pg::user);
        registry.add("spring.flyway.password", () -> "");
        registry.add("ocop.elasticsearch.url", () -> "http://127.0.0.1:" + elasticsearch.port());
        registry.add("ocop.elasticsearch.index", () -> "products-" + db);
    }

    @AfterAll
    static void closeProxies() {
        postgres.close();
        elasticsearch.close();
    }

    @Autowired
    WebTestClient web;

    @AfterEach
    void servicesBack() {
        postgres.restore();
        elasticsearch.restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health") == 200);
    }

    @Test
    void postgresAwayIsA503WithRetryAfterLoggedOnceAndHealthAndReadinessDownUntilItIsBack(CapturedOutput output) {
        web.get().uri("/api/v1/locations").exchange().expectStatus().isOk();

        postgres.cut();
        await().atMost(Duration.ofSeconds(20)).until(() -> status("/api/v1/locations") == 503);
        for (int i = 0; i < 5; i++) {
            web.get().uri("/api/v1/locations").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
        }
        web.post().uri("/api/v1/cart/lines").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"productId\":\"00000000-0000-4000-8000-000000000001\",\"quantity\":1}")
                .exchange().expectStatus().isEqualTo(503);
        String page = web.get().uri("/products").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("tạm gián đoạn");

        web.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.r2dbc.status").isEqualTo("DOWN")
                .jsonPath("$.components.elasticsearch.status").isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

        postgres.restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);
        web.get().uri("/api/v1/locations").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("PostgreSQL is reachable again"));

        assertThat(count(output.getOut(), "PostgreSQL cannot be reached")).as("one line when the outage starts").isEqualTo(1);
        assertThat(count(output.getOut(), "PostgreSQL is reachable again")).as("one line when it ends").isEqualTo(1);
        assertThat(output.getOut()).as("no stack trace per request").doesNotContain("ProblemErrorHandler").doesNotContain("\tat ");
    }

    @Test
    void elasticsearchAwayIsDegradedSearchFallsBackAndTheInstanceStaysReady() {
        // the demo's honey must have reached the index (and so the PostgreSQL fallback table, written first) before the cut
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> web.get().uri("/api/v1/products/suggestions?q=mat ong").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.degraded").isEqualTo(false)
                .jsonPath("$.names.length()").value(n -> assertThat((Integer) n).isPositive()));
        elasticsearch.cut();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DEGRADED")
                .jsonPath("$.components.elasticsearch.status").isEqualTo("DEGRADED")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP"));
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/api/v1/products?q=mat ong").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.degraded").isEqualTo(true);
        web.get().uri("/api/v1/products/suggestions?q=mat ong").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.degraded").isEqualTo(true)
                .jsonPath("$.names.length()").value(n -> assertThat((Integer) n).isPositive());
    }

    @Test
    void anonymousCallersSeeStatusesOnlyAnAdministratorSeesTheDetails() {
        String anonymous = web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(anonymous).contains("\"r2dbc\"", "\"elasticsearch\"").doesNotContain("details", "http://", "path");
        web.get().uri("/actuator/health").headers(h -> h.setBasicAuth("admin@demo.ocop.vn", "ocop-demo-2026")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.elasticsearch.details.url").isEqualTo("http://127.0.0.1:" + elasticsearch.port())
                .jsonPath("$.components.searchIndex.details.outboxPending").exists();
    }

    private int status(String path) {
        return web.get().uri(path).exchange().returnResult(String.class).getStatus().value();
    }

    private static int count(String text, String line) {
        return text.split(java.util.regex.Pattern.quote(line), -1).length - 1;
    }
}
