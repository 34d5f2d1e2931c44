package vn.ocop.storefront.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;

/** A live event over HTTP: the producer runs it, a viewer's event stream follows it, shoppers claim with clear problems when they cannot. */
@StorefrontTest
class LiveApiControllerTests {

    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    StockedProducts fixtures;
    WebTestClient producer;
    WebTestClient shopper;

    @BeforeEach
    void accounts() {
        fixtures = new StockedProducts(db, inventory);
        producer = as("producer");
        shopper = as("shopper");
    }

    @Test
    void theStreamStartsWithTheStateAndFollowsThePinTheOfferAndTheClaims() {
        UUID product = fixtures.productOf("producer@demo.ocop.vn", 30);
        UUID showroom = fixtures.showroom();
        String event = scheduledAndLive();
        assertThat(web.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectBody(String.class).returnResult().getResponseBody())
                .as("the home page shows what is live now").contains("/live/" + event, "Đặc sản Hà Giang trực tiếp");

        Flux<ServerSentEvent<Map<String, Object>>> stream = web.get().uri("/api/v1/live/{id}/events", event).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { }).getResponseBody();
        var received = stream.filter(e -> e.event() != null && !e.event().equals("viewers")).take(4).collectList().toFuture();

        await(() -> web.get().uri("/api/v1/live/{id}", event).exchange().expectBody().jsonPath("$.viewers").isEqualTo(1));
        producer.post().uri("/api/v1/live/{id}/pin", event).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product)).exchange().expectStatus().isOk();
        Map<?, ?> pinned = (Map<?, ?>) web.get().uri("/api/v1/live/{id}", event).exchange().expectBody(Map.class).returnResult().getResponseBody()
                .get("pinned");
        long list = ((Number) pinned.get("listPriceVnd")).longValue();
        String offer = (String) producer.post().uri("/api/v1/live/{id}/offers", event).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product, "locationId", showroom, "flashPriceVnd", list - 1000, "cap", 3, "perBuyer", 2))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        shopper.post().uri("/api/v1/live/{id}/offers/{o}/claims", event, offer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", 2)).exchange().expectStatus().isCreated();

        List<ServerSentEvent<Map<String, Object>>> events = received.join();
        assertThat(events).extracting(ServerSentEvent::event).containsExactly("state", "pinned", "offer-opened", "remaining");
        assertThat(events.get(0).id()).isNotBlank();
        assertThat(events.get(3).data()).containsEntry("offerId", offer).containsEntry("remaining", 1);
        shopper.get().uri("/api/v1/cart").exchange().expectBody()
                .jsonPath("$.lines[?(@.productId == '" + product + "')].totalVnd").isEqualTo(List.of((int) (2 * (list - 1000))));
    }

    @Test
    void twoAnonymousStreamsFromOneAddressCountOneViewerAndEachSignedInAccountCountsOnItsOwn() {
        String event = scheduledAndLive();
        List<Disposable> streams = new ArrayList<>();
        try {
            streams.add(watching(web, event));
            streams.add(watching(web, event));
            web.get().uri("/api/v1/live/{id}", event).exchange().expectBody().jsonPath("$.viewers").isEqualTo(1);

            streams.add(watching(shopper, event));
            streams.add(watching(producer, event));
            streams.add(watching(shopper, event));
            // the address, and two accounts behind that same address
            web.get().uri("/api/v1/live/{id}", event).exchange().expectBody().jsonPath("$.viewers").isEqualTo(3);
        } finally {
            streams.forEach(Disposable::dispose);
        }
        web.get().uri("/v3/api-docs").exchange().expectBody()
                .jsonPath("$.paths['/api/v1/live/{id}/events'].get.parameters[*].name").isEqualTo(List.of("id")); // who watches is not the client's say
    }

    @Test
    void claimsAndHostActionsAreRefusedWithClearProblems() {
        UUID product = fixtures.productOf("producer@demo.ocop.vn", 10);
        String event = scheduledAndLive();
        producer.post().uri("/api/v1/live/{id}/pin", event).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("productId", product))
                .exchange().expectStatus().isOk();
        String offer = (String) producer.post().uri("/api/v1/live/{id}/offers", event).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product, "locationId", fixtures.showroom(), "flashPriceVnd", 1000, "cap", 2, "perBuyer", 1))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        web.post().uri("/api/v1/live/{id}/offers/{o}/claims", event, offer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", 1)).exchange().expectStatus().isUnauthorized();
        shopper.post().uri("/api/v1/live/{id}/offers/{o}/claims", event, offer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", 1)).exchange().expectStatus().isCreated();
        shopper.post().uri("/api/v1/live/{id}/offers/{o}/claims", event, offer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", 1)).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").value(t -> assertThat((String) t).endsWith("limit-reached"));
        shopper.post().uri("/api/v1/live/{id}/pin", event).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("productId", product))
                .exchange().expectStatus().isForbidden();
        producer.post().uri("/api/v1/live/{id}/start", event).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").value(t -> assertThat((String) t).endsWith("invalid-state"));
        producer.post().uri("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Phiên", "videoUrl", "https://example.com/x", "plannedStart", OffsetDateTime.now().toString(),
                        "plannedEnd", OffsetDateTime.now().plusHours(1).toString()))
                .exchange().expectStatus().isBadRequest();

        producer.post().uri("/api/v1/live/{id}/end", event).exchange().expectStatus().isOk();
        as("admin").post().uri("/api/v1/live/{id}/offers/{o}/claims", event, offer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", 1)).exchange().expectStatus().isEqualTo(409);
        web.get().uri("/api/v1/live?status=ENDED").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + event + "')].status").isEqualTo(List.of("ENDED"));
    }

    private String scheduledAndLive() {
        String event = (String) producer.post().uri("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Đặc sản Hà Giang trực tiếp", "videoUrl", "https://www.youtube.com/live/dQw4w9WgXcQ",
                        "plannedStart", OffsetDateTime.now().plusMinutes(1).toString(), "plannedEnd", OffsetDateTime.now().plusHours(2).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        producer.post().uri("/api/v1/live/{id}/start", event).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("LIVE");
        return event;
    }

    /** Opens the event's stream as that client; returns once its first event (the state) arrived, so it is counted. */
    private static Disposable watching(WebTestClient client, String event) {
        CompletableFuture<Void> first = new CompletableFuture<>();
        Disposable stream = client.get().uri("/api/v1/live/{id}/events", event).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody()
                .subscribe(e -> first.complete(null), first::completeExceptionally);
        first.orTimeout(10, TimeUnit.SECONDS).join();
        return stream;
    }

    private static void await(Runnable assertion) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion::run);
    }

    private WebTestClient as(String who) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(who + "@demo.ocop.vn", PASSWORD)).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
