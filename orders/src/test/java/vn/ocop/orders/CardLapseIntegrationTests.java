package vn.ocop.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ocop.orders.StripeFixtures.cancelAnswers;
import static vn.ocop.orders.StripeFixtures.cancelled;
import static vn.ocop.orders.StripeFixtures.cannotCancel;
import static vn.ocop.orders.StripeFixtures.intentOf;

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
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/**
 * An unpaid card order gives its stock back only once its PaymentIntent is cancelled at Stripe: Stripe (WireMock)
 * saying it was paid meanwhile, or is being processed, keeps the order; Stripe away keeps it for the next run.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(CardLapseIntegrationTests.Clocks.class)
@OwnDatabase
class CardLapseIntegrationTests {

    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
    static final Instant PLACED = Instant.parse("2026-12-06T03:00:00Z");

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("ocop.stripe.secret-key", () -> "sk_test_ocop");
        registry.add("ocop.stripe.publishable-key", () -> "pk_test_ocop");
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
            return new MutableClock(PLACED);
        }
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
    @Autowired
    MutableClock clock;

    StockFixtures fixtures;
    ProductId honey;
    LocationId showroom;
    UUID shopper;

    @BeforeEach
    void productAndStripe() {
        clock.set(PLACED);
        STRIPE.resetAll();
        StripeFixtures.intentsAreMade(STRIPE);
        fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        showroom = fixtures.showroom("Showroom", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 10, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
    }

    @Test
    void aLapsedCardOrderCancelsItsPaymentIntentAtStripeBeforeItsStockGoesBack() {
        Order order = placeByCard(2);
        cancelAnswers(STRIPE, order, cancelled(order));

        lapse();

        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/" + intentOf(order) + "/cancel"))
                .withRequestBody(equalTo("cancellation_reason=abandoned"))
                .withHeader("Idempotency-Key", equalTo("abandon:" + order.id().value() + ":0")));
        assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stock()).isEqualTo(new Stock(10, 0));
    }

    @Test
    void aLapsedOrderStripeSaysWasPaidMeanwhileIsMarkedPaidAndKeepsItsStock() {
        Order order = placeByCard(2);
        cancelAnswers(STRIPE, order, cannotCancel(order, "succeeded", "ch_late"));

        assertThat(lapse()).isZero();

        Order kept = orders.mine(shopper, order.id()).block();
        assertThat(kept.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(kept.paidAt()).isNotNull();
        assertThat(payments.payment(order.id()).block().charge()).isEqualTo("ch_late");
        assertThat(stock()).isEqualTo(new Stock(10, 2));
        STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/refunds")));
    }

    @Test
    void aLapsedOrderWhosePaymentIsBeingProcessedIsKeptAndTheNextRunAsksStripeAfresh() {
        Order order = placeByCard(1);
        cancelAnswers(STRIPE, order, cannotCancel(order, "processing", null));

        assertThat(lapse()).isZero();
        assertThat(status(order)).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(stock()).isEqualTo(new Stock(10, 1));

        cancelAnswers(STRIPE, order, cancelled(order)); // the payment failed after all; the intent can be cancelled now
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(lapse()).isEqualTo(1);

        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/" + intentOf(order) + "/cancel"))
                .withHeader("Idempotency-Key", equalTo("abandon:" + order.id().value() + ":1")));
        assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stock()).isEqualTo(new Stock(10, 0));
    }

    @Test
    void withStripeAwayALapsedOrderKeepsItsStockUntilTheNextRunCanCancelItsIntent() {
        Order order = placeByCard(1);
        cancelAnswers(STRIPE, order, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(lapse()).as("nothing released, nothing lost").isZero();
        assertThat(status(order)).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(stock()).isEqualTo(new Stock(10, 1));

        cancelAnswers(STRIPE, order, cancelled(order));
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(lapse()).isEqualTo(1);
        assertThat(stock()).isEqualTo(new Stock(10, 0));
    }

    @Test
    void aShopperCancellingAnUnpaidCardOrderCancelsItsIntentFirstAndIsToldWhenItWasPaidMeanwhile() {
        Order unpaid = placeByCard(1);
        cancelAnswers(STRIPE, unpaid, cancelled(unpaid));
        orders.cancel(shopper, unpaid.id(), CancelReason.CHANGED_MIND).block();
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/" + intentOf(unpaid) + "/cancel"))
                .withRequestBody(containing("cancellation_reason=abandoned")));
        assertThat(status(unpaid)).isEqualTo(OrderStatus.CANCELLED);

        Order paidMeanwhile = placeByCard(1);
        cancelAnswers(STRIPE, paidMeanwhile, cannotCancel(paidMeanwhile, "succeeded", "ch_1"));
        assertThatThrownBy(() -> orders.cancel(shopper, paidMeanwhile.id(), CancelReason.CHANGED_MIND).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.PAYMENT_IN_PROGRESS));
        assertThat(status(paidMeanwhile)).as("kept, and now placed").isEqualTo(OrderStatus.PLACED);

        Order stripeAway = placeByCard(1);
        cancelAnswers(STRIPE, stripeAway, StripeFixtures.json(503, StripeFixtures.error("api_error", "Stripe is down", null)));
        assertThatThrownBy(() -> orders.cancel(shopper, stripeAway.id(), CancelReason.CHANGED_MIND).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.PAYMENT_PROVIDER_UNAVAILABLE));
        assertThat(status(stripeAway)).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(stock()).isEqualTo(new Stock(10, 2));
    }

    @Test
    void anOrderWhoseIntentStripeNeverMadeLapsesWithoutAskingStripe() {
        STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/payment_intents"))
                .willReturn(StripeFixtures.json(400, StripeFixtures.error("amount_too_small", "Amount must convert to at least 50 cents.", null))));
        Order order = placeByCard(1);

        assertThat(lapse()).isEqualTo(1);
        assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
        STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents/" + intentOf(order) + "/cancel")));
    }

    /** Half an hour and a minute after the order was placed, the lapse job runs. */
    private long lapse() {
        if (clock.instant().isBefore(PLACED.plus(Duration.ofMinutes(31)))) {
            clock.set(PLACED.plus(Duration.ofMinutes(31)));
        }
        return orders.cancelLapsed().block();
    }

    private OrderStatus status(Order order) {
        return orders.mine(shopper, order.id()).block().status();
    }

    private Stock stock() {
        return fixtures.stock(showroom, honey).block();
    }

    private Order placeByCard(int quantity) {
        return checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, quantity)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.pickup(showroom), PaymentMethod.CARD)).block().order();
    }
}
