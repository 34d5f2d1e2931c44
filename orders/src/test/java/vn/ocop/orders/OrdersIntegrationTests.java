package vn.ocop.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.SyncBatch;
import vn.ocop.catalog.stock.TillKey;
import vn.ocop.catalog.stock.TillKeys;
import vn.ocop.catalog.stock.TillMovement;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/** An order's life after checkout, each move and the stock and money that move with it, on the real database. */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(OrdersIntegrationTests.Clocks.class)
@OwnDatabase
class OrdersIntegrationTests {

    /** Stripe stands in so that card orders can be placed; their payment is PaymentsIntegrationTests' business. */
    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));

    static {
        STRIPE.start();
        StripeFixtures.intentsAreMade(STRIPE);
        // a lapsing card order's PaymentIntent is cancelled at Stripe first
        STRIPE.stubFor(post(urlPathMatching("/v1/payment_intents/[^/]+/cancel")).willReturn(StripeFixtures.json(200,
                StripeFixtures.paymentIntent("{{request.pathSegments.[2]}}", "canceled", 1, null, null))));
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("ocop.stripe.secret-key", () -> "sk_test_ocop");
        registry.add("ocop.stripe.publishable-key", () -> "pk_test_ocop");
        registry.add("ocop.stripe.api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
        }
    }

    @Autowired
    Checkout checkout;
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
    TillKeys tillKeys;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    ProducerId producer;
    ProductId honey;
    LocationId showroom;
    UUID shopper;

    @BeforeEach
    void productInStock() {
        clock.set(Instant.parse("2026-11-23T03:00:00Z"));
        fixtures = new StockFixtures(db);
        producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        showroom = fixtures.showroom("Showroom", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 10, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
    }

    @Test
    void aDeliveryIsConfirmedShippedAndDeliveredByItsProducerWithTheCashCollected() {
        Order order = place(HANOI, PaymentMethod.COD, 2);
        UUID parcel = parcel(order);
        long due = order.total().dong();

        assertThat(fulfilments.confirm(producer, parcel, "p@x.vn").block().orderStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(fulfilments.ship(producer, parcel, "p@x.vn").block().orderStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(fixtures.stock(showroom, honey).block()).as("shipped goods left the showroom").isEqualTo(new Stock(8, 0));
        assertCode(() -> fulfilments.ship(producer, parcel, "p@x.vn").block(), OrdersErrorCode.INVALID_STATE);
        assertCode(() -> fulfilments.delivered(producer, parcel, new Vnd(due - 1), "p@x.vn").block(), OrdersErrorCode.AMOUNT_MISMATCH);
        ProducerFulfilment delivered = fulfilments.delivered(producer, parcel, new Vnd(due), "p@x.vn").block();

        assertThat(delivered.orderStatus()).isEqualTo(OrderStatus.COMPLETED);
        Order done = orders.mine(shopper, order.id()).block();
        assertThat(done.fulfilments().get(0).taken()).extracting(MoneyTaken::method, MoneyTaken::amount).containsExactly(MoneyTaken.Method.CASH, new Vnd(due));
        assertThat(done.history()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.PLACED, OrderEvent.Kind.CONFIRMED,
                OrderEvent.Kind.SHIPPED, OrderEvent.Kind.DELIVERED);
        assertThat(done.history()).extracting(e -> e.by().kind()).containsExactly(Actor.Kind.SHOPPER, Actor.Kind.PRODUCER, Actor.Kind.PRODUCER, Actor.Kind.PRODUCER);
        assertThat(fixtures.stock(showroom, honey).block()).as("fulfilled once").isEqualTo(new Stock(8, 0));
    }

    @Test
    void anotherProducerOrShopperSeesNothing() {
        Order order = place(HANOI, PaymentMethod.COD, 1);
        ProducerId other = fixtures.catalog().producer("HTX khác", null).block();

        assertCode(() -> fulfilments.confirm(other, parcel(order), "o@x.vn").block(), OrdersErrorCode.NOT_FOUND);
        assertCode(() -> fulfilments.of(other, parcel(order)).block(), OrdersErrorCode.NOT_FOUND);
        assertCode(() -> orders.mine(UUID.randomUUID(), order.id()).block(), OrdersErrorCode.NOT_FOUND);
        assertThat(fulfilments.ofProducer(other).collectList().block()).isEmpty();
        assertCode(() -> orders.cancel(UUID.randomUUID(), order.id(), CancelReason.CHANGED_MIND).block(), OrdersErrorCode.NOT_FOUND);
    }

    @Test
    void aShopperCancelsBeforeShippingWithAReasonAndTheStockComesBackOnce() {
        Order order = place(HANOI, PaymentMethod.COD, 3);

        Order cancelled = orders.cancel(shopper, order.id(), CancelReason.BETTER_PRICE_ELSEWHERE).block();
        orders.cancel(shopper, order.id(), CancelReason.CHANGED_MIND).block();

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.mine(shopper, order.id()).block().cancellation()).get()
                .extracting(OrderEvent::reason, e -> e.by().kind()).containsExactly(CancelReason.BETTER_PRICE_ELSEWHERE, Actor.Kind.SHOPPER);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(10, 0));
        assertThat(db.sql("select cancel_reason, cancelled_by_kind from customer_order where id = :id").bind("id", order.id().value())
                .map((r, m) -> r.get("cancel_reason", String.class) + "/" + r.get("cancelled_by_kind", String.class)).one().block())
                .isEqualTo("BETTER_PRICE_ELSEWHERE/SHOPPER");
        assertCode(() -> orders.cancel(shopper, order.id(), CancelReason.NOT_COLLECTED).block(), OrdersErrorCode.INVALID_REQUEST);
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        Order order = place(HANOI, PaymentMethod.COD, 1);
        fulfilments.confirm(producer, parcel(order), "p@x.vn").block();
        fulfilments.ship(producer, parcel(order), "p@x.vn").block();

        assertCode(() -> orders.cancel(shopper, order.id(), CancelReason.CHANGED_MIND).block(), OrdersErrorCode.INVALID_STATE);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(9, 0));
    }

    @Test
    void aPickupIsHandedOverOnlyWhenReadyAndForThePaymentDue() {
        Order order = place(Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP, 2);
        long due = order.total().dong();
        assertThat(pickups.at(showroom).collectList().block()).extracting(PickupTask::order).contains(order.id());
        assertThat(pickups.find(showroom, order.pickupCode()).block().amountToTake()).isEqualTo(new Vnd(due));

        assertCode(() -> pickups.handOver(showroom, order.pickupCode(), MoneyTaken.Method.CASH, new Vnd(due), "staff").block(), OrdersErrorCode.INVALID_STATE);
        fulfilments.confirm(producer, parcel(order), "p@x.vn").block();
        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.READY_FOR_PICKUP);
        assertCode(() -> pickups.handOver(showroom, order.pickupCode(), MoneyTaken.Method.CASH, new Vnd(due + 1000), "staff").block(), OrdersErrorCode.AMOUNT_MISMATCH);
        assertThat(fixtures.stock(showroom, honey).block()).as("a refused handover moves nothing").isEqualTo(new Stock(10, 2));

        PickupTask handed = pickups.handOver(showroom, order.pickupCode().toLowerCase(), MoneyTaken.Method.CASH, new Vnd(due), "staff@x.vn").block();

        assertThat(handed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(8, 0));
        Order done = orders.mine(shopper, order.id()).block();
        assertThat(done.fulfilments()).singleElement().satisfies(f -> assertThat(f.taken()).extracting(MoneyTaken::method, MoneyTaken::amount, t -> t.by().name())
                .containsExactly(MoneyTaken.Method.CASH, new Vnd(due), "staff@x.vn"));
        assertCode(() -> pickups.handOver(showroom, order.pickupCode(), MoneyTaken.Method.CASH, new Vnd(due), "staff").block(), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void aShowroomMakesReadyTheGoodsItHoldsOnConsignment() {
        Order order = place(Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP, 1);
        LocationId elsewhere = fixtures.showroom("Showroom khác", true).block();

        assertCode(() -> pickups.markReady(elsewhere, parcel(order), "staff").block(), OrdersErrorCode.NOT_FOUND);
        PickupTask ready = pickups.markReady(showroom, parcel(order), "staff@x.vn").block();

        assertThat(ready.ready()).isTrue();
        assertThat(orders.mine(shopper, order.id()).block().history()).last()
                .extracting(OrderEvent::kind, e -> e.by().kind()).containsExactly(OrderEvent.Kind.READY_FOR_PICKUP, Actor.Kind.STAFF);
        assertCode(() -> pickups.markReady(showroom, parcel(order), "staff").block(), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void tenWrongCodesAtALocationWithinTenMinutesAndTheCounterWaits() {
        Order order = place(Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP, 1);
        LocationId other = fixtures.showroom("Showroom bên cạnh", true).block();
        for (int i = 0; i < 10; i++) {
            String wrong = "WRONG" + i;
            assertCode(() -> pickups.find(showroom, wrong).block(), OrdersErrorCode.NOT_FOUND);
            clock.set(clock.instant().plusSeconds(30));
        }

        assertThatThrownBy(() -> pickups.find(showroom, order.pickupCode()).block())
                .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(java.time.Duration.ofMinutes(10)));
        assertCode(() -> pickups.find(other, "WRONG1").block(), OrdersErrorCode.NOT_FOUND);

        clock.set(clock.instant().plus(java.time.Duration.ofMinutes(6)));
        assertThat(pickups.find(showroom, order.pickupCode()).block().order()).as("once the oldest are ten minutes old").isEqualTo(order.id());
    }

    @Test
    void unpaidCardOrdersAndUncollectedPickupsLapseAndGiveTheirStockBack() {
        Order card = place(HANOI, PaymentMethod.CARD, 1);
        Order pickup = place(Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP, 2);
        assertThat(orders.cancelLapsed().block()).isZero();

        clock.set(Instant.parse("2026-11-23T03:31:00Z"));
        assertThat(orders.cancelLapsed().block()).isEqualTo(1);
        clock.set(Instant.parse("2026-11-26T03:01:00Z"));
        assertThat(orders.cancelLapsed().block()).as("this pickup, and any other test's left uncollected").isPositive();
        assertThat(orders.cancelLapsed().block()).as("each lapses once").isZero();

        assertThat(orders.mine(shopper, card.id()).block().cancellation()).get().extracting(OrderEvent::reason, e -> e.by().kind())
                .containsExactly(CancelReason.NOT_PAID_IN_TIME, Actor.Kind.SYSTEM);
        assertThat(orders.mine(shopper, pickup.id()).block().cancellation()).get().extracting(OrderEvent::reason).isEqualTo(CancelReason.NOT_COLLECTED);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(10, 0));
    }

    @Test
    void unitsSoldCountCompletedLinesAndTillSalesButNotPlacedShippedOrCancelledOnes() {
        long before = unitsSold();
        Order delivered = place(HANOI, PaymentMethod.COD, 2);
        fulfilments.confirm(producer, parcel(delivered), "p@x.vn").block();
        fulfilments.ship(producer, parcel(delivered), "p@x.vn").block();
        assertThat(unitsSold()).as("shipped is not completed").isEqualTo(before);
        fulfilments.delivered(producer, parcel(delivered), delivered.total(), "p@x.vn").block();

        Order collected = place(Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP, 1);
        fulfilments.confirm(producer, parcel(collected), "p@x.vn").block();
        pickups.handOver(showroom, collected.pickupCode(), MoneyTaken.Method.CASH, collected.total(), "staff@x.vn").block();

        Order cancelled = place(HANOI, PaymentMethod.COD, 3);
        orders.cancel(shopper, cancelled.id(), CancelReason.CHANGED_MIND).block();
        place(HANOI, PaymentMethod.COD, 1);
        TillKey till = tillKeys.issue(showroom, "Quầy 1").block().key();
        inventory.sync(new SyncBatch(showroom, till, "till-1", null, List.of(new TillMovement(UUID.randomUUID(), "SALE", honey.value(),
                null, 4, null, null, OffsetDateTime.now())))).block();

        assertThat(unitsSold()).as("2 delivered, 1 collected, 4 at the till").isEqualTo(before + 2 + 1 + 4);
    }

    private long unitsSold() {
        return catalog.stock(List.of(honey)).block().get(honey).unitsSold();
    }

    static final Destination HANOI = Destination.delivery("01", "00070", "25 Hàng Bạc");

    private Order place(Destination destination, PaymentMethod payment, int quantity) {
        return checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, quantity)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), destination, payment)).block().order();
    }

    private static UUID parcel(Order order) {
        return order.fulfilments().get(0).id();
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, OrdersErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
