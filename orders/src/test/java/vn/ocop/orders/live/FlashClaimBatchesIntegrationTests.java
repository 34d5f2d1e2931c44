package vn.ocop.orders.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
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
import vn.ocop.orders.EventPlan;
import vn.ocop.orders.FlashOffer;
import vn.ocop.orders.LiveEvent;
import vn.ocop.orders.LiveSales;
import vn.ocop.orders.OfferTerms;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.OrdersTestApplication;

/**
 * Claims on one offer all at once, settled a batch at a time, on the real database: the cap and the limit per buyer
 * are exact, the count viewers were told last is the offer's, and lapsing the held claims (twice at once) gives
 * every unit back exactly once; two instances, each batching its own claims, share the offer as exactly.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(FlashClaimBatchesIntegrationTests.Clocks.class)
@OwnDatabase
class FlashClaimBatchesIntegrationTests {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

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
    Inventory inventory;
    @Autowired
    StockReports reports;
    @Autowired
    Catalog catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;
    @Autowired
    FlashClaims flashClaims;
    @Autowired
    LiveRows rows;
    @Autowired
    ClaimBatch batch;
    @Autowired
    TransactionalOperator transactions;

    ProducerId producer;
    ProductId tea;
    LocationId showroom;
    long listPrice;

    @BeforeEach
    void producerWithStock() {
        clock.set(NOW);
        StockFixtures fixtures = new StockFixtures(db);
        producer = fixtures.catalog().producer("HTX Chè Thái Nguyên", null).block();
        tea = fixtures.sellableProduct(producer, "Chè đinh Thái Nguyên", catalog.today()).block();
        showroom = fixtures.showroom("Quầy OCOP Đồng Hỷ", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, tea, 500, OffsetDateTime.now(clock), null)),
                "staff").block();
        listPrice = reports.offers(List.of(tea), catalog.today()).blockFirst().price().dong();
    }

    @Test
    void aThousandClaimsOfOneAndTwoUnitsForACapOfAHundredTakeExactlyTheCapAndLapsingTwiceAtOnceGivesItBackOnce() {
        LiveEvent event = live.start(producer, live.schedule(producer, plan()).block().id()).block();
        FlashOffer offer = live.open(producer, event.id(), new OfferTerms(tea, showroom, new Vnd(listPrice / 2), 100, 3)).block();
        AtomicReference<Integer> told = new AtomicReference<>();
        Disposable viewer = live.news(event.id(), "account:" + UUID.randomUUID())
                .filter(n -> "remaining".equals(n.type()) && offer.id().equals(n.offer()))
                .subscribe(n -> told.set(n.remaining()));
        List<UUID> buyers = Flux.range(0, 250).map(i -> UUID.randomUUID()).collectList().block();

        Outcome claims = claimAllAtOnce(event, offer, buyers, 1000);

        assertThat(claims.units()).isEqualTo(100);
        assertThat(claims.byBuyer().values()).allSatisfy(n -> assertThat(n.get()).isLessThanOrEqualTo(3));
        assertThat(claims.refused().keySet()).isSubsetOf(OrdersErrorCode.NOT_ENOUGH_STOCK, OrdersErrorCode.LIMIT_REACHED);
        assertThat(claims.refused().values().stream().mapToInt(AtomicInteger::get).sum() + claims.granted()).as("every claim answered").isEqualTo(1000);
        assertThat(heldUnits(offer)).isEqualTo(100);
        assertThat(heldByBuyer(offer)).as("each buyer's allowance is what it holds").isEqualTo(allowances(offer)).allSatisfy((b, n) -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(cartUnits(buyers)).as("every claimed unit is in its buyer's cart").isEqualTo(100);
        assertThat(remaining(offer)).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(told.get()).as("the last count viewers were told").isZero());

        clock.set(NOW.plus(Duration.ofMinutes(10)));
        Mono.zip(live.lapseClaims(), live.lapseClaims()).block();

        assertThat(remaining(offer)).as("every unit back once").isEqualTo(100);
        assertThat(heldUnits(offer)).isZero();
        assertThat(allowances(offer).values()).allSatisfy(n -> assertThat(n).isZero());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(told.get()).isEqualTo(100));
        viewer.dispose();
    }

    @Test
    void buyersPressingOverAndOverAreHeldToTheirLimitAndViewersAreToldWhatIsLeft() {
        LiveEvent event = live.start(producer, live.schedule(producer, plan()).block().id()).block();
        FlashOffer offer = live.open(producer, event.id(), new OfferTerms(tea, showroom, new Vnd(listPrice / 2), 100, 2)).block();
        AtomicReference<Integer> told = new AtomicReference<>();
        Disposable viewer = live.news(event.id(), "account:" + UUID.randomUUID())
                .filter(n -> "remaining".equals(n.type()) && offer.id().equals(n.offer()))
                .subscribe(n -> told.set(n.remaining()));
        List<UUID> buyers = Flux.range(0, 40).map(i -> UUID.randomUUID()).collectList().block();

        Outcome claims = claimAllAtOnce(event, offer, buyers, 400);

        int claimed = claims.units();
        assertThat(claims.byBuyer().values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(2));
        assertThat(claimed).isEqualTo(80);
        assertThat(claims.refused().keySet()).containsOnly(OrdersErrorCode.LIMIT_REACHED);
        assertThat(heldUnits(offer)).isEqualTo(80);
        assertThat(remaining(offer)).isEqualTo(100 - 80);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(told.get()).as("the last count viewers were told").isEqualTo(20));
        viewer.dispose();
    }

    @Test
    void twoInstancesBatchingTheirOwnClaimsOnOneOfferTakeExactlyTheCapTogether() {
        LiveEvent event = live.start(producer, live.schedule(producer, plan()).block().id()).block();
        FlashOffer offer = live.open(producer, event.id(), new OfferTerms(tea, showroom, new Vnd(listPrice / 2), 100, 3)).block();
        Claiming other = new Claiming(flashClaims, rows, batch, transactions, clock); // its own queues, as another instance has
        List<UUID> buyers = Flux.range(0, 250).map(i -> UUID.randomUUID()).collectList().block();
        Map<UUID, AtomicInteger> claimed = new ConcurrentHashMap<>();

        long refused = Flux.range(0, 1000)
                .flatMap(i -> (i % 2 == 0 ? live.claim(buyers.get(i % 250), event.id(), offer.id(), 1) : other.claim(buyers.get(i % 250), event.id(), offer.id(), 1))
                        .doOnNext(c -> claimed.computeIfAbsent(c.account(), a -> new AtomicInteger()).addAndGet(c.quantity()))
                        .map(c -> false)
                        .onErrorResume(OrdersException.class, e -> Mono.just(true)), 1000)
                .filter(r -> r).count().block(Duration.ofMinutes(2));

        assertThat(claimed.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(100);
        assertThat(refused).isEqualTo(900);
        assertThat(heldByBuyer(offer)).isEqualTo(allowances(offer)).allSatisfy((b, n) -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(remaining(offer)).isZero();
    }

    @Test
    void closingAnOfferWithHundredsOfHeldClaimsLapsesThemGivesAllowancesBackAndReleasesItsPool() {
        LiveEvent event = live.start(producer, live.schedule(producer, plan()).block().id()).block();
        FlashOffer offer = live.open(producer, event.id(), new OfferTerms(tea, showroom, new Vnd(listPrice / 2), 400, 99)).block();
        List<UUID> buyers = Flux.range(0, 1000).map(i -> UUID.randomUUID()).collectList().block();
        claimAllAtOnce(event, offer, buyers, 5000);

        live.close(producer, event.id(), offer.id()).block(Duration.ofSeconds(60));

        assertThat(heldUnits(offer)).isZero();
        assertThat(allowances(offer).values()).as("every buyer's allowance given back").allSatisfy(n -> assertThat(n).isZero());
        assertThat(live.open(producer, event.id(), new OfferTerms(tea, showroom, new Vnd(listPrice / 2), 400, 99)).block(Duration.ofSeconds(60)).remaining())
                .isEqualTo(400);
    }

    @Test
    void endingAnEventClosesEachOfItsOpenOffersWithTheirHeldClaims() {
        StockFixtures fixtures = new StockFixtures(db);
        LiveEvent event = live.start(producer, live.schedule(producer, plan()).block().id()).block();
        List<ProductId> products = Flux.range(0, 3).concatMap(i -> fixtures.sellableProduct(producer, "Chè số " + i, catalog.today())).collectList().block();
        products.forEach(p -> inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, p, 50,
                OffsetDateTime.now(clock), null)), "staff").block());
        List<FlashOffer> offers = products.stream().map(p -> live.open(producer, event.id(), new OfferTerms(p, showroom,
                new Vnd(reports.offers(List.of(p), catalog.today()).blockFirst().price().dong() / 2), 40, 5)).block()).toList();
        List<UUID> buyers = Flux.range(0, 20).map(i -> UUID.randomUUID()).collectList().block();
        offers.forEach(o -> claimAllAtOnce(event, o, buyers, 60));

        live.end(producer, event.id()).block(Duration.ofSeconds(60));

        assertThat(offers).allSatisfy(o -> {
            assertThat(heldUnits(o)).isZero();
            assertThat(allowances(o).values()).allSatisfy(n -> assertThat(n).isZero());
        });
    }

    private record Outcome(Map<UUID, AtomicInteger> byBuyer, Map<OrdersErrorCode, AtomicInteger> refused, AtomicInteger claims) {
        int granted() {
            return claims.get();
        }

        int units() {
            return byBuyer.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    /** {@code count} claims, the i-th by buyer i mod buyers, of 1 unit or (every third) 2, all subscribed at once. */
    private Outcome claimAllAtOnce(LiveEvent event, FlashOffer offer, List<UUID> buyers, int count) {
        Map<UUID, AtomicInteger> claimed = new ConcurrentHashMap<>();
        Map<OrdersErrorCode, AtomicInteger> refused = new ConcurrentHashMap<>();
        AtomicInteger granted = new AtomicInteger();
        Flux.range(0, count)
                .flatMap(i -> live.claim(buyers.get(i % buyers.size()), event.id(), offer.id(), i % 3 == 2 ? 2 : 1)
                        .doOnNext(c -> granted.incrementAndGet())
                        .doOnNext(c -> claimed.computeIfAbsent(c.account(), a -> new AtomicInteger()).addAndGet(c.quantity()))
                        .onErrorResume(OrdersException.class, e -> {
                            refused.computeIfAbsent(e.code(), c -> new AtomicInteger()).incrementAndGet();
                            return Mono.empty();
                        }), count)
                .blockLast(Duration.ofMinutes(2));
        return new Outcome(claimed, refused, granted);
    }

    private EventPlan plan() {
        return new EventPlan("Phiên live chè đinh", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", OffsetDateTime.now(clock).plusMinutes(5),
                OffsetDateTime.now(clock).plusHours(2));
    }

    private int remaining(FlashOffer offer) {
        return db.sql("select remaining from flash_offer where id = :o").bind("o", offer.id()).map((r, m) -> r.get("remaining", Integer.class)).one().block();
    }

    private int heldUnits(FlashOffer offer) {
        return db.sql("select coalesce(sum(quantity), 0)::int as n from flash_claim where offer_id = :o and status = 'HELD'").bind("o", offer.id())
                .map((r, m) -> r.get("n", Integer.class)).one().block();
    }

    private Map<UUID, Integer> heldByBuyer(FlashOffer offer) {
        return db.sql("select account_id, sum(quantity)::int as n from flash_claim where offer_id = :o and status = 'HELD' group by account_id")
                .bind("o", offer.id()).map((r, m) -> Map.entry(r.get("account_id", UUID.class), r.get("n", Integer.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }

    private Map<UUID, Integer> allowances(FlashOffer offer) {
        return db.sql("select account_id, taken from flash_allowance where offer_id = :o").bind("o", offer.id())
                .map((r, m) -> Map.entry(r.get("account_id", UUID.class), r.get("taken", Integer.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }

    private int cartUnits(List<UUID> buyers) {
        return db.sql("select coalesce(sum(l.quantity), 0)::int as n from cart_line l join cart c on c.id = l.cart_id where c.account_id = any(:buyers) "
                        + "and l.product_id = :p")
                .bind("buyers", buyers.toArray(UUID[]::new)).bind("p", tea.value()).map((r, m) -> r.get("n", Integer.class)).one().block();
    }
}
