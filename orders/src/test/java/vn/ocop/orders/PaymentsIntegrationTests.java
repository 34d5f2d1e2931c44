package vn.ocop.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ocop.orders.StripeFixtures.event;
import static vn.ocop.orders.StripeFixtures.intentOf;
import static vn.ocop.orders.StripeFixtures.json;
import static vn.ocop.orders.StripeFixtures.paymentIntent;
import static vn.ocop.orders.StripeFixtures.sign;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/** Card payments: stripe-java against WireMock standing in for Stripe, and webhooks signed with a test secret. */
@SpringBootTest(classes = OrdersTestApplication.class)
@OwnDatabase
class PaymentsIntegrationTests {

    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("ocop.stripe.secret-key", () -> "sk_test_ocop");
        registry.add("ocop.stripe.publishable-key", () -> "pk_test_ocop");
        registry.add("ocop.stripe.webhook-secret", () -> StripeFixtures.WEBHOOK_SECRET);
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

    StockFixtures fixtures;
    ProductId honey;
    LocationId showroom;
    UUID shopper;

    @BeforeEach
    void productAndStripe() {
        STRIPE.resetAll();
        StripeFixtures.intentsAreMade(STRIPE);
        StripeFixtures.refundsAre(STRIPE, "succeeded");
        fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        showroom = fixtures.showroom("Showroom", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 10, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
    }

    @AfterEach
    void noTriggerLeftBehind() {
        db.sql("drop trigger if exists fail_once on customer_order").then().block();
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
        assertThat(payments.payment(order.id()).block().clientSecret()).isEqualTo(intentOf(order) + "_secret_test");
    }

    @Test
    void aPaymentIsAppliedOnceHoweverOftenAndInWhateverOrderTheEventsCome() {
        Order order = checkout.place(card(1)).block().order();
        String intent = intentOf(order);
        String succeeded = event("evt_ok_" + UUID.randomUUID(), "payment_intent.succeeded", paymentIntent(intent, "succeeded", order.total().dong(), "ch_1", null));
        String failed = event("evt_ko_" + UUID.randomUUID(), "payment_intent.payment_failed",
                paymentIntent(intent, "requires_payment_method", order.total().dong(), null, "Your card was declined."));

        payments.webhook(succeeded, sign(succeeded)).block();
        payments.webhook(succeeded, sign(succeeded)).block();
        payments.webhook(failed, sign(failed)).block();

        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(payments.payment(order.id()).block().paidAt()).isNotNull();
        assertThat(payments.payment(order.id()).block().charge()).as("kept: a dispute names the charge").isEqualTo("ch_1");
        assertThat(db.sql("select count(*) as n from stripe_event where payment_intent_id = :i").bind("i", intent)
                .map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(2);
    }

    @Test
    void anEventWhoseApplicationFailsIsNotRecordedSoStripesRetryAppliesIt() {
        Order order = checkout.place(card(1)).block().order();
        String succeeded = event("evt_retry_" + UUID.randomUUID(), "payment_intent.succeeded",
                paymentIntent(intentOf(order), "succeeded", order.total().dong(), "ch_2", null));
        // the first write to an order fails, as a dropped connection or a deadlock would; the next one goes through
        db.sql("create sequence if not exists fail_once_seq").then().block();
        db.sql("""
                create or replace function fail_once() returns trigger language plpgsql as $$
                begin
                    if nextval('fail_once_seq') = 1 then raise exception 'applying failed once'; end if;
                    return new;
                end $$""").then().block();
        db.sql("create trigger fail_once before update on customer_order for each row execute function fail_once()").then().block();

        assertThatThrownBy(() -> payments.webhook(succeeded, sign(succeeded)).block()).hasMessageContaining("applying failed once");
        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(eventsRecorded(succeeded)).as("the record rolled back with the failed application").isZero();

        payments.webhook(succeeded, sign(succeeded)).block(); // Stripe retries the delivery

        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(eventsRecorded(succeeded)).isEqualTo(1);
    }

    @Test
    void aFailedAttemptLeavesTheOrderPayable() {
        Order order = checkout.place(card(1)).block().order();
        String failed = event("evt_ko_" + UUID.randomUUID(), "payment_intent.payment_failed",
                paymentIntent(intentOf(order), "requires_payment_method", order.total().dong(), null, "Your card was declined."));

        payments.webhook(failed, sign(failed)).block();

        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(payments.payment(order.id()).block().error()).isEqualTo("Your card was declined.");
    }

    @Test
    void aBadOrStaleSignatureIsRefusedAndChangesNothing() {
        Order order = checkout.place(card(1)).block().order();
        String succeeded = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", paymentIntent(intentOf(order), "succeeded", 1, null, null));
        long now = System.currentTimeMillis() / 1000;

        assertThatThrownBy(() -> payments.webhook(succeeded, sign(succeeded).replace("v1=", "v1=0")).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_SIGNATURE));
        assertThatThrownBy(() -> payments.webhook(succeeded, StripeFixtures.sign(succeeded, now - 600)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_SIGNATURE));
        assertThatThrownBy(() -> payments.webhook(succeeded.replace("\"succeeded\"", "\"canceled\""), sign(succeeded)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_SIGNATURE));

        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void cancellingAPaidOrderRefundsWhatItHoldsOnceUnderTheCancelKey() {
        Order order = checkout.place(card(2)).block().order();
        paid(order);

        orders.cancel(shopper, order.id(), CancelReason.CHANGED_MIND).block();
        orders.cancel(shopper, order.id(), CancelReason.CHANGED_MIND).block();

        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("cancel:" + order.id().value()))
                .withRequestBody(containing("payment_intent=" + intentOf(order)))
                .withRequestBody(containing("amount=" + order.total().dong())));
        assertThat(payments.refunds(order.id()).collectList().block()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED));
        assertThat(payments.payment(order.id()).block().refundedAt()).as("Stripe said succeeded").isNotNull();
    }

    @Test
    void aPaymentThatArrivesAfterTheOrderWasCancelledIsRefunded() {
        Order order = checkout.place(card(1)).block().order();
        StripeFixtures.cancelAnswers(STRIPE, order, StripeFixtures.cancelled(order));
        orders.cancel(shopper, order.id(), CancelReason.CHANGED_MIND).block();

        paid(order); // an older payment's event, delivered late

        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.CANCELLED);
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("cancel:" + order.id().value())));
    }

    @Test
    void aCardTotalBelowStripesMinimumOrAboveEightDigitsIsRefusedBeforeAnyOrderIsWritten() {
        long before = ordersOf(shopper);
        setPrice(honey, 9_000);
        assertThatThrownBy(() -> checkout.place(pickupByCard(1)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> {
                    assertThat(e.code()).isEqualTo(OrdersErrorCode.CARD_AMOUNT_OUT_OF_RANGE);
                    assertThat(e.getMessage()).contains("at least 15000 đồng");
                });
        assertThat(checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, 1)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP))
                .block().order().total().dong()).as("paying at pickup, the same order goes through").isEqualTo(9_000);

        setPrice(honey, 50_000_000);
        assertThatThrownBy(() -> checkout.place(pickupByCard(2)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.CARD_AMOUNT_OUT_OF_RANGE));

        assertThat(ordersOf(shopper)).as("only the order paid at pickup").isEqualTo(before + 1);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(10, 1));
        STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents")));
        assertThat(payments.cardLimits().allows(new vn.ocop.catalog.Vnd(99_999_999))).isTrue();
        assertThat(payments.cardLimits().allows(new vn.ocop.catalog.Vnd(100_000_000))).isFalse();
    }

    @Test
    void aPaymentIntentStripeRejectsLeavesTheOrderPayableAndTryingAgainAsksStripeAgain() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(400,
                StripeFixtures.error("amount_too_small", "Amount must convert to at least 50 cents. ₫12,000 converts to approximately $0.46.", null))));

        Order order = checkout.place(card(1)).block().order();

        CardPayment refused = payments.payment(order.id()).block();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(refused.startFailed()).isTrue();
        assertThat(refused.intentError()).startsWith("refused: Amount must convert to at least 50 cents");
        assertThat(refused.clientSecret()).isNull();

        StripeFixtures.intentsAreMade(STRIPE); // Stripe takes it now
        CardPayment retried = payments.retryIntent(orders.mine(shopper, order.id()).block()).block();

        assertThat(retried.startFailed()).isFalse();
        assertThat(retried.clientSecret()).isEqualTo(intentOf(order) + "_secret_test");
        STRIPE.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key", equalTo(order.id().value().toString())));
        payments.retryIntent(orders.mine(shopper, order.id()).block()).block();
        STRIPE.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents")));
    }

    private void paid(Order order) {
        String succeeded = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
                paymentIntent(intentOf(order), "succeeded", order.total().dong(), "ch_" + order.id().value(), null));
        payments.webhook(succeeded, sign(succeeded)).block();
    }

    private long eventsRecorded(String payload) {
        String id = payload.substring(payload.indexOf("\"id\": \"") + 7);
        return db.sql("select count(*) as n from stripe_event where id = :id").bind("id", id.substring(0, id.indexOf('"')))
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }

    private long ordersOf(UUID account) {
        return db.sql("select count(*) as n from customer_order where account_id = :a").bind("a", account).map((r, m) -> r.get("n", Long.class)).one().block();
    }

    private void setPrice(ProductId product, long price) {
        db.sql("update product set price_vnd = :p where id = :id").bind("p", price).bind("id", product.value()).then().block();
    }

    private OrderRequest card(int quantity) {
        return new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, quantity)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.delivery("01", "00070", "25 Hàng Bạc"),
                PaymentMethod.CARD);
    }

    private OrderRequest pickupByCard(int quantity) {
        return new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, quantity)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.pickup(showroom), PaymentMethod.CARD);
    }
}
