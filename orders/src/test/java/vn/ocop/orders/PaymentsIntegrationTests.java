package vn.ocop.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Movement;
import vn.ocop.catalog.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/** Card payments: stripe-java against WireMock standing in for Stripe, and webhooks signed with a test secret. */
@SpringBootTest(classes = OrdersTestApplication.class)
@OwnDatabase
class PaymentsIntegrationTests {

    static final String WEBHOOK_SECRET = "whsec_test_ocop";
    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").templatingEnabled(true)
            .globalTemplating(true));

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("ocop.stripe.secret-key", () -> "sk_test_ocop");
        registry.add("ocop.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("ocop.stripe.api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stop() {
        STRIPE.stop();
    }

    @Autowired
    Checkout checkout;
    @Autowired
    Orders orders;
    @Autowired
    Payments payments;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    ProductId honey;
    UUID shopper;

    @BeforeEach
    void productAndStripe() {
        STRIPE.resetAll();
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"id": "pi_{{request.headers.Idempotency-Key}}", "object": "payment_intent", "amount": 1, "currency": "vnd",
                 "client_secret": "pi_{{request.headers.Idempotency-Key}}_secret_x", "status": "requires_payment_method"}""")));
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"id": "re_1", "object": "refund", "amount": 1, "currency": "vnd", "status": "succeeded"}""")));
        var fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        LocationId showroom = fixtures.showroom("Showroom", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 10, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
    }

    @Test
    void aCardOrderGetsOnePaymentIntentInWholeDongKeyedByTheOrder() {
        OrderRequest request = card(3);
        Order order = checkout.place(request).block().order();
        checkout.place(request).block();

        assertThat(order.total().dong()).as("the lines and the shipping fee (1,500 g within Hà Nội)").isEqualTo(360000 + 26000);
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo(order.id().value().toString()))
                .withRequestBody(containing("amount=" + (360000 + 26000)))
                .withRequestBody(containing("currency=vnd"))
                .withRequestBody(containing("metadata[orderId]=" + order.id().value())));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(payments.payment(order.id()).block().clientSecret()).isEqualTo("pi_" + order.id().value() + "_secret_x");
    }

    @Test
    void aPaymentIsAppliedOnceHoweverOftenAndInWhateverOrderTheEventsCome() {
        Order order = checkout.place(card(1)).block().order();
        String intent = "pi_" + order.id().value();
        String succeeded = event("evt_ok_" + UUID.randomUUID(), "payment_intent.succeeded", intent);
        String failed = event("evt_ko_" + UUID.randomUUID(), "payment_intent.payment_failed", intent);

        payments.webhook(succeeded, sign(succeeded, now())).block();
        payments.webhook(succeeded, sign(succeeded, now())).block();
        payments.webhook(failed, sign(failed, now())).block();

        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(payments.payment(order.id()).block().paidAt()).isNotNull();
        assertThat(db.sql("select count(*) as n from stripe_event where payment_intent_id = :i").bind("i", intent)
                .map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(2);
    }

    @Test
    void aFailedAttemptLeavesTheOrderPayable() {
        Order order = checkout.place(card(1)).block().order();
        String failed = event("evt_ko_" + UUID.randomUUID(), "payment_intent.payment_failed", "pi_" + order.id().value());

        payments.webhook(failed, sign(failed, now())).block();

        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(payments.payment(order.id()).block().error()).isEqualTo("Your card was declined.");
    }

    @Test
    void aBadOrStaleSignatureIsRefusedAndChangesNothing() {
        Order order = checkout.place(card(1)).block().order();
        String succeeded = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", "pi_" + order.id().value());

        assertThatThrownBy(() -> payments.webhook(succeeded, sign(succeeded, now()).replace("v1=", "v1=0")).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_SIGNATURE));
        assertThatThrownBy(() -> payments.webhook(succeeded, sign(succeeded, now() - 600)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_SIGNATURE));
        assertThatThrownBy(() -> payments.webhook(succeeded.replace("succeeded", "canceled"), sign(succeeded, now())).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_SIGNATURE));

        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void cancellingAPaidOrderRefundsItOnce() {
        Order order = checkout.place(card(2)).block().order();
        String succeeded = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", "pi_" + order.id().value());
        payments.webhook(succeeded, sign(succeeded, now())).block();

        orders.cancel(shopper, order.id(), CancelReason.CHANGED_MIND).block();
        orders.cancel(shopper, order.id(), CancelReason.CHANGED_MIND).block();

        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund:" + order.id().value()))
                .withRequestBody(containing("payment_intent=pi_" + order.id().value())));
        assertThat(payments.payment(order.id()).block().refundedAt()).isNotNull();
    }

    private OrderRequest card(int quantity) {
        return new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, quantity)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.delivery("01", "00070", "25 Hàng Bạc"),
                PaymentMethod.CARD);
    }

    static String event(String id, String type, String intent) {
        return """
                {"id": "%s", "object": "event", "type": "%s", "api_version": "2026-07-29.dahlia", "created": 1763870400,
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": 120000, "currency": "vnd",
                   "last_payment_error": %s}}}""".formatted(id, type, intent,
                type.endsWith("failed") ? "{\"message\": \"Your card was declined.\", \"type\": \"card_error\"}" : "null");
    }

    static String sign(String payload, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
