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
import static vn.ocop.orders.StripeFixtures.dispute;
import static vn.ocop.orders.StripeFixtures.event;
import static vn.ocop.orders.StripeFixtures.intentOf;
import static vn.ocop.orders.StripeFixtures.json;
import static vn.ocop.orders.StripeFixtures.paymentIntent;
import static vn.ocop.orders.StripeFixtures.refund;
import static vn.ocop.orders.StripeFixtures.sign;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * Refunds keep Stripe's status, and a dispute holds the order: {@link Payments#refund} against WireMock standing in
 * for Stripe, and refund.* and charge.dispute.* events shaped like Stripe's, signed with the test secret.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(RefundsIntegrationTests.Clocks.class)
@OwnDatabase
class RefundsIntegrationTests {

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

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-12-06T03:00:00Z"));
        }
    }

    @Autowired
    Checkout checkout;
    @Autowired
    Payments payments;
    @Autowired
    Orders orders;
    @Autowired
    Fulfilments fulfilments;
    @Autowired
    Pickups pickups;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;
    @Autowired
    MutableClock clock;
    @Autowired
    Recalls recalls;
    @Autowired
    Lots lots;

    ProducerId producer;
    ProductId honey;
    LocationId showroom;
    UUID shopper;

    @BeforeEach
    void aPaidCardOrderCanBeMade() {
        STRIPE.resetAll();
        StripeFixtures.intentsAreMade(STRIPE);
        StripeFixtures.refundsAre(STRIPE, "pending");
        var fixtures = new StockFixtures(db);
        producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        showroom = fixtures.showroom("Showroom", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 20, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
    }

    @Test
    void aRefundIsPartOrAllOfThePaymentAndNeverMoreThanItStillHolds() {
        Order order = paid(delivery());
        long total = order.total().dong();

        CardRefund part = payments.refund(order.id(), new Vnd(100_000), "complaint:1", "damaged jar").block();
        CardRefund rest = payments.refund(order.id(), new Vnd(total - 100_000), "complaint:2", "not as described").block();

        assertThat(part.status()).as("Stripe's answer, not assumed done").isEqualTo(RefundStatus.PENDING);
        assertThat(part.stripeRefundId()).isEqualTo("re_complaint:1");
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("complaint:1"))
                .withRequestBody(containing("amount=100000")).withRequestBody(containing("payment_intent=" + intentOf(order)))
                .withRequestBody(containing("metadata[refundId]=" + part.id())));
        assertThat(rest.amount()).isEqualTo(new Vnd(total - 100_000));
        refused(() -> payments.refund(order.id(), new Vnd(1), "complaint:3", "one đồng more").block(), OrdersErrorCode.REFUND_EXCEEDS_PAYMENT);
        refused(() -> payments.refund(order.id(), new Vnd(0), "complaint:4", "nothing").block(), OrdersErrorCode.INVALID_REQUEST);
        STRIPE.verify(2, postRequestedFor(urlEqualTo("/v1/refunds")));
        assertThat(payments.payment(order.id()).block().refundable()).isEqualTo(new Vnd(0));

        Order unpaid = checkout.place(request(Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP)).block().order();
        refused(() -> payments.refund(unpaid.id(), new Vnd(1000), "complaint:5", "paid in cash").block(), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void theSameKeyIsTheSameRefundAndStripeIsAskedOnce() {
        Order order = paid(delivery());

        CardRefund first = payments.refund(order.id(), new Vnd(50_000), "complaint:same", "wrong item").block();
        CardRefund again = payments.refund(order.id(), new Vnd(50_000), "complaint:same", "wrong item").block();

        assertThat(again).isEqualTo(first);
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")));
        refused(() -> payments.refund(order.id(), new Vnd(60_000), "complaint:same", "wrong item").block(), OrdersErrorCode.IDEMPOTENCY_MISMATCH);
        assertThat(payments.refunds(order.id()).collectList().block()).hasSize(1);
    }

    @Test
    void anOrderIsRefundedOnlyWhenStripeSaysItsRefundSucceeded() {
        Order order = paid(delivery());
        CardRefund pending = payments.refund(order.id(), order.total(), "complaint:whole", "not received").block();
        assertThat(payments.payment(order.id()).block().refundedAt()).as("pending is not refunded").isNull();

        webhook("refund.updated", refund(pending.stripeRefundId(), intentOf(order), order.total().dong(), "succeeded", null, pending.id().toString(), 1));

        CardRefund succeeded = payments.refundById(pending.id()).block();
        assertThat(succeeded.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(succeeded.succeededAt()).isNotNull();
        assertThat(payments.payment(order.id()).block().refundedAt()).isNotNull();
    }

    @Test
    void aFailedRefundIsKeptWithStripesReasonGivesBackWhatItHeldAndCanBeTriedAgain() {
        Order order = paid(delivery());
        CardRefund pending = payments.refund(order.id(), new Vnd(80_000), "complaint:card", "damaged").block();

        webhook("refund.failed", refund(pending.stripeRefundId(), intentOf(order), 80_000, "failed", "expired_or_canceled_card", pending.id().toString(), 1));

        CardRefund failed = payments.refundById(pending.id()).block();
        assertThat(failed.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("expired_or_canceled_card");
        assertThat(payments.refundsWithStatus(RefundStatus.FAILED).map(CardRefund::id).collectList().block()).contains(failed.id());
        assertThat(payments.payment(order.id()).block().refundable()).as("a failed refund holds nothing").isEqualTo(order.total());

        CardRefund retried = payments.retryRefund(failed.id()).block();

        assertThat(retried.status()).isEqualTo(RefundStatus.PENDING);
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.stripeRefundId()).isEqualTo("re_complaint:card:attempt-2");
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("complaint:card:attempt-2"))
                .withRequestBody(containing("metadata[refundAttempt]=2")));
        webhook("refund.updated", refund(pending.stripeRefundId(), intentOf(order), 80_000, "failed", "expired_or_canceled_card", pending.id().toString(), 1));
        assertThat(payments.refundById(pending.id()).block().status()).as("news of the first attempt is old news").isEqualTo(RefundStatus.PENDING);
        refused(() -> payments.retryRefund(retried.id()).block(), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void aRefundStripeRefusesFailsAtOnceWithStripesReason() {
        Order order = paid(delivery());
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(400, StripeFixtures.error("charge_already_refunded",
                "Charge ch_1 has already been refunded.", null))));

        CardRefund refused = payments.refund(order.id(), new Vnd(10_000), "complaint:refused", "duplicate").block();

        assertThat(refused.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(refused.failureReason()).isEqualTo("charge_already_refunded: Charge ch_1 has already been refunded.");
        assertThat(payments.payment(order.id()).block().refundable()).isEqualTo(order.total());
    }

    @Test
    void aRefundStripeCouldNotBeReachedForStaysPendingAndIsSentAgainWithTheSameKey() {
        Order order = paid(delivery());
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        CardRefund unsent = payments.refund(order.id(), new Vnd(20_000), "complaint:outage", "damaged").block();
        assertThat(unsent.status()).isEqualTo(RefundStatus.PENDING);
        assertThat(unsent.stripeRefundId()).isNull();
        assertThat(payments.payment(order.id()).block().refundable()).as("held while unsent").isEqualTo(new Vnd(order.total().dong() - 20_000));

        StripeFixtures.refundsAre(STRIPE, "succeeded");
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        payments.catchUp().block();

        CardRefund sent = payments.refundById(unsent.id()).block();
        assertThat(sent.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/refunds")))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo("complaint:outage"));
    }

    @Test
    void refundsRacingEachOtherNeverTogetherPassWhatWasPaid() {
        Order order = paid(delivery());
        Vnd sixtyPercent = new Vnd(order.total().dong() * 6 / 10);

        List<String> outcomes = Flux.range(0, 10)
                .flatMap(i -> payments.refund(order.id(), sixtyPercent, "race:" + order.id().value() + ":" + i, "race")
                        .map(r -> "refunded")
                        .onErrorResume(OrdersException.class, e -> Mono.just(e.code().name())), 10)
                .collectList().block();

        assertThat(outcomes).filteredOn("refunded"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("refunded")).hasSize(9).containsOnly(OrdersErrorCode.REFUND_EXCEEDS_PAYMENT.name());
        assertThat(payments.payment(order.id()).block().refundsHeld()).isEqualTo(sixtyPercent);
    }

    @Test
    void aDisputedOrderIsHeldNotShippedNorHandedOverUntilTheDisputeIsWon() {
        Order delivery = paid(delivery());
        UUID parcel = delivery.fulfilments().get(0).id();
        fulfilments.confirm(producer, parcel, "producer@example.vn").block();
        Order pickup = paid(checkout.place(request(Destination.pickup(showroom), PaymentMethod.CARD)).block().order());
        pickups.markReady(showroom, pickup.fulfilments().get(0).id(), "staff@example.vn").block();

        webhook("charge.dispute.created", dispute("dp_1", intentOf(delivery), "ch_" + delivery.id().value(), delivery.total().dong(), "fraudulent", "needs_response"));
        // a dispute that names only the charge finds its order by the charge its payment recorded
        webhook("charge.dispute.created", dispute("dp_2", null, "ch_" + pickup.id().value(), pickup.total().dong(), "product_not_received", "warning_needs_response"));

        refused(() -> fulfilments.ship(producer, parcel, "producer@example.vn").block(), OrdersErrorCode.DISPUTED);
        refused(() -> pickups.handOver(showroom, pickup.pickupCode(), null, null, "staff@example.vn").block(), OrdersErrorCode.DISPUTED);
        assertThat(fulfilments.of(producer, parcel).block().held()).as("the producer's view says so").isTrue();
        assertThat(fulfilments.of(producer, parcel).block().canShip()).isFalse();
        assertThat(pickups.find(showroom, pickup.pickupCode()).block().held()).isTrue();
        assertThat(orders.mine(shopper, delivery.id()).block().dispute()).extracting(CardDispute::reason, CardDispute::status)
                .containsExactly("fraudulent", "needs_response");

        webhook("charge.dispute.closed", dispute("dp_1", intentOf(delivery), "ch_" + delivery.id().value(), delivery.total().dong(), "fraudulent", "won"));

        assertThat(fulfilments.ship(producer, parcel, "producer@example.vn").block().orderStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(orders.mine(shopper, pickup.id()).block().held()).as("the other dispute is still open").isTrue();
    }

    @Test
    void aRecalledLineOfAPaidCardOrderIsRefundedThatLineOnceAndTheLedgerGivesBackTheSame() {
        ProductId tea = new StockFixtures(db).sellableProduct(producer, "Chè Shan tuyết", catalog.today()).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, tea, 5, OffsetDateTime.now(), null)
                .ofLot(new LotRef("CHE-01", null, null))), "staff").block();
        Order order = paid(checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper,
                List.of(new OrderRequest.Line(honey, 2), new OrderRequest.Line(tea, 1)), new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"),
                Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.CARD)).block().order());
        assertThat(order.fulfilments()).as("one producer, one showroom: one parcel of two lines").hasSize(1);
        Order.Line honeyLine = order.lines().stream().filter(l -> l.product().equals(honey)).findFirst().orElseThrow();
        LotId unnamed = lots.find(honey, "KHONG-RO-LO").block().id();

        recalls.byProducer(producer, unnamed, "Nhiễm khuẩn", "htx@demo").block();
        recalls.byProducer(producer, unnamed, "Nhiễm khuẩn", "htx@demo").block();

        Order after = orders.mine(shopper, order.id()).block();
        assertThat(after.status()).as("the tea still goes").isEqualTo(OrderStatus.PLACED);
        assertThat(after.fulfilments().get(0).status()).isEqualTo(FulfilmentStatus.PLACED);
        assertThat(after.lines()).filteredOn(l -> !l.open()).singleElement().satisfies(l -> {
            assertThat(l.number()).isEqualTo(honeyLine.number());
            assertThat(l.cancelled()).isEqualTo(CancelReason.RECALLED);
        });
        String key = "recall:" + order.id().value() + ":line-" + honeyLine.number();
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(key))
                .withRequestBody(containing("amount=" + honeyLine.total().dong())));
        assertThat(payments.payment(order.id()).block().refundable()).isEqualTo(new Vnd(order.total().dong() - honeyLine.total().dong()));
        assertThat(db.sql("select coalesce(sum(goods_vnd), 0) as goods from money_event where order_id = :order and kind = 'CARD_REFUNDED'")
                .bind("order", order.id().value()).map((row, md) -> ((Number) row.get("goods")).longValue()).one().block())
                .as("the ledger gives back the line's goods, once").isEqualTo(honeyLine.total().dong());
    }

    private Order paid(Order order) {
        webhook("payment_intent.succeeded", paymentIntent(intentOf(order), "succeeded", order.total().dong(), "ch_" + order.id().value(), null));
        return orders.mine(shopper, order.id()).block();
    }

    private void webhook(String type, String object) {
        String payload = event("evt_" + UUID.randomUUID(), type, object);
        payments.webhook(payload, sign(payload)).block();
    }

    private Order delivery() {
        return checkout.place(request(Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.CARD)).block().order();
    }

    private OrderRequest request(Destination destination, PaymentMethod payment) {
        return new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, 2)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), destination, payment);
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, OrdersErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
