package vn.ocop.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Movement;
import vn.ocop.catalog.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/** An order's life after checkout, with the stock that moves with it, on the real database. */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(OrdersIntegrationTests.Clocks.class)
@OwnDatabase
class OrdersIntegrationTests {

    /** Stripe stands in so that card orders can be placed; their payment is PaymentsIntegrationTests' business. */
    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));

    static {
        STRIPE.start();
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"id": "pi_{{request.headers.Idempotency-Key}}", "object": "payment_intent", "amount": 1, "currency": "vnd",
                 "client_secret": "pi_{{request.headers.Idempotency-Key}}_secret", "status": "requires_payment_method"}""")));
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("ocop.stripe.secret-key", () -> "sk_test_ocop");
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
    Inventory inventory;
    @Autowired
    Catalog catalog;
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
        fixtures = new StockFixtures(db);
        producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        showroom = fixtures.showroom("Showroom", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 10, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
    }

    @Test
    void aDeliveryIsConfirmedShippedAndDeliveredByItsProducer() {
        Order order = place(Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.COD, 2);
        UUID fulfilment = order.lines().get(0).fulfilment();

        assertThat(orders.confirm(producer, fulfilment).block().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(orders.ship(producer, fulfilment).block().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThatThrownBy(() -> orders.ship(producer, fulfilment).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_STATE));
        assertThat(orders.delivered(producer, fulfilment).block().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(fixtures.stock(showroom, honey).block()).as("shipped goods left the showroom").isEqualTo(new Stock(8, 0));
    }

    @Test
    void anotherProducerOrShopperSeesNothing() {
        Order order = place(Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.COD, 1);
        ProducerId other = fixtures.catalog().producer("HTX khác", null).block();

        assertThatThrownBy(() -> orders.confirm(other, order.lines().get(0).fulfilment()).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> orders.mine(UUID.randomUUID(), order.id()).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.NOT_FOUND));
        assertThat(orders.ofProducer(other).collectList().block()).isEmpty();
    }

    @Test
    void aShopperCancelsBeforeShippingAndTheStockComesBackOnce() {
        Order order = place(Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.COD, 3);

        assertThat(orders.cancel(shopper, order.id()).block().status()).isEqualTo(OrderStatus.CANCELLED);
        orders.cancel(shopper, order.id()).block();

        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(10, 0));
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        Order order = place(Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.COD, 1);
        orders.confirm(producer, order.lines().get(0).fulfilment()).block();
        orders.ship(producer, order.lines().get(0).fulfilment()).block();

        assertThatThrownBy(() -> orders.cancel(shopper, order.id()).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_STATE));
    }

    @Test
    void staffHandAPickupOverByItsCode() {
        Order order = place(Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP, 2);
        assertThat(orders.pickupsAt(showroom).collectList().block()).extracting(Order::id).contains(order.id());

        assertThatThrownBy(() -> orders.handOver(showroom, "WRONG1", "staff").block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.NOT_FOUND));
        Order handed = orders.handOver(showroom, order.pickupCode().toLowerCase(), "staff").block();

        assertThat(handed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(8, 0));
        assertThatThrownBy(() -> orders.handOver(showroom, order.pickupCode(), "staff").block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_STATE));
    }

    @Test
    void unpaidCardOrdersAndUncollectedPickupsLapseAndGiveTheirStockBack() {
        Order card = place(Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.CARD, 1);
        Order pickup = place(Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP, 2);
        assertThat(orders.cancelLapsed().block()).isZero();

        clock.set(Instant.parse("2026-11-23T03:31:00Z"));
        assertThat(orders.cancelLapsed().block()).isEqualTo(1);
        clock.set(Instant.parse("2026-11-26T03:01:00Z"));
        assertThat(orders.cancelLapsed().block()).isEqualTo(1);

        assertThat(orders.mine(shopper, card.id()).block().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.mine(shopper, pickup.id()).block().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(10, 0));
    }

    private Order place(Destination destination, PaymentMethod payment, int quantity) {
        return checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, quantity)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), destination, payment)).block().order();
    }
}
