package vn.ocop.storefront.web.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import vn.ocop.storefront.StorefrontTest;

/** The till sync endpoint over HTTP: the key, the size limit, per-movement answers, and exactly once. */
@StorefrontTest
class SyncApiControllerTests {

    static final String DEMO_TILL_KEY = "ocop-demo-till-hanoi-showroom-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    UUID showroom;
    UUID otherShowroom;
    List<UUID> products;

    @BeforeEach
    void demoShowroomAndProducts() {
        showroom = db.sql("select id from location where name like 'Showroom OCOP Hà Nội%'").map((r, m) -> r.get("id", UUID.class)).one().block();
        otherShowroom = db.sql("select id from location where name like 'Showroom OCOP TP. Hồ Chí Minh%'").map((r, m) -> r.get("id", UUID.class)).one().block();
        products = db.sql("select product_id from sellable_ranking(current_date) r "
                        + "where not exists (select 1 from stock s where s.product_id = r.product_id) order by product_id limit 4")
                .map((r, m) -> r.get("product_id", UUID.class)).all().collectList().block();
    }

    @Test
    void aBatchIsAnsweredPerMovementAndItsReplayAsDuplicates() {
        Map<String, Object> batch = batch(null, receipt(products.get(0), 5), sale(products.get(0), 2),
                movement("SALE", UUID.randomUUID(), 1));

        send(DEMO_TILL_KEY, showroom, batch).expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].status").isEqualTo("applied")
                .jsonPath("$.results[1].status").isEqualTo("applied")
                .jsonPath("$.results[2].status").isEqualTo("rejected")
                .jsonPath("$.results[2].reason").isEqualTo("UNKNOWN_PRODUCT")
                .jsonPath("$.stock[?(@.productId == '" + products.get(0) + "')].onHand").isEqualTo(3)
                .jsonPath("$.version").isNotEmpty();
        send(DEMO_TILL_KEY, showroom, batch).expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].status").isEqualTo("duplicate")
                .jsonPath("$.results[1].status").isEqualTo("duplicate")
                .jsonPath("$.stock[?(@.productId == '" + products.get(0) + "')].onHand").isEqualTo(3);
    }

    @Test
    void aWrongKeyOrAnotherLocationsKeyOrNoKeyIs401AndWritesNothing() {
        Map<String, Object> batch = batch(null, receipt(products.get(1), 7));

        send("ocop_till_not-a-key", showroom, batch).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
        send(DEMO_TILL_KEY, otherShowroom, batch).expectStatus().isUnauthorized();
        web.post().uri("/api/v1/locations/{id}/sync", showroom).contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
                .exchange().expectStatus().isUnauthorized();

        assertThat(movements(products.get(1))).isZero();
    }

    @Test
    void aRevokedKeyIs401FromItsNextBatch() {
        WebTestClient admin = web.mutate().defaultHeaders(h -> h.setBasicAuth("admin@demo.ocop.vn", "ocop-demo-2026")).build();
        Map<?, ?> issued = admin.post().uri("/api/v1/locations/{id}/till-keys", showroom).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "Quầy tạm")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String secret = (String) issued.get("secret");
        String keyId = (String) ((Map<?, ?>) issued.get("key")).get("id");
        send(secret, showroom, batch(null, receipt(products.get(3), 1))).expectStatus().isOk();

        admin.post().uri("/api/v1/locations/{id}/till-keys/{key}/revoke", showroom, keyId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);

        send(secret, showroom, batch(null, receipt(products.get(3), 1))).expectStatus().isUnauthorized();
        assertThat(movements(products.get(3))).isEqualTo(1);
    }

    @Test
    void aBatchOverTheLimitIs413AndWritesNothing() {
        Object[] movements = IntStream.range(0, 501).mapToObj(i -> receipt(products.get(1), 1)).toArray();

        send(DEMO_TILL_KEY, showroom, batch(null, movements)).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("batch-too-large");

        assertThat(movements(products.get(1))).isZero();
    }

    @Test
    void aMalformedBatchIs400AndWritesNothing() {
        Map<String, Object> noDevice = Map.of("movements", List.of(receipt(products.get(1), 1)));
        Map<String, Object> noId = Map.of("deviceId", "till-1", "movements", List.of(Map.of("type", "RECEIPT", "productId", products.get(1), "quantity", 1)));

        send(DEMO_TILL_KEY, showroom, noDevice).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("validation");
        send(DEMO_TILL_KEY, showroom, noId).expectStatus().isBadRequest();
        assertThat(movements(products.get(1))).isZero();
    }

    @Test
    void aControlCharacterInTheDeviceIdIsA400NamingItAndWritesNothing() {
        Map<String, Object> batch = batch(null, receipt(products.get(1), 1));
        batch.put("deviceId", "quầy\u0000-1");

        send(DEMO_TILL_KEY, showroom, batch).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("deviceId");
        assertThat(movements(products.get(1))).isZero();
    }

    @Test
    void aMovementWithAGarbledTypeOrAnImpossibleTimeIsRejectedAloneNeverA5xxThatJamsTheTill() {
        Map<String, Object> garbled = Map.of("id", UUID.randomUUID(), "type", "SA\u0000LE\u001b[2J", "productId", products.get(3), "quantity", 1,
                "occurredAt", "+999999999-12-31T23:59:59Z");
        Map<String, Object> ancient = Map.of("id", UUID.randomUUID(), "type", "SALE", "productId", UUID.randomUUID(), "quantity", 1,
                "occurredAt", "-999999999-01-01T00:00:00Z");
        Map<String, Object> resetClock = Map.of("id", UUID.randomUUID(), "type", "RECEIPT", "productId", products.get(3), "quantity", 4,
                "occurredAt", "1970-01-01T00:00:00Z");

        send(DEMO_TILL_KEY, showroom, batch(null, garbled, ancient, resetClock)).expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].status").isEqualTo("rejected")
                .jsonPath("$.results[0].reason").isEqualTo("BAD_TYPE")
                .jsonPath("$.results[1].status").isEqualTo("rejected")
                .jsonPath("$.results[1].reason").isEqualTo("UNKNOWN_PRODUCT")
                .jsonPath("$.results[2].status").isEqualTo("applied");

        String kept = db.sql("select movement::text as m from sync_rejection where movement_id = :id").bind("id", garbled.get("id"))
                .map((r, m) -> r.get("m", String.class)).one().block();
        assertThat(kept).as("kept for staff, readable, without the impossible time").contains("SA\uFFFDLE\uFFFD[2J").doesNotContain("occurredAt");
        OffsetDateTime appliedAt = db.sql("select occurred_at from stock_movement where id = :id").bind("id", resetClock.get("id"))
                .map((r, m) -> r.get("occurred_at", OffsetDateTime.class)).one().block();
        assertThat(appliedAt).as("a reset clock's 1970 is taken as the time of arrival").isAfter(OffsetDateTime.now().minusHours(1));
    }

    @Test
    void aSinceVersionThatIsNotOursIsAnsweredWithEverythingNotAServerError() {
        send(DEMO_TILL_KEY, showroom, batch("v1.2000000000.-5", receipt(products.get(1), 1))).expectStatus().isOk()
                .expectBody().jsonPath("$.results[0].status").isEqualTo("applied");
    }

    @Test
    void theSameBatchSentTwiceAtOnceIsAppliedOnce() {
        List<Object> lines = new ArrayList<>();
        lines.add(receipt(products.get(2), 40));
        IntStream.range(0, 30).forEach(i -> lines.add(sale(products.get(2), 1)));
        Map<String, Object> batch = batch(null, lines.toArray());

        List<Map> answers = Flux.range(0, 2)
                .flatMap(i -> web.post().uri("/api/v1/locations/{id}/sync", showroom)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + DEMO_TILL_KEY)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
                        .exchange().returnResult(Map.class).getResponseBody())
                .collectList().block();

        long applied = answers.stream().flatMap(a -> ((List<Map<String, Object>>) a.get("results")).stream())
                .filter(r -> "applied".equals(r.get("status"))).count();
        assertThat(applied).isEqualTo(31);
        assertThat(movements(products.get(2))).isEqualTo(31);
        assertThat(db.sql("select on_hand from stock where location_id = :l and product_id = :p").bind("l", showroom).bind("p", products.get(2))
                .map((r, m) -> r.get("on_hand", Integer.class)).one().block()).isEqualTo(10);
    }

    private WebTestClient.ResponseSpec send(String key, UUID location, Map<String, Object> batch) {
        return web.post().uri("/api/v1/locations/{id}/sync", location)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(batch).exchange();
    }

    private long movements(UUID product) {
        return db.sql("select count(*) as n from stock_movement where product_id = :p").bind("p", product)
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }

    static Map<String, Object> batch(String version, Object... movements) {
        var body = new java.util.HashMap<String, Object>();
        body.put("deviceId", "till-test");
        body.put("sinceVersion", version);
        body.put("movements", List.of(movements));
        return body;
    }

    static Map<String, Object> receipt(UUID product, int quantity) {
        return movement("RECEIPT", product, quantity);
    }

    static Map<String, Object> sale(UUID product, int quantity) {
        return movement("SALE", product, quantity);
    }

    static Map<String, Object> movement(String type, UUID product, int quantity) {
        return Map.of("id", UUID.randomUUID(), "type", type, "productId", product, "quantity", quantity,
                "occurredAt", OffsetDateTime.now().toString());
    }
}
