package vn.ocop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.MovementResult.Rejection;
import vn.ocop.catalog.stock.MovementResult.Status;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/** Offline till sync on the real database: exactly once, sales never refused, bad lines rejected alone. */
@SpringBootTest(classes = CatalogTestApplication.class, properties = "ocop.sync.max-batch=50")
@OwnDatabase
class TillSyncIntegrationTests {

    @Autowired
    Inventory inventory;
    @Autowired
    TillKeys keys;
    @Autowired
    StockReports reports;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    LocalDate today;
    ProducerId producer;
    LocationId showroom;
    TillKey till;
    ProductId honey;
    ProductId tea;

    @BeforeEach
    void showroomWithTwoProducts() {
        fixtures = new StockFixtures(db);
        today = catalog.today();
        producer = fixtures.catalog().producer("HTX Mật ong Bắc Kạn", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", today).block();
        tea = fixtures.sellableProduct(producer, "Chè Shan tuyết", today).block();
        showroom = fixtures.showroom("Showroom OCOP Hà Nội", true).block();
        till = keys.issue(showroom, "Quầy 1").block().key();
    }

    @Test
    void eachMovementIsAppliedOnceAndAReplayIsAnsweredAsDuplicate() {
        List<TillMovement> batch = List.of(receipt(honey, 10), sale(honey, 3), receipt(tea, 5));

        SyncAnswer first = sync(batch);
        SyncAnswer replay = sync(batch);

        assertThat(first.results()).extracting(MovementResult::status).containsOnly(Status.APPLIED);
        assertThat(replay.results()).extracting(MovementResult::status).containsOnly(Status.DUPLICATE);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(7, 0));
        assertThat(fixtures.movementCount(honey).block()).isEqualTo(2);
        assertThat(replay.stock()).extracting(StockLevel::productName, StockLevel::onHand)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Chè Shan tuyết", 5), org.assertj.core.groups.Tuple.tuple("Mật ong bạc hà", 7));
    }

    @Test
    void anIdRepeatedInsideOneBatchCountsOnce() {
        TillMovement sale = sale(honey, 2);
        SyncAnswer answer = sync(List.of(receipt(honey, 10), sale, sale));

        assertThat(answer.results()).extracting(MovementResult::status).containsExactly(Status.APPLIED, Status.APPLIED, Status.DUPLICATE);
        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(8);
    }

    @Test
    void aCountAppliesCountedMinusExpectedSoSalesMeanwhileAreKept() {
        sync(List.of(receipt(honey, 10)));
        TillKey otherTill = keys.issue(showroom, "Quầy 2").block().key();
        // the first till counted 10 expected and found 7; meanwhile the other till sold 2
        sync(otherTill, List.of(sale(honey, 2)));
        sync(List.of(new TillMovement(UUID.randomUUID(), "COUNT", honey.value(), null, null, 10, 7, OffsetDateTime.now())));

        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(10 - 2 + (7 - 10));
    }

    @Test
    void anOfflineSaleBelowZeroIsAppliedAndFlagged() {
        sync(List.of(receipt(honey, 1)));
        TillMovement oversold = sale(honey, 3);

        SyncAnswer answer = sync(List.of(oversold));

        assertThat(answer.results().get(0).status()).isEqualTo(Status.APPLIED);
        assertThat(answer.results().get(0).discrepancies()).containsExactly(Discrepancy.Reason.NEGATIVE_STOCK);
        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(-2);
        assertThat(reports.discrepancies(showroom).collectList().block())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.movementId()).isEqualTo(oversold.id());
                    assertThat(d.onHandAfter()).isEqualTo(-2);
                    assertThat(d.open()).isTrue();
                });
    }

    @Test
    void aSaleOfAProductWhoseRankingWasRevokedMeanwhileIsAppliedAndFlagged() {
        var ranking = db.sql("select id from certification where product_id = :p").bind("p", tea.value())
                .map((row, md) -> new vn.ocop.catalog.CertificationId(row.get("id", UUID.class))).one().block();
        sync(List.of(receipt(tea, 5)));
        fixtures.catalog().revoke(ranking, OffsetDateTime.now()).block();

        SyncAnswer answer = sync(List.of(sale(tea, 1)));

        assertThat(answer.results().get(0).status()).isEqualTo(Status.APPLIED);
        assertThat(answer.results().get(0).discrepancies()).containsExactly(Discrepancy.Reason.NOT_SELLABLE);
        assertThat(fixtures.stock(showroom, tea).block().onHand()).isEqualTo(4);
        assertThat(answer.stock()).filteredOn(s -> s.product().equals(tea)).singleElement()
                .satisfies(s -> assertThat(s.sellable()).isFalse());
    }

    @Test
    void badLinesAreRejectedOneByOneAndKeptWhileTheRestIsApplied() {
        ProducerId other = fixtures.catalog().producer("HTX khác", null).block();
        LocationId elsewhere = fixtures.showroom("Showroom khác", true).block();
        List<TillMovement> batch = List.of(
                receipt(honey, 4),
                new TillMovement(UUID.randomUUID(), "SALE", UUID.randomUUID(), null, 1, null, null, OffsetDateTime.now()),
                new TillMovement(UUID.randomUUID(), "SALE", honey.value(), elsewhere.value(), 1, null, null, OffsetDateTime.now()),
                new TillMovement(UUID.randomUUID(), "SALE", honey.value(), null, 0, null, null, OffsetDateTime.now()),
                new TillMovement(UUID.randomUUID(), "COUNT", honey.value(), null, null, null, 3, OffsetDateTime.now()),
                new TillMovement(UUID.randomUUID(), "RESERVE", honey.value(), null, 1, null, null, OffsetDateTime.now()),
                new TillMovement(UUID.randomUUID(), "STEAL", honey.value(), null, 1, null, null, OffsetDateTime.now()));

        SyncAnswer answer = sync(batch);

        assertThat(answer.results()).extracting(MovementResult::status, MovementResult::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.APPLIED, null),
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.UNKNOWN_PRODUCT),
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.WRONG_LOCATION),
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.BAD_QUANTITY),
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.BAD_QUANTITY),
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.BAD_TYPE),
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.BAD_TYPE));
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(4, 0));
        assertThat(db.sql("select count(*) as n from sync_rejection where location_id = :l").bind("l", showroom.value())
                .map((row, md) -> row.get("n", Long.class)).one().block()).isEqualTo(6);
        assertThat(other).isNotNull();
    }

    @Test
    void aWarehouseTillCannotRecordAnotherProducersGoods() {
        LocationId warehouse = fixtures.warehouse(producer).block();
        TillKey warehouseTill = keys.issue(warehouse, "Kho").block().key();
        ProducerId other = fixtures.catalog().producer("HTX khác", null).block();
        ProductId foreign = fixtures.sellableProduct(other, "Miến dong", today).block();

        SyncAnswer answer = inventory.sync(new SyncBatch(warehouse, warehouseTill, "kho-1", null,
                List.of(receipt(foreign, 3), receipt(honey, 3)))).block();

        assertThat(answer.results()).extracting(MovementResult::reason).containsExactly(Rejection.WRONG_LOCATION, null);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        List<TillMovement> tooMany = IntStream.range(0, 51).mapToObj(i -> receipt(honey, 1)).toList();

        assertThatThrownBy(() -> sync(tooMany))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.BATCH_TOO_LARGE));
        assertThat(fixtures.movementCount(honey).block()).isZero();
    }

    @Test
    void theSameBatchSentTwiceConcurrentlyIsAppliedOnce() {
        List<TillMovement> batch = new ArrayList<>();
        batch.add(receipt(honey, 100));
        batch.add(receipt(tea, 100));
        IntStream.range(0, 20).forEach(i -> batch.add(sale(i % 2 == 0 ? honey : tea, 1 + i % 3)));

        List<SyncAnswer> answers = Flux.range(0, 8)
                .flatMap(i -> inventory.sync(new SyncBatch(showroom, till, "till-1", null, batch)).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        long appliedAnswers = answers.stream().flatMap(a -> a.results().stream()).filter(r -> r.status() == Status.APPLIED).count();
        assertThat(appliedAnswers).isEqualTo(batch.size());
        int honeySold = IntStream.range(0, 20).filter(i -> i % 2 == 0).map(i -> 1 + i % 3).sum();
        int teaSold = IntStream.range(0, 20).filter(i -> i % 2 == 1).map(i -> 1 + i % 3).sum();
        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(100 - honeySold);
        assertThat(fixtures.stock(showroom, tea).block().onHand()).isEqualTo(100 - teaSold);
        assertThat(fixtures.movementCount(honey).block() + fixtures.movementCount(tea).block()).isEqualTo(batch.size());
    }

    @Test
    void aTillLearnsOnlyWhatChangedSinceItsVersion() {
        SyncAnswer first = sync(List.of(receipt(honey, 5), receipt(tea, 5)));
        assertThat(first.changes()).hasSize(2);

        // A version is the oldest transaction still open when it was taken: one of this app's scheduled jobs open at
        // that moment makes the next answer repeat the receipts' changes ("at worst repeated", never missed). Ask again
        // from each answer's version until one is quiet; whatever came meanwhile was only those two products.
        AtomicReference<SyncAnswer> quiet = new AtomicReference<>(first);
        List<ProductId> repeated = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            quiet.set(sync(quiet.get().version(), List.of()));
            quiet.get().changes().forEach(c -> repeated.add(c.product()));
            return quiet.get().changes().isEmpty();
        });
        db.sql("update product set price_vnd = 150000, version = version + 1 where id = :p").bind("p", honey.value()).then().block();
        SyncAnswer afterPriceChange = sync(quiet.get().version(), List.of());

        assertThat(repeated).as("only the receipts' products, repeated").isSubsetOf(honey, tea);
        assertThat(afterPriceChange.changes()).singleElement().satisfies(c -> {
            assertThat(c.product()).isEqualTo(honey);
            assertThat(c.price().dong()).isEqualTo(150000);
        });
    }

    @Test
    void aRevokedKeyStopsAuthenticatingAtOnce() {
        var issued = keys.issue(showroom, "Quầy 3").block();
        assertThat(keys.authenticate(showroom, issued.secret()).block()).as("the key, with the location it syncs with").satisfies(till -> {
            assertThat(till.key().id()).isEqualTo(issued.key().id());
            assertThat(till.location().id()).isEqualTo(showroom);
        });
        assertThat(keys.authenticate(fixtures.showroom("Khác", true).block(), issued.secret()).block()).isNull();

        keys.revoke(showroom, issued.key().id()).block();

        assertThat(keys.authenticate(showroom, issued.secret()).block()).isNull();
        assertThat(db.sql("select count(*) as n from till_key where key_hash = :s").bind("s", issued.secret())
                .map((row, md) -> row.get("n", Long.class)).one().block()).as("the secret itself is never stored").isZero();
    }

    private SyncAnswer sync(List<TillMovement> movements) {
        return sync(till, movements);
    }

    private SyncAnswer sync(String version, List<TillMovement> movements) {
        return inventory.sync(new SyncBatch(showroom, till, "till-1", version, movements)).block();
    }

    private SyncAnswer sync(TillKey key, List<TillMovement> movements) {
        return inventory.sync(new SyncBatch(showroom, key, "till-" + key.label(), null, movements)).block();
    }

    static TillMovement receipt(ProductId product, int quantity) {
        return new TillMovement(UUID.randomUUID(), "RECEIPT", product.value(), null, quantity, null, null, OffsetDateTime.now());
    }

    static TillMovement sale(ProductId product, int quantity) {
        return new TillMovement(UUID.randomUUID(), "SALE", product.value(), null, quantity, null, null, OffsetDateTime.now());
    }
}
