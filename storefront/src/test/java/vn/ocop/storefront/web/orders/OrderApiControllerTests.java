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
import vn.ocop.catalog.Inventory;
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
    void aPickupIsHandedOverByItsCodeAndTheShopperSeesItCompleted() {
        UUID product = fixtures.productWithStock(3);
        Map<String, Object> body = Map.of("lines", List.of(Map.of("productId", product, "quantity", 1)), "contact", contact(),
                "pickupLocationId", showroom, "payment", "PAY_AT_PICKUP");
        Map<?, ?> order = place("pickup-1", body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        staff.get().uri("/api/v1/staff/pickups").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + order.get("id") + "')].pickupCode").isEqualTo(order.get("pickupCode"));
        staff.post().uri("/api/v1/pickups/{code}/handover", order.get("pickupCode")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        shopper.post().uri("/api/v1/pickups/{code}/handover", order.get("pickupCode")).exchange().expectStatus().isForbidden();

        shopper.get().uri("/api/v1/orders/{id}", order.get("id")).exchange().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        assertThat(db.sql("select on_hand, reserved from stock where location_id = :l and product_id = :p").bind("l", showroom).bind("p", product)
                .map((r, m) -> r.get("on_hand", Integer.class) + "/" + r.get("reserved", Integer.class)).one().block()).isEqualTo("2/0");
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
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-signature");
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
