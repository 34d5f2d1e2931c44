package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/** Live sale events on the real database: who may do what in which state, the offer's pool, claims, their lapse, checkout at the flash price. */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(LiveSalesIntegrationTests.Clocks.class)
@OwnDatabase
class LiveSalesIntegrationTests {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired
    LiveSales live;
    @Autowired
    Carts carts;
    @Autowired
    Checkout checkout;
    @Autowired
    Orders orders;
    @Autowired
    Inventory inventory;
    @Autowired
    StockReports reports;
    @Autowired
    Catalog catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    ProducerId producer;
    ProductId tea;
    LocationId showroom;
    long listPrice;

    @BeforeEach
    void producerWithStock() {
        clock.set(NOW);
        fixtures = new StockFixtures(db);
        producer = fixtures.catalog().producer("HTX Chè Tân Cương", null).block();
        tea = fixtures.sellableProduct(producer, "Chè búp Tân Cương", catalog.today()).block();
        showroom = fixtures.showroom("Showroom OCOP Thái Nguyên", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, tea, 10, OffsetDateTime.now(clock), null)),
                "staff").block();
        listPrice = reports.offers(List.of(tea), catalog.today()).blockFirst().price().dong();
    }

    @Test
    void eachActionChecksTheOwnerAndTheState() {
        assertThatThrownBy(() -> new EventPlan("Phiên", "https://example.com/video", OffsetDateTime.now(clock), OffsetDateTime.now(clock).plusHours(1)))
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_REQUEST));
        LiveEvent event = scheduled();
        ProducerId other = fixtures.catalog().producer("HTX khác", null).block();
        ProductId othersProduct = fixtures.sellableProduct(other, "Miến dong", catalog.today()).block();

        assertThat(event.status()).isEqualTo(LiveStatus.SCHEDULED);
        assertThat(event.embedUrl()).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&mute=1");
        assertCode(() -> live.start(other, event.id()).block(), OrdersErrorCode.NOT_FOUND);
        assertCode(() -> live.pin(producer, event.id(), tea).block(), OrdersErrorCode.INVALID_STATE);
        assertThat(live.start(producer, event.id()).block().status()).isEqualTo(LiveStatus.LIVE);
        assertCode(() -> live.start(producer, event.id()).block(), OrdersErrorCode.INVALID_STATE);
        assertCode(() -> live.pin(producer, event.id(), othersProduct).block(), OrdersErrorCode.NOT_FOUND);
        assertThat(live.pin(producer, event.id(), tea).block().pinned()).isEqualTo(tea);
        assertThat(live.state(event.id()).block().pinned().name()).isEqualTo("Chè búp Tân Cương");
        assertThat(live.end(producer, event.id()).block().status()).isEqualTo(LiveStatus.ENDED);
        assertCode(() -> live.cancel(producer, event.id()).block(), OrdersErrorCode.INVALID_STATE);
        assertCode(() -> live.open(producer, event.id(), terms(6, 2)).block(), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void anOfferReservesItsCapAsThePoolAndClosingReleasesWhatIsLeft() {
        LiveEvent event = started();
        assertCode(() -> live.open(producer, event.id(), new OfferTerms(tea, showroom, new Vnd(listPrice), 5, 1)).block(), OrdersErrorCode.INVALID_REQUEST);
        assertCode(() -> live.open(producer, event.id(), terms(11, 2)).block(), OrdersErrorCode.NOT_ENOUGH_STOCK);
        assertThat(fixtures.stock(showroom, tea).block()).as("a refused offer reserves nothing").isEqualTo(new Stock(10, 0));

        FlashOffer offer = live.open(producer, event.id(), terms(6, 2)).block();
        assertThat(fixtures.stock(showroom, tea).block()).isEqualTo(new Stock(10, 6));
        UUID other = UUID.randomUUID();
        assertCode(() -> carts.ofAccount(other).flatMap(c -> carts.add(c, tea, 5)).block(), OrdersErrorCode.NOT_ENOUGH_STOCK);
        assertCode(() -> live.open(producer, event.id(), terms(2, 1)).block(), OrdersErrorCode.INVALID_STATE);

        live.claim(UUID.randomUUID(), event.id(), offer.id(), 2).block();
        assertThat(live.close(producer, event.id(), offer.id()).block().open()).isFalse();
        live.close(producer, event.id(), offer.id()).block();

        assertThat(fixtures.stock(showroom, tea).block()).as("the held claim lapsed with the offer: all 6 back").isEqualTo(new Stock(10, 0));
        assertCode(() -> live.claim(UUID.randomUUID(), event.id(), offer.id(), 1).block(), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void aClaimHoldsTheFlashPriceTenMinutesThenGoesBackToTheCap() {
        LiveEvent event = started();
        FlashOffer offer = live.open(producer, event.id(), terms(6, 2)).block();
        UUID buyer = UUID.randomUUID();

        live.claim(buyer, event.id(), offer.id(), 2).block();
        assertCode(() -> live.claim(buyer, event.id(), offer.id(), 1).block(), OrdersErrorCode.LIMIT_REACHED);
        Cart cart = carts.ofAccount(buyer).flatMap(carts::view).block();
        assertThat(cart.lines()).singleElement().satisfies(l -> {
            assertThat(l.flashQuantity()).isEqualTo(2);
            assertThat(l.total()).isEqualTo(new Vnd(2 * flashPrice()));
            assertThat(l.orderable()).isTrue();
        });
        assertThat(remaining(event, offer)).isEqualTo(4);

        clock.set(NOW.plus(Duration.ofMinutes(9)));
        assertThat(live.lapseClaims().block()).isZero();
        clock.set(NOW.plus(Duration.ofMinutes(10)));
        assertThat(live.lapseClaims().block()).as("this claim, and any other test's made at the same instant").isPositive();

        assertThat(remaining(event, offer)).isEqualTo(6);
        assertThat(carts.ofAccount(buyer).flatMap(carts::view).block().total()).as("list price once the claim lapsed").isEqualTo(new Vnd(2 * listPrice));
        assertThat(live.claim(buyer, event.id(), offer.id(), 2).block().quantity()).as("the limit counts only what is held or bought").isEqualTo(2);
    }

    @Test
    void checkoutTakesHeldUnitsAtTheFlashPriceFromThePoolAndTheRestAtListPrice() {
        LiveEvent event = started();
        FlashOffer offer = live.open(producer, event.id(), terms(6, 2)).block();
        UUID buyer = UUID.randomUUID();
        live.claim(buyer, event.id(), offer.id(), 2).block();
        CartId cart = carts.ofAccount(buyer).block();
        carts.set(cart, tea, 3).block();

        Order order = checkout.place(new OrderRequest(UUID.randomUUID().toString(), buyer, List.of(new OrderRequest.Line(tea, 3)),
                new Contact("Lê Văn Hùng", "0912345678", "hung@example.vn"), Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.COD))
                .block().order();

        assertThat(order.lines()).extracting(Order.Line::quantity, l -> l.unitPrice().dong()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, flashPrice()), org.assertj.core.groups.Tuple.tuple(1, listPrice));
        assertThat(order.linesTotal()).isEqualTo(new Vnd(2 * flashPrice() + listPrice));
        assertThat(fixtures.stock(showroom, tea).block()).as("the pool's 6 (2 now the order's) and 1 more").isEqualTo(new Stock(10, 7));

        live.end(producer, event.id()).block();
        assertThat(fixtures.stock(showroom, tea).block()).as("ending released the 4 left, not the ordered 2").isEqualTo(new Stock(10, 3));
        orders.cancel(buyer, order.id(), CancelReason.CHANGED_MIND).block();
        assertThat(fixtures.stock(showroom, tea).block()).isEqualTo(new Stock(10, 0));
    }

    @Test
    void afterTheEventEndsHeldClaimsLapseAndTheCartIsAtListPrice() {
        LiveEvent event = started();
        FlashOffer offer = live.open(producer, event.id(), terms(6, 2)).block();
        UUID buyer = UUID.randomUUID();
        live.claim(buyer, event.id(), offer.id(), 2).block();

        live.end(producer, event.id()).block();

        assertCode(() -> live.claim(UUID.randomUUID(), event.id(), offer.id(), 1).block(), OrdersErrorCode.INVALID_STATE);
        Cart cart = carts.ofAccount(buyer).flatMap(carts::view).block();
        assertThat(cart.total()).isEqualTo(new Vnd(2 * listPrice));
        assertThat(cart.lines().get(0).flashQuantity()).isZero();
        assertThat(fixtures.stock(showroom, tea).block()).isEqualTo(new Stock(10, 0));
    }

    @Test
    void aThousandConcurrentClaimsOnACapOfAHundredClaimExactlyAHundred() {
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, tea, 190, OffsetDateTime.now(clock), null)),
                "staff").block();
        LiveEvent event = started();
        FlashOffer offer = live.open(producer, event.id(), terms(100, 3)).block();
        List<UUID> buyers = Flux.range(0, 250).map(i -> UUID.randomUUID()).collectList().block();
        Map<UUID, AtomicInteger> claimed = new ConcurrentHashMap<>();
        Map<OrdersErrorCode, AtomicInteger> refused = new ConcurrentHashMap<>();

        Flux.range(0, 1000)
                .flatMap(i -> live.claim(buyers.get(i % 250), event.id(), offer.id(), 1)
                        .doOnNext(c -> claimed.computeIfAbsent(c.account(), a -> new AtomicInteger()).addAndGet(c.quantity()))
                        .onErrorResume(OrdersException.class, e -> {
                            refused.computeIfAbsent(e.code(), c -> new AtomicInteger()).incrementAndGet();
                            return Mono.empty();
                        }), 1000)
                .blockLast(Duration.ofMinutes(2));

        assertThat(claimed.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(100);
        assertThat(claimed.values()).allSatisfy(n -> assertThat(n.get()).isLessThanOrEqualTo(3));
        assertThat(refused.keySet()).containsOnly(OrdersErrorCode.NOT_ENOUGH_STOCK);
        assertThat(refused.get(OrdersErrorCode.NOT_ENOUGH_STOCK).get()).isEqualTo(900);
        assertThat(remaining(event, offer)).isZero();
        assertThat(db.sql("select coalesce(sum(quantity), 0)::int as n from flash_claim where offer_id = :o").bind("o", offer.id())
                .map((r, m) -> r.get("n", Integer.class)).one().block()).isEqualTo(100);
        Stock stock = fixtures.stock(showroom, tea).block();
        assertThat(stock).isEqualTo(new Stock(200, 100));
        assertThat(stock.onHand() - stock.reserved()).isNotNegative();
    }

    @Test
    void theBuyersLimitHoldsUnderConcurrency() {
        LiveEvent event = started();
        FlashOffer offer = live.open(producer, event.id(), terms(10, 2)).block();
        UUID buyer = UUID.randomUUID();

        long won = Flux.range(0, 20).flatMap(i -> live.claim(buyer, event.id(), offer.id(), 1).onErrorResume(OrdersException.class, e -> Mono.empty()), 20)
                .count().block();

        assertThat(won).isEqualTo(2);
        assertThat(remaining(event, offer)).isEqualTo(8);
    }

    private LiveEvent scheduled() {
        return live.schedule(producer, new EventPlan("Phiên live chè Tân Cương", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                OffsetDateTime.now(clock).plusMinutes(5), OffsetDateTime.now(clock).plusHours(2))).block();
    }

    private LiveEvent started() {
        return live.start(producer, scheduled().id()).block();
    }

    private OfferTerms terms(int cap, int perBuyer) {
        return new OfferTerms(tea, showroom, new Vnd(flashPrice()), cap, perBuyer);
    }

    @Test
    void aViewersStreamsCountOnceAndEachViewerCountsUntilItsLastStreamEnds() {
        LiveEvent event = started();
        List<Disposable> oneAddress = List.of(watch(event, "address:203.0.113.5"), watch(event, "address:203.0.113.5"),
                watch(event, "address:203.0.113.5"));
        Disposable mai = watch(event, "account:" + UUID.randomUUID());
        Disposable lan = watch(event, "account:" + UUID.randomUUID());
        watch(event, "account:" + UUID.randomUUID()).dispose(); // came and left

        await().atMost(Duration.ofSeconds(10)).until(() -> viewers(event) == 3); // one address with three streams, two accounts
        oneAddress.get(0).dispose();
        oneAddress.get(1).dispose();
        assertThat(viewers(event)).as("the address still has a stream open").isEqualTo(3);
        oneAddress.get(2).dispose();
        await().atMost(Duration.ofSeconds(10)).until(() -> viewers(event) == 2);
        mai.dispose();
        lan.dispose();
        await().atMost(Duration.ofSeconds(10)).until(() -> viewers(event) == 0);
    }

    private Disposable watch(LiveEvent event, String viewer) {
        return live.news(event.id(), viewer).subscribe();
    }

    private int viewers(LiveEvent event) {
        return live.state(event.id()).block().viewers();
    }

    private long flashPrice() {
        return listPrice * 8 / 10;
    }

    private int remaining(LiveEvent event, FlashOffer offer) {
        return live.state(event.id()).block().offers().stream().filter(o -> o.id().equals(offer.id())).findFirst().map(FlashOffer::remaining).orElse(0);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, OrdersErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
