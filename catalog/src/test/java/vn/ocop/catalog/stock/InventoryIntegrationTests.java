package vn.ocop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/** Receipts, counts, transfers and reservations through the ledger, with who may record what. */
@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class InventoryIntegrationTests {

    @Autowired
    Inventory inventory;
    @Autowired
    StockReports reports;
    @Autowired
    TillKeys keys;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    LocalDate today;
    ProducerId producer;
    LocationId warehouse;
    LocationId showroom;
    ProductId honey;

    @BeforeEach
    void producerWithWarehouseAndShowroom() {
        fixtures = new StockFixtures(db);
        today = catalog.today();
        producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", today).block();
        warehouse = fixtures.warehouse(producer).block();
        showroom = fixtures.showroom("Showroom OCOP Hà Nội", true).block();
    }

    @Test
    void reservationsNeverOversellUnderConcurrency() {
        receiveAtShowroom(5);

        List<Boolean> outcomes = Flux.range(0, 20)
                .flatMap(i -> inventory.reserve(UUID.randomUUID(), showroom, honey, 1, "order-" + i, "checkout")
                        .onErrorResume(CatalogException.class, e -> e.code() == CatalogErrorCode.INSUFFICIENT_STOCK ? Mono.just(false) : Mono.error(e))
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(outcomes).filteredOn(ok -> ok).hasSize(5);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(5, 5));
        assertThat(fixtures.movementCount(honey).block()).as("refused reservations leave no movement").isEqualTo(1 + 5);
    }

    @Test
    void aRetriedReservationIsAppliedOnceAndReleaseAndFulfilMoveTheRightColumns() {
        receiveAtShowroom(10);
        UUID id = UUID.randomUUID();

        assertThat(inventory.reserve(id, showroom, honey, 3, "order-1", "checkout").block()).isTrue();
        assertThat(inventory.reserve(id, showroom, honey, 3, "order-1", "checkout").block()).isFalse();
        inventory.release(UUID.randomUUID(), showroom, honey, 1, "order-1", "checkout").block();
        inventory.fulfil(UUID.randomUUID(), showroom, honey, 2, "order-1", "staff@demo").block();

        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(8, 0));
        assertThatThrownBy(() -> inventory.release(UUID.randomUUID(), showroom, honey, 1, "order-1", "checkout").block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void aProducerReceivesAtItsWarehouseAndSendsToAShowroom() {
        inventory.recordAtWarehouse(producer, warehouse, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 30,
                OffsetDateTime.now(), null)), "producer@demo").block();
        UUID transfer = UUID.randomUUID();

        var sent = inventory.transfer(producer, transfer, warehouse, showroom, honey, 12, "producer@demo").block();
        assertThat(sent.applied()).isTrue();
        assertThat(sent.onHandAfter()).as("on hand at the destination").isEqualTo(12);
        assertThat(inventory.transfer(producer, transfer, warehouse, showroom, honey, 12, "producer@demo").block().applied())
                .as("a retried transfer").isFalse();

        assertThat(fixtures.stock(warehouse, honey).block().onHand()).isEqualTo(18);
        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(12);
        assertThat(reports.history(showroom, honey, producer).collectList().block()).extracting(LedgerEntry::type)
                .containsExactly(MovementType.TRANSFER_IN);
        assertThatThrownBy(() -> inventory.transfer(producer, UUID.randomUUID(), warehouse, showroom, honey, 19, "producer@demo").block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.INSUFFICIENT_STOCK));
        assertThat(fixtures.stock(showroom, honey).block().onHand()).as("a refused transfer moves nothing").isEqualTo(12);
    }

    @Test
    void aProducerCannotTouchAnotherProducersWarehouseOrGoods() {
        ProducerId other = fixtures.catalog().producer("HTX khác", null).block();
        ProductId foreign = fixtures.sellableProduct(other, "Miến dong", today).block();
        LocationId otherWarehouse = fixtures.warehouse(other).block();

        assertThatThrownBy(() -> inventory.recordAtWarehouse(producer, otherWarehouse, List.of(receipt(honey, 1)), "p").block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> inventory.recordAtWarehouse(producer, warehouse, List.of(receipt(honey, 1), receipt(foreign, 1)), "p").block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> inventory.transfer(producer, UUID.randomUUID(), warehouse, otherWarehouse, honey, 1, "p").block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.NOT_FOUND));
        assertThat(fixtures.movementCount(honey).block()).isZero();
    }

    @Test
    void aCountByStaffAppliesTheDifference() {
        receiveAtShowroom(10);

        inventory.recordAtLocation(showroom, List.of(Movement.count(UUID.randomUUID(), honey, 10, 6, OffsetDateTime.now())), "staff@demo").block();

        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(6);
    }

    @Test
    void aCountSetsStockRightAfterOfflineSalesTookItBelowZero() {
        var till = keys.issue(showroom, "Quầy 2").block().key();
        inventory.sync(new SyncBatch(showroom, till, "till-2", null, List.of(
                new TillMovement(UUID.randomUUID(), "SALE", honey.value(), null, 3, null, null, OffsetDateTime.now())))).block();
        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(-3);

        inventory.recordAtLocation(showroom, List.of(Movement.count(UUID.randomUUID(), honey, -3, 2, OffsetDateTime.now())), "staff@demo").block();

        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(2);
        assertThatThrownBy(() -> Movement.count(UUID.randomUUID(), honey, 0, -1, OffsetDateTime.now()))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.INVALID_MOVEMENT));
    }

    @Test
    void shoppersCanPickUpOnlyWhereItIsAvailableAndPickupIsAllowed() {
        LocationId kiosk = fixtures.showroom("Quầy không nhận hàng", false).block();
        LocationId empty = fixtures.showroom("Showroom hết hàng", true).block();
        receiveAtShowroom(4);
        inventory.recordAtLocation(kiosk, List.of(receipt(honey, 9)), "staff").block();
        inventory.recordAtLocation(empty, List.of(receipt(honey, 2)), "staff").block();
        inventory.reserve(UUID.randomUUID(), empty, honey, 2, "order-x", "checkout").block();
        inventory.recordAtWarehouse(producer, warehouse, List.of(receipt(honey, 50)), "producer").block();

        assertThat(reports.pickupPoints(honey, today).collectList().block())
                .extracting(p -> p.location().id(), PickupPoint::available)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(showroom, 4));
    }

    @Test
    void aResolvedDiscrepancyCannotBeResolvedAgain() {
        var till = keys.issue(showroom, "Quầy 1").block().key();
        inventory.sync(new SyncBatch(showroom, till, "till-1", null, List.of(
                new TillMovement(UUID.randomUUID(), "SALE", honey.value(), null, 2, null, null, OffsetDateTime.now())))).block();
        UUID id = reports.discrepancies(showroom).blockFirst().id();

        var resolved = reports.resolve(showroom, id, "staff@demo", "Đã kiểm kê: hàng nhận chưa ghi sổ", OffsetDateTime.now()).block();

        assertThat(resolved.open()).isFalse();
        assertThat(resolved.resolvedBy()).isEqualTo("staff@demo");
        assertThatThrownBy(() -> reports.resolve(showroom, id, "staff@demo", "lại", OffsetDateTime.now()).block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.INVALID_STATE));
        assertThatThrownBy(() -> reports.resolve(warehouse, id, "staff@demo", "nơi khác", OffsetDateTime.now()).block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.NOT_FOUND));
    }

    @Test
    void anOfferCarriesTheShippingWeightOfOneSalesUnit() {
        receiveAtShowroom(3);
        db.sql("update product set shipping_weight_g = 1250 where id = :id").bind("id", honey.value()).then().block();

        ProductOffer offer = reports.offers(List.of(honey), today).blockFirst();

        assertThat(offer).extracting(ProductOffer::sellable, ProductOffer::mostAvailable, ProductOffer::shippingWeightGrams)
                .containsExactly(true, 3, 1_250);
    }

    private void receiveAtShowroom(int quantity) {
        inventory.recordAtLocation(showroom, List.of(receipt(honey, quantity)), "staff@demo").block();
    }

    private static Movement receipt(ProductId product, int quantity) {
        return Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, quantity, OffsetDateTime.now(), null);
    }
}
