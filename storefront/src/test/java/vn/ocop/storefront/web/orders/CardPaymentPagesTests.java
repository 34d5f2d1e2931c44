package vn.ocop.storefront.web.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.CardRefund;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.Payments;
import vn.ocop.orders.RefundStatus;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * The card payment as shoppers, producers and ADMIN see it, with WireMock standing in for Stripe: a card total
 * outside Stripe's limits refused on the checkout form, "try again" when Stripe would not start the payment, a
 * disputed order held on every view, refunds with Stripe's status and a failed one retried by ADMIN.
 */
@StorefrontTest
class CardPaymentPagesTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String SHOPPER = "shopper@demo.ocop.vn";
    static final String WEBHOOK_SECRET = "whsec_test_pages";
    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("ocop.stripe.secret-key", () -> "sk_test_pages");
        registry.add("ocop.stripe.publishable-key", () -> "pk_test_pages");
        registry.add("ocop.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("ocop.stripe.api-base", STRIPE::baseUrl);
        registry.add("ocop.orders.schedule", () -> "false");
    }

    @AfterAll
    static void stop() {
        STRIPE.stop();
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;
    @Autowired
    Payments payments;

    StockedProducts fixtures;
    SignedIn shopper;

    @BeforeEach
    void signInWithStripeMakingIntents() {
        // the first call to stripe-java loads much of it: on a busy machine that alone can pass the default 5 s
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        STRIPE.resetAll();
        intentsAreMade();
        fixtures = new StockedProducts(db, inventory);
        fixtures.emptyCartOf(SHOPPER);
        shopper = SignedIn.as(web, SHOPPER, PASSWORD);
    }

    @Test
    void aCardTotalOutsideStripesLimitsIsRefusedOnTheFormWhichStillOffersTheOtherWaysToPay() {
        UUID product = fixtures.productWithStock(3);
        db.sql("update product set price_vnd = 5000 where id = :id").bind("id", product).then().block();
        add(product, 1);
        long before = fixtures.ordersOf(SHOPPER);

        String page = html(shopper.post("/checkout", checkout(UUID.randomUUID().toString(), "PICKUP", "CARD")
                .let("pickupLocationId", fixtures.showroom().toString()).build()).expectStatus().isEqualTo(HttpStatus.CONFLICT));

        assertThat(page).contains("Thanh toán thẻ chỉ nhận đơn từ 15.000 ₫ đến 99.999.999 ₫")
                .contains("value=\"PAY_AT_PICKUP\"").contains("value=\"COD\"").contains("value=\"CARD\"");
        api("shopper").post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("lines", List.of(Map.of("productId", product, "quantity", 1)),
                                "contact", Map.of("name", "Nguyễn Thị Mai", "phone", "0912345678", "email", SHOPPER),
                                "pickupLocationId", fixtures.showroom(), "payment", "CARD")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.code").isEqualTo("card-amount-out-of-range");
        assertThat(fixtures.ordersOf(SHOPPER)).as("nothing written").isEqualTo(before);
        assertThat(fixtures.reserved(product)).isZero();
        STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents")));
    }

    @Test
    void anOrderWhoseCardPaymentStripeWouldNotStartSaysSoAndTryingAgainAsksStripeAgain() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(400, """
                {"error": {"code": "amount_too_small", "doc_url": "https://stripe.com/docs/error-codes/amount-too-small",
                 "message": "Amount must convert to at least 50 cents.", "payment_intent": null, "type": "invalid_request_error"}}""")));
        UUID product = fixtures.productWithStock(2);
        add(product, 1);

        URI order = shopper.post("/checkout", checkout(UUID.randomUUID().toString(), "DELIVERY", "CARD").build())
                .expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation();
        String orderId = order.getPath().substring("/orders/".length());

        String stranded = shopper.page(order.getPath());
        assertThat(stranded).contains("Chưa thể bắt đầu thanh toán thẻ cho đơn này").contains("/orders/" + orderId + "/card-payment")
                .doesNotContain("id=\"card-form\"");
        api("shopper").get().uri("/api/v1/orders/{id}", orderId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.cardPaymentStartFailed").isEqualTo(true).jsonPath("$.clientSecret").doesNotExist();

        intentsAreMade(); // Stripe takes it now
        shopper.post("/orders/" + orderId + "/card-payment", form("_csrf", shopper.csrf(order.getPath()))).expectStatus().is3xxRedirection();

        String payable = shopper.page(order.getPath());
        assertThat(payable).contains("id=\"card-form\"").contains("data-secret=\"pi_" + orderId + "_secret_test\"")
                .doesNotContain("Chưa thể bắt đầu thanh toán thẻ");
        STRIPE.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key", equalTo(orderId)));
        api("shopper").post().uri("/api/v1/orders/{id}/card-payment", orderId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.clientSecret").isEqualTo("pi_" + orderId + "_secret_test").jsonPath("$.cardPaymentStartFailed").isEqualTo(false);
        api("producer").post().uri("/api/v1/orders/{id}/card-payment", orderId).exchange().expectStatus().isNotFound();
    }

    @Test
    void aDisputedOrderIsHeldAndTheShopperTheProducerAndTheApiSaySo() {
        String producerEmail = "producer@demo.ocop.vn";
        UUID product = fixtures.productOf(producerEmail, 2);
        add(product, 1);
        URI order = shopper.post("/checkout", checkout(UUID.randomUUID().toString(), "DELIVERY", "CARD").build())
                .expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation();
        String orderId = order.getPath().substring("/orders/".length());
        webhook("payment_intent.succeeded", """
                {"id": "pi_%s", "object": "payment_intent", "amount": 1, "currency": "vnd", "status": "succeeded", "latest_charge": "ch_%s",
                 "metadata": {"orderId": "%s"}}""".formatted(orderId, orderId, orderId));
        SignedIn producer = SignedIn.as(web, producerEmail, PASSWORD);
        String fulfilment = db.sql("select id from fulfilment where order_id = :o").bind("o", UUID.fromString(orderId))
                .map((r, m) -> r.get("id", UUID.class).toString()).one().block();
        producer.post("/producer/fulfilments/" + fulfilment + "/confirm", form("_csrf", producer.csrf("/producer/orders"))).expectStatus().is3xxRedirection();

        webhook("charge.dispute.created", """
                {"id": "dp_%s", "object": "dispute", "amount": 1, "charge": "ch_%s", "currency": "vnd", "payment_intent": null,
                 "reason": "fraudulent", "status": "needs_response", "created": 1764922000, "livemode": false, "metadata": {}}"""
                .formatted(orderId.substring(0, 8), orderId));

        assertThat(shopper.page(order.getPath())).contains("đang bị khiếu nại với ngân hàng");
        String part = producer.page("/producer/orders?show=all");
        part = part.substring(part.indexOf("data-fulfilment=\"" + fulfilment + "\""));
        assertThat(part.substring(0, part.indexOf("</li>"))).contains("đơn được tạm giữ, chưa gửi hàng")
                .doesNotContain("/producer/fulfilments/" + fulfilment + "/ship");
        api("producer").get().uri("/api/v1/producer/fulfilments/{id}", fulfilment).exchange().expectBody()
                .jsonPath("$.held").isEqualTo(true).jsonPath("$.actions").isEmpty();
        api("producer").post().uri("/api/v1/producer/fulfilments/{id}/ship", fulfilment).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("disputed");
        api("shopper").get().uri("/api/v1/orders/{id}", orderId).exchange().expectBody().jsonPath("$.held").isEqualTo(true);
    }

    @Test
    void aFailedRefundShowsAsFailedToTheShopperAndAdminTriesItAgain() {
        UUID product = fixtures.productWithStock(2);
        add(product, 1);
        URI order = shopper.post("/checkout", checkout(UUID.randomUUID().toString(), "DELIVERY", "CARD").build())
                .expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation();
        String orderId = order.getPath().substring("/orders/".length());
        webhook("payment_intent.succeeded", """
                {"id": "pi_%s", "object": "payment_intent", "amount": 1, "currency": "vnd", "status": "succeeded", "latest_charge": "ch_%s"}"""
                .formatted(orderId, orderId));
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(200, """
                {"id": "re_{{request.headers.Idempotency-Key}}", "object": "refund", "amount": 30000, "currency": "vnd", "status": "pending",
                 "payment_intent": "pi_%s", "metadata": {}}""".formatted(orderId))));
        CardRefund refund = payments.refund(new OrderId(UUID.fromString(orderId)), new Vnd(30_000), "complaint:" + orderId, "hàng bị vỡ").block();
        webhook("refund.failed", """
                {"id": "%s", "object": "refund", "amount": 30000, "currency": "vnd", "status": "failed", "failure_reason": "lost_or_stolen_card",
                 "payment_intent": "pi_%s", "metadata": {"refundId": "%s", "refundAttempt": "1"}}"""
                .formatted(refund.stripeRefundId(), orderId, refund.id()));

        assertThat(shopper.page(order.getPath())).contains("Hoàn tiền về thẻ").contains("Hoàn không thành công").contains("lost_or_stolen_card");
        api("shopper").get().uri("/api/v1/orders/{id}", orderId).exchange().expectBody()
                .jsonPath("$.refunds[0].status").isEqualTo("FAILED").jsonPath("$.refunds[0].failureReason").isEqualTo("lost_or_stolen_card");

        SignedIn admin = SignedIn.as(web, "admin@demo.ocop.vn", PASSWORD);
        String page = admin.page("/admin/refunds");
        assertThat(page).contains("Hoàn tiền thẻ không thành công").contains(orderId).contains("lost_or_stolen_card")
                .contains("/admin/refunds/" + refund.id() + "/retry");
        api("admin").get().uri("/api/v1/admin/refunds?status=FAILED").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + refund.id() + "')].failureReason").isEqualTo("lost_or_stolen_card");
        shopper.request(web.get().uri("/admin/refunds").accept(MediaType.TEXT_HTML)).expectStatus().isForbidden();

        admin.post("/admin/refunds/" + refund.id() + "/retry", form("_csrf", admin.csrf("/admin/refunds"))).expectStatus().is3xxRedirection();

        assertThat(payments.refundById(refund.id()).block().status()).isEqualTo(RefundStatus.PENDING);
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("complaint:" + orderId + ":attempt-2")));
        assertThat(admin.page("/admin/refunds")).doesNotContain("/admin/refunds/" + refund.id() + "/retry");
    }

    /** An API client signed in with HTTP Basic as a demo account. */
    private WebTestClient api(String who) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(who + "@demo.ocop.vn", PASSWORD)).build();
    }

    private void intentsAreMade() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(200, """
                {"id": "pi_{{request.headers.Idempotency-Key}}", "object": "payment_intent", "amount": 1, "currency": "vnd",
                 "client_secret": "pi_{{request.headers.Idempotency-Key}}_secret_test", "status": "requires_payment_method"}""")));
    }

    /** A Stripe event shaped like Stripe's, signed with the endpoint's secret, posted to the webhook. */
    private void webhook(String type, String object) {
        String payload = """
                {"id": "evt_%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": 1764921600, "data": {"object": %s},
                 "livemode": false, "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s"}"""
                .formatted(UUID.randomUUID(), object, type);
        web.post().uri("/api/v1/payments/stripe/webhook").header("Stripe-Signature", sign(payload)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(payload).exchange().expectStatus().isOk();
    }

    private static String sign(String payload) {
        try {
            long t = System.currentTimeMillis() / 1000;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private void add(UUID product, int quantity) {
        shopper.post("/cart/add", form("productId", product.toString(), "quantity", String.valueOf(quantity), "_csrf", shopper.csrf("/cart")))
                .expectStatus().is3xxRedirection();
    }

    private Form checkout(String key, String mode, String payment) {
        return new Form().let("_csrf", shopper.csrf("/checkout")).let("key", key).let("name", "Nguyễn Thị Mai").let("phone", "0912 345 678")
                .let("email", SHOPPER).let("mode", mode).let("provinceCode", "01").let("communeCode", "00004")
                .let("street", "12 Phố Hàng Bạc").let("payment", payment);
    }

    private static String html(WebTestClient.ResponseSpec response) {
        return HtmlUtils.htmlUnescape(response.expectBody(String.class).returnResult().getResponseBody());
    }

    /** Form fields, any of which a test may change. */
    static final class Form {
        private final java.util.LinkedHashMap<String, String> fields = new java.util.LinkedHashMap<>();

        Form let(String name, String value) {
            fields.put(name, value);
            return this;
        }

        LinkedMultiValueMap<String, String> build() {
            var map = new LinkedMultiValueMap<String, String>();
            fields.forEach(map::add);
            return map;
        }
    }
}
