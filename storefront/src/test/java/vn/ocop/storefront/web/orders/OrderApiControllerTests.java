package vn.ocop.storefront.web.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/** Checkout and orders over HTTP: Idempotency-Key, problems for what cannot be sold, handover by code, the 200-for-50 rush. */
@StorefrontTest
class OrderApiControllerTests {

    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    WebTestClient shopper;
    WebTestClient staff;
    UUID showroom;
    StockedProducts fixtures;

    @BeforeEach
    void accounts() {
        shopper = as("shopper");
        staff = as("staff");
        fixtures = new StockedProducts(db, inventory);
        showroom = fixtures.showroom();
    }

    @Test
    void theSameKeyReturnsTheSameOrderAndADifferentBodyWithItIs422() {
        UUID product = fixtures.productWithStock(5);
        Map<String, Object> body = delivery(product, 2);

        String id = place("order-key-1", body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        place("order-key-1", body).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.status").isEqualTo("PLACED");
        place("order-key-1", delivery(product, 3)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.code").isEqualTo("idempotency-mismatch");
        place(null, body).expectStatus().isBadRequest();

        assertThat(fixtures.reserved(product)).isEqualTo(2);
        as("producer").get().uri("/api/v1/orders/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void moreThanThereIsIsA409ProblemAndReservesNothing() {
        UUID product = fixtures.productWithStock(1);

        place(UUID.randomUUID().toString(), delivery(product, 2)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("not-enough-stock");
        assertThat(fixtures.reserved(product)).isZero();
    }

    @Test
    void aPickupIsHandedOverOnlyWhenReadyAndForThePaymentDue() {
        UUID product = fixtures.productWithStock(3);
        Map<?, ?> order = place("pickup-1", pickup(product, 1)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) order.get("pickupCode");
        long due = ((Number) order.get("totalVnd")).longValue();
        String parcel = (String) ((Map<?, ?>) ((List<?>) order.get("parcels")).get(0)).get("id");

        staff.get().uri("/api/v1/staff/pickups/{code}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.amountToTakeVnd").isEqualTo(due).jsonPath("$.ready").isEqualTo(false);
        handOver(code, Map.of("payment", Map.of("method", "CASH", "amountVnd", due))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("invalid-state");
        staff.post().uri("/api/v1/staff/fulfilments/{id}/ready", parcel).exchange().expectStatus().isOk().expectBody().jsonPath("$.ready").isEqualTo(true);
        handOver(code, Map.of()).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-request");
        handOver(code, Map.of("payment", Map.of("method", "CASH", "amountVnd", due - 1))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("amount-mismatch");
        handOver(code, Map.of("payment", Map.of("method", "BANK_TRANSFER", "amountVnd", due))).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        shopper.post().uri("/api/v1/pickups/{code}/handover", code).exchange().expectStatus().isForbidden();

        shopper.get().uri("/api/v1/orders/{id}", order.get("id")).exchange().expectBody().jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.parcels[0].paid.method").isEqualTo("BANK_TRANSFER").jsonPath("$.parcels[0].paid.amountVnd").isEqualTo(due)
                .jsonPath("$.timeline[*].kind").value(kinds -> assertThat(kinds.toString()).contains("PLACED", "READY_FOR_PICKUP", "HANDED_OVER"));
        assertThat(db.sql("select on_hand, reserved from stock where location_id = :l and product_id = :p").bind("l", showroom).bind("p", product)
                .map((r, m) -> r.get("on_hand", Integer.class) + "/" + r.get("reserved", Integer.class)).one().block()).isEqualTo("2/0");
    }

    @Test
    void tenWrongPickupCodesAndTheCounterWaitsWithRetryAfter() {
        for (int i = 0; i < 10; i++) {
            staff.get().uri("/api/v1/staff/pickups/{code}", "WRONG" + i).exchange().expectStatus().isNotFound();
        }
        staff.get().uri("/api/v1/staff/pickups/{code}", "WRONG9").exchange().expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", after -> assertThat(Long.parseLong(after)).isBetween(1L, 601L))
                .expectBody().jsonPath("$.code").isEqualTo("too-many-attempts");
        db.sql("delete from pickup_code_failure").then().block();
    }

    @Test
    void eachReaderSeesOnlyItsOwnViewOfAMixedOrder() {
        UUID mine = fixtures.productOf("producer@demo.ocop.vn", 3);
        UUID theirs = fixtures.productWithStock(3);
        UUID otherProducer = db.sql("select producer_id from product where id = :p").bind("p", theirs).map((r, m) -> r.get("producer_id", UUID.class)).one().block();
        WebTestClient other = producerAccount(otherProducer);
        String theirName = db.sql("select name from product where id = :p").bind("p", theirs).map((r, m) -> r.get("name", String.class)).one().block();
        Map<String, Object> body = Map.of("lines", List.of(Map.of("productId", mine, "quantity", 1), Map.of("productId", theirs, "quantity", 2)),
                "contact", contact(), "delivery", Map.of("provinceCode", "01", "communeCode", "00070", "street", "25 phố Hàng Bạc"), "payment", "COD");
        Map<?, ?> order = place("mixed-1", body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String total = order.get("totalVnd").toString();

        String producersView = as("producer").get().uri("/api/v1/producer/orders").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String othersView = other.get().uri("/api/v1/producer/orders").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(producersView).contains((String) order.get("code")).contains("\"commune\":\"Phường Hoàn Kiếm\"").contains("\"phone\":\"0912345678\"")
                .doesNotContain(theirName).doesNotContain(theirs.toString()).doesNotContain("\"totalVnd\":" + total)
                .doesNotContain("shopper@demo.ocop.vn").doesNotContain("pickupCode");
        assertThat(othersView).contains((String) order.get("code")).contains(theirs.toString()).doesNotContain(mine.toString());
        as("producer").get().uri("/api/v1/producer/orders").exchange().expectBody()
                .jsonPath("$[?(@.orderCode == '" + order.get("code") + "')].lines.length()").isEqualTo(1)
                .jsonPath("$[?(@.orderCode == '" + order.get("code") + "')].actions[0]").isEqualTo("confirm");

        Map<?, ?> collected = place("pickup-view", pickup(theirs, 1)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(collected.get("pickupCode")).as("the shopper's view has the code").isNotNull();
        String staffView = staff.get().uri("/api/v1/staff/pickups").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(staffView).contains((String) collected.get("code")).doesNotContain((String) collected.get("pickupCode"))
                .doesNotContain("shopper@demo.ocop.vn").doesNotContain("pickupCode").contains("\"amountToTakeVnd\":");
        String otherProducersPickups = other.get().uri("/api/v1/producer/orders").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(otherProducersPickups).contains((String) collected.get("code")).doesNotContain((String) collected.get("pickupCode"));
        other.get().uri("/api/v1/staff/pickups").exchange().expectStatus().isForbidden();
        staff.get().uri("/api/v1/orders/{id}", collected.get("id")).exchange().expectStatus().isNotFound();
    }

    @Test
    void theRateTableIsAdminsAndATableWithAGapIsRefusedWithTheFieldNamed() {
        WebTestClient admin = as("admin");
        Map<?, ?> table = admin.get().uri("/api/v1/admin/shipping-rates").exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        shopper.get().uri("/api/v1/admin/shipping-rates").exchange().expectStatus().isForbidden();
        String gap = """
                {"zones": [{"zone": "SAME_PROVINCE", "minDays": 1, "maxDays": 2, "bands": [{"fromGrams": 0, "toGrams": 1000, "feeVnd": 20000},
                    {"fromGrams": 1500, "toGrams": null, "feeVnd": 30000, "extraPer500gVnd": 4000}]}]}""";

        admin.put().uri("/api/v1/admin/shipping-rates").contentType(MediaType.APPLICATION_JSON).bodyValue(gap).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors[?(@.field == 'zones[0].bands[1].fromGrams')].message").isEqualTo("leaves parcels of 1000 to 1500 g without a fee")
                .jsonPath("$.errors[?(@.field == 'zones')]").exists();
        admin.put().uri("/api/v1/admin/shipping-rates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(gap.replace("\"feeVnd\": 20000", "\"feeVnd\": -5")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation");
        admin.get().uri("/api/v1/admin/shipping-rates").exchange().expectBody(Map.class).isEqualTo(table);
        admin.put().uri("/api/v1/admin/shipping-rates").contentType(MediaType.APPLICATION_JSON).bodyValue(table).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.changedBy").isEqualTo("admin@demo.ocop.vn").jsonPath("$.zones.length()").isEqualTo(3);
    }

    @Test
    void anyoneMayAskWhatAnOrderWouldCostBeforePlacingIt() {
        UUID product = fixtures.productWithStock(4);
        Map<String, Object> basket = Map.of("lines", List.of(Map.of("productId", product, "quantity", 2)), "provinceCode", "79");

        web.post().uri("/api/v1/orders/quote").contentType(MediaType.APPLICATION_JSON).bodyValue(basket).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.parcels.length()").isEqualTo(1)
                .jsonPath("$.parcels[0].locationId").isEqualTo(showroom.toString())
                .jsonPath("$.parcels[0].deliveryWindow.minDays").isEqualTo(3)
                .jsonPath("$.shippingVnd").value(fee -> assertThat(((Number) fee).longValue()).isPositive());
        web.post().uri("/api/v1/orders/quote").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", List.of(Map.of("productId", product, "quantity", 2)), "pickupLocationId", showroom)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.shippingVnd").isEqualTo(0);
        web.post().uri("/api/v1/orders/quote").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", List.of(Map.of("productId", product, "quantity", 2)), "provinceCode", "99")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-request");
        assertThat(fixtures.reserved(product)).as("a quote reserves nothing").isZero();
    }

    private WebTestClient.ResponseSpec handOver(String code, Map<String, Object> body) {
        return staff.post().uri("/api/v1/pickups/{code}/handover", code).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private Map<String, Object> pickup(UUID product, int quantity) {
        return Map.of("lines", List.of(Map.of("productId", product, "quantity", quantity)), "contact", contact(),
                "pickupLocationId", showroom, "payment", "PAY_AT_PICKUP");
    }

    /** A member account for a producer the demo data gives none; the password is stored as Spring Security's {noop} for the test. */
    private WebTestClient producerAccount(UUID producer) {
        String email = "member-" + producer + "@test.ocop.vn";
        db.sql("insert into account (id, email, password_hash, display_name, role, producer_id) values (:id, :email, :hash, 'Thành viên', 'PRODUCER', :p) "
                        + "on conflict (email) do nothing")
                .bind("id", UUID.randomUUID()).bind("email", email).bind("hash", "{noop}" + PASSWORD).bind("p", producer).then().block();
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(email, PASSWORD)).build();
    }

    @Test
    void twoHundredBuyersForTheLastFiftyUnitsGetFiftyOrdersAndClear409s() {
        UUID product = fixtures.productWithStock(50);

        // one signed-in session for every buyer: the rush measures checkout, not 200 password hashes
        WebTestClient patient = web.mutate().responseTimeout(Duration.ofMinutes(3)).build();
        SignedIn buyer = SignedIn.as(patient, "shopper@demo.ocop.vn", PASSWORD);

        List<Integer> statuses = Flux.range(0, 200)
                .flatMap(i -> Mono.fromCallable(() -> buyer.request(patient.post().uri("/api/v1/orders").header("Idempotency-Key", "rush-" + i)
                                .contentType(MediaType.APPLICATION_JSON).bodyValue(delivery(product, 1)))
                                .returnResult(String.class).getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()), 50)
                .collectList().block();
        long orders = db.sql("select count(*) as n from order_line where product_id = :p").bind("p", product).map((r, m) -> r.get("n", Long.class)).one().block();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(50);
        assertThat(statuses).filteredOn(status -> status != 201).hasSize(150).containsOnly(409);
        assertThat(orders).isEqualTo(50);
        assertThat(fixtures.reserved(product)).isEqualTo(50);
    }

    @Test
    void withoutAStripeKeyCardsAreNotOfferedAndWebhooksAreRefused() {
        UUID product = fixtures.productWithStock(2);
        Map<String, Object> card = new java.util.HashMap<>(delivery(product, 1));
        card.put("payment", "CARD");

        place(UUID.randomUUID().toString(), card).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-request");
        web.post().uri("/api/v1/payments/stripe/webhook").header("Stripe-Signature", "t=1,v1=00").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"evt_1\", \"type\": \"payment_intent.succeeded\"}").exchange()
                .expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("not-configured");
        assertThat(fixtures.reserved(product)).isZero();
    }

    private WebTestClient.ResponseSpec place(String key, Map<String, Object> body) {
        var request = shopper.post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }

    private Map<String, Object> delivery(UUID product, int quantity) {
        return Map.of("lines", List.of(Map.of("productId", product, "quantity", quantity)), "contact", contact(),
                "delivery", Map.of("provinceCode", "01", "communeCode", "00070", "street", "25 phố Hàng Bạc"), "payment", "COD");
    }

    private static Map<String, Object> contact() {
        return Map.of("name", "Nguyễn Thị Mai", "phone", "0912345678", "email", "shopper@demo.ocop.vn");
    }

    private WebTestClient as(String who) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(who + "@demo.ocop.vn", PASSWORD)).build();
    }
}
