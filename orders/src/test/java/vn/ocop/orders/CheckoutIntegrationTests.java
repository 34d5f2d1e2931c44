package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/** Checkout on the real database: sale status checked again, stock reserved in the same transaction, retries safe. */
@SpringBootTest(classes = OrdersTestApplication.class)
@OwnDatabase
class CheckoutIntegrationTests {

    static final Contact MAI = new Contact("Nguyễn Thị Mai", "0912 345 678", "mai@example.vn");
    static final Destination HOAN_KIEM = Destination.delivery("01", "00070", "25 phố Hàng Bạc");

    @Autowired
    Checkout checkout;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
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
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 50, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
    }

    @Test
    void aCashOnDeliveryOrderReservesItsStockAndARetryReturnsTheSameOrder() {
        OrderRequest request = request("key-1", 3, HOAN_KIEM, PaymentMethod.COD);

        Checkout.Placed first = checkout.place(request).block();
        Checkout.Placed retry = checkout.place(request).block();

        assertThat(first.created()).isTrue();
        assertThat(first.order().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(first.order().linesTotal().dong()).isEqualTo(3 * 120000);
        assertThat(first.order().shipping().dong()).as("1,500 g within Hà Nội: the 1–2 kg band of the starting rates").isEqualTo(26_000);
        assertThat(first.order().total().dong()).isEqualTo(3 * 120000 + 26_000);
        assertThat(retry.created()).isFalse();
        assertThat(retry.order().id()).isEqualTo(first.order().id());
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(50, 3));
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefused() {
        checkout.place(request("key-2", 1, HOAN_KIEM, PaymentMethod.COD)).block();

        assertThatThrownBy(() -> checkout.place(request("key-2", 2, HOAN_KIEM, PaymentMethod.COD)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.IDEMPOTENCY_MISMATCH));
        assertThat(fixtures.stock(showroom, honey).block().reserved()).isEqualTo(1);
    }

    @Test
    void aProductWhoseRankingWasRevokedBeforePayingBlocksTheOrderAndReservesNothing() {
        CertificationId ranking = db.sql("select id from certification where product_id = :p").bind("p", honey.value())
                .map((r, m) -> new CertificationId(r.get("id", UUID.class))).one().block();
        fixtures.catalog().revoke(ranking, OffsetDateTime.now()).block();

        assertThatThrownBy(() -> checkout.place(request("key-3", 1, HOAN_KIEM, PaymentMethod.COD)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.NOT_SELLABLE));
        assertThat(fixtures.stock(showroom, honey).block().reserved()).isZero();
    }

    @Test
    void aPickupOrderGetsACodeAndADeadlineAtTheOutletThatHasTheStock() {
        Order order = checkout.place(request("key-4", 2, Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP)).block().order();

        assertThat(order.pickupCode()).matches("[A-Z2-9]{6}");
        assertThat(order.pickupDeadline()).isAfter(OffsetDateTime.now().plusDays(2));
        assertThat(order.fulfilments()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo(showroom));
        assertThat(order.shipping().dong()).as("a pickup sends nothing").isZero();
    }

    @Test
    void badDestinationsAndPaymentsAreRefusedBeforeAnythingIsReserved() {
        LocationId kiosk = fixtures.showroom("Quầy không nhận hàng", false).block();

        assertThatThrownBy(() -> request("k", 1, HOAN_KIEM, PaymentMethod.PAY_AT_PICKUP))
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> checkout.place(request("key-5", 1, Destination.delivery("79", "00070", "1 Lê Lợi"), PaymentMethod.COD)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> checkout.place(request("key-6", 1, Destination.pickup(kiosk), PaymentMethod.PAY_AT_PICKUP)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> request("k", 1, Destination.pickup(showroom), PaymentMethod.COD))
                .as("cash on delivery is for deliveries")
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_REQUEST));
        assertThat(fixtures.stock(showroom, honey).block().reserved()).isZero();
    }

    @Test
    void twoHundredBuyersForTheLastFiftyUnitsMakeExactlyFiftyOrders() {
        List<Object> outcomes = Flux.range(0, 200)
                .flatMap(i -> checkout.place(new OrderRequest("buyer-" + i, UUID.randomUUID(), List.of(new OrderRequest.Line(honey, 1)),
                                MAI, HOAN_KIEM, PaymentMethod.COD))
                        .<Object>map(Checkout.Placed::order)
                        .onErrorResume(OrdersException.class, e -> Mono.just(e.code()))
                        .subscribeOn(Schedulers.parallel()), 32)
                .collectList().block();

        assertThat(outcomes).filteredOn(o -> o instanceof Order).hasSize(50);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Order)).containsOnly(OrdersErrorCode.NOT_ENOUGH_STOCK);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(50, 50));
        assertThat(db.sql("select count(*) as n from customer_order").map((r, m) -> r.get("n", Long.class)).one().block())
                .isGreaterThanOrEqualTo(50);
        assertThat(db.sql("select count(*) as n from order_line where product_id = :p").bind("p", honey.value())
                .map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(50);
    }

    private OrderRequest request(String key, int quantity, Destination destination, PaymentMethod payment) {
        return new OrderRequest(key, shopper, List.of(new OrderRequest.Line(honey, quantity)), MAI, destination, payment);
    }
}
