package vn.ocop.catalog.lots;

import vn.ocop.catalog.stock.LotRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.stock.Discrepancy;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementResult;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.stock.PickupPoint;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockLevel;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.catalog.stock.SyncAnswer;
import vn.ocop.catalog.stock.SyncBatch;
import vn.ocop.catalog.stock.TillKey;
import vn.ocop.catalog.stock.TillKeys;
import vn.ocop.catalog.stock.TillMovement;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * The use-by rule on the real database: a lot may be sold through its use-by day in Vietnam and not after; what is
 * past it is not available anywhere shoppers or reservations look, a till's sale of it is applied and flagged, and
 * the lots near or past it are listed.
 */
@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class UseByIntegrationTests {

    @Autowired
    Inventory inventory;
    @Autowired
    StockReports reports;
    @Autowired
    Catalog catalog;
    @Autowired
    Lots lots;
    @Autowired
    LotRows rows;
    @Autowired
    TillKeys keys;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    LocalDate today;
    ProducerId producer;
    LocationId showroom;
    ProductId honey;

    @BeforeEach
    void showroomWithHoney() {
        fixtures = new StockFixtures(db);
        today = db.sql("select catalog_today() as d").map((row, md) -> row.get("d", LocalDate.class)).one().block();
        producer = fixtures.catalog().producer("HTX Mật ong Bắc Kạn", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà " + UUID.randomUUID(), today).block();
        showroom = fixtures.showroom("Showroom OCOP Hà Nội", true).block();
    }

    @Test
    void theDayTurnsAtMidnightInHanoiWhileUtcIsStillOnTheDayBefore() {
        assertThat(ictDate("2026-11-22T16:59:59Z")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(ictDate("2026-11-22T17:00:00Z")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(usable(LocalDate.of(2026, 11, 22), ictDate("2026-11-22T16:59:59Z"))).isTrue();
        assertThat(usable(LocalDate.of(2026, 11, 22), ictDate("2026-11-22T17:00:00Z"))).isFalse();
        assertThat(usable(null, ictDate("2026-11-22T17:00:00Z"))).isTrue();
    }

    @Test
    void aLotPastItsUseByIsNotAvailableAnywhereWhileOneOnItsLastDayAndOneWithoutUseByAre() {
        receive(honey, "HOM-NAY", today, 5);
        receive(honey, "HOM-QUA", today.minusDays(1), 3);
        receive(honey, "KHONG-HSD", null, 2);

        StockLevel level = reports.at(showroom, today).filter(s -> s.product().equals(honey)).blockFirst();
        assertThat(level.onHand()).isEqualTo(10);
        assertThat(level.available()).isEqualTo(7);
        assertThat(catalog.product(honey).block().stock().available()).isEqualTo(7);
        assertThat(reports.pickupPoints(honey, today).collectList().block()).extracting(PickupPoint::available).containsExactly(7);
    }

    @Test
    void aReservationNeedingAnExpiredLotIsRefusedAndOneOfTodaysLotIsNot() {
        receive(honey, "HOM-NAY", today, 5);
        receive(honey, "HOM-QUA", today.minusDays(1), 3);

        assertThatThrownBy(() -> inventory.reserve(UUID.randomUUID(), showroom, honey, 6, "order:" + UUID.randomUUID(), "test").block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.INSUFFICIENT_STOCK));
        assertThat(inventory.reserve(UUID.randomUUID(), showroom, honey, 5, "order:" + UUID.randomUUID(), "test").block()).isTrue();
        assertThat(fixtures.stock(showroom, honey).block().reserved()).isEqualTo(5);
    }

    @Test
    void aTillSaleOfALotNeverReceivedIsAppliedAndFlaggedButNotOneReceivedInTheSameBatch() {
        receive(honey, "DA-NHAP", today.plusDays(90), 5);
        TillMovement typo = sale(honey, 1, "DA-NHAPP");
        TillMovement known = sale(honey, 1, "da-nhap");
        TillMovement arrived = new TillMovement(UUID.randomUUID(), "RECEIPT", honey.value(), null, 4, null, null, OffsetDateTime.now(), null,
                "MOI-VE", today.minusDays(3), today.plusDays(120));
        TillMovement soldAtOnce = sale(honey, 1, "MOI-VE");

        SyncAnswer answer = sync(List.of(typo, known, arrived, soldAtOnce));

        assertThat(answer.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(MovementResult.Status.APPLIED));
        assertThat(answer.results()).filteredOn(r -> r.id().equals(typo.id())).singleElement()
                .satisfies(r -> assertThat(r.discrepancies()).containsExactly(Discrepancy.Reason.UNKNOWN_LOT));
        assertThat(answer.results()).filteredOn(r -> !r.id().equals(typo.id())).allSatisfy(r -> assertThat(r.discrepancies()).isEmpty());
        assertThat(reports.discrepancies(showroom).collectList().block()).singleElement().satisfies(d -> {
            assertThat(d.movementId()).isEqualTo(typo.id());
            assertThat(d.reason()).isEqualTo(Discrepancy.Reason.UNKNOWN_LOT);
        });
        assertThat(lots.find(honey, "DA-NHAPP").block().useBy()).as("kept with its code, dates unknown").isNull();
    }

    @Test
    void aTillSaleOfANamedExpiredLotIsAppliedAndFlagged() {
        receive(honey, "HOM-NAY", today, 5);
        receive(honey, "HOM-QUA", today.minusDays(1), 3);
        TillMovement sale = sale(honey, 2, "hom-qua");

        SyncAnswer answer = sync(List.of(sale));

        assertThat(answer.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(MovementResult.Status.APPLIED);
            assertThat(r.discrepancies()).containsExactly(Discrepancy.Reason.EXPIRED_LOT);
        });
        assertThat(reports.discrepancies(showroom).collectList().block()).singleElement().satisfies(d -> {
            assertThat(d.movementId()).isEqualTo(sale.id());
            assertThat(d.reason()).isEqualTo(Discrepancy.Reason.EXPIRED_LOT);
        });
        assertThat(lots.at(showroom).collectList().block()).filteredOn(s -> s.lot().code().equals("HOM-QUA"))
                .singleElement().extracting(LotStock::onHand).isEqualTo(1);
    }

    @Test
    void aTillSaleWhenOnlyExpiredUnitsRemainTakesThemAndIsFlagged() {
        receive(honey, "HOM-QUA", today.minusDays(1), 3);

        SyncAnswer answer = sync(List.of(sale(honey, 1, null), sale(honey, 1, null)));

        assertThat(answer.results()).extracting(MovementResult::discrepancies)
                .containsExactly(List.of(Discrepancy.Reason.EXPIRED_LOT), List.of(Discrepancy.Reason.EXPIRED_LOT));
        assertThat(reports.discrepancies(showroom).collectList().block()).hasSize(2)
                .extracting(Discrepancy::reason).containsOnly(Discrepancy.Reason.EXPIRED_LOT);
        assertThat(fixtures.stock(showroom, honey).block().onHand()).isEqualTo(1);
    }

    @Test
    void anOfflineSaleTakesTheLotsThatCouldBeSoldWhenItWasMadeNotWhenItArrived() {
        receive(honey, "CON-HAN", today.plusDays(5), 5);
        receive(honey, "HOM-QUA", today.minusDays(1), 3);
        // rung up at 20:00 yesterday (ICT), the lot's last day, at a till that synced only today
        OffsetDateTime lastEvening = today.minusDays(1).atTime(20, 0).atOffset(java.time.ZoneOffset.ofHours(7));

        SyncAnswer answer = sync(List.of(new TillMovement(UUID.randomUUID(), "SALE", honey.value(), null, 2, null, null, lastEvening,
                null, null, null, null)));

        assertThat(answer.results()).singleElement().satisfies(r -> assertThat(r.discrepancies())
                .as("the lot could be sold when the sale was made").doesNotContain(Discrepancy.Reason.EXPIRED_LOT));
        assertThat(lots.at(showroom).collectList().block()).extracting(s -> s.lot().code() + " " + s.onHand())
                .as("the earliest use-by on the sale's day went first").containsExactlyInAnyOrder("CON-HAN 5", "HOM-QUA 1");
    }

    @Test
    void aTillSaleOfAGoodLotIsNotFlagged() {
        receive(honey, "HOM-NAY", today, 5);
        receive(honey, "HOM-QUA", today.minusDays(1), 3);

        SyncAnswer answer = sync(List.of(sale(honey, 4, null)));

        assertThat(answer.results()).singleElement().satisfies(r -> assertThat(r.discrepancies()).isEmpty());
        assertThat(reports.discrepancies(showroom).collectList().block()).isEmpty();
    }

    @Test
    void theExpiringListHoldsLotsWithin30DaysOrPastSoonestFirst() {
        receive(honey, "XA", today.plusDays(90), 4);
        receive(honey, "GAN", today.plusDays(30), 4);
        receive(honey, "SAP", today.plusDays(3), 4);
        receive(honey, "QUA", today.minusDays(2), 4);
        receive(honey, "MAI-MAI", null, 4);

        List<LotStock> expiring = lots.expiringAt(showroom).collectList().block();
        assertThat(expiring).extracting(s -> s.lot().code()).containsExactly("QUA", "SAP", "GAN");
        assertThat(expiring).extracting(LotStock::status)
                .containsExactly(vn.ocop.catalog.lots.Lot.Status.EXPIRED, vn.ocop.catalog.lots.Lot.Status.ON_SALE, vn.ocop.catalog.lots.Lot.Status.ON_SALE);
        assertThat(expiring.get(1).expiringOn(today)).isTrue();
        assertThat(lots.expiringOf(producer).collectList().block()).extracting(s -> s.lot().code()).containsExactly("QUA", "SAP", "GAN");
    }

    @Test
    void useByFromIsTheEarliestUseByAmongUsableLotsWithUnitsAvailable() {
        assertThat(lots.useByFrom(honey).blockOptional()).isEmpty();
        receive(honey, "MAI-MAI", null, 4);
        assertThat(lots.useByFrom(honey).blockOptional()).isEmpty();
        receive(honey, "QUA", today.minusDays(1), 4);
        receive(honey, "SAU", today.plusMonths(14), 4);
        receive(honey, "TRUOC", today.plusMonths(12), 2);
        assertThat(lots.useByFrom(honey).block()).isEqualTo(today.plusMonths(12));

        // the earliest lot all set aside: what a shopper would get now is the next one
        assertThat(inventory.reserve(UUID.randomUUID(), showroom, honey, 2, "order:" + UUID.randomUUID(), "test").block()).isTrue();
        assertThat(lots.useByFrom(honey).block()).isEqualTo(today.plusMonths(14));
        assertThat(lots.useByAt(honey).block()).containsExactly(java.util.Map.entry(showroom, today.plusMonths(14)));
    }

    @Test
    void theNightlyJobReindexesExactlyTheProductsWithUnitsOfALotThatExpiredYesterday() {
        ProductId tea = fixtures.sellableProduct(producer, "Chè Shan tuyết " + UUID.randomUUID(), today).block();
        ProductId rice = fixtures.sellableProduct(producer, "Gạo ST25 " + UUID.randomUUID(), today).block();
        ProductId soldOut = fixtures.sellableProduct(producer, "Miến dong " + UUID.randomUUID(), today).block();
        receive(honey, "HOM-QUA", today.minusDays(1), 3);
        receive(tea, "HOM-KIA", today.minusDays(2), 3);
        receive(rice, "HOM-NAY", today, 3);
        receive(soldOut, "HOM-QUA", today.minusDays(1), 1);
        sync(List.of(sale(soldOut, 1, "HOM-QUA")));
        long before = db.sql("select coalesce(max(id), 0) as id from catalog_change").map((row, md) -> row.get("id", Long.class)).one().block();

        int notified = rows.notifyExpiredYesterday().block();

        List<UUID> changed = db.sql("select product_id from catalog_change where id > :before").bind("before", before)
                .map((row, md) -> row.get("product_id", UUID.class)).all().collectList().block();
        // other tests of this class share the database: of this test's products, only honey
        assertThat(changed).filteredOn(List.of(honey.value(), tea.value(), rice.value(), soldOut.value())::contains)
                .containsExactly(honey.value());
        assertThat(changed).doesNotHaveDuplicates().hasSize(notified);
    }

    private void receive(ProductId product, String code, LocalDate useBy, int quantity) {
        Movement receipt = Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, quantity, OffsetDateTime.now(), null)
                .ofLot(new LotRef(code, useBy == null ? null : useBy.minusMonths(6), useBy));
        inventory.recordAtLocation(showroom, List.of(receipt), "staff@ocop.test").block();
    }

    private SyncAnswer sync(List<TillMovement> movements) {
        TillKey till = keys.issue(showroom, "Quầy " + UUID.randomUUID().toString().substring(0, 8)).block().key();
        return inventory.sync(new SyncBatch(showroom, till, "till-1", null, movements)).block();
    }

    private static TillMovement sale(ProductId product, int quantity, String lotCode) {
        return new TillMovement(UUID.randomUUID(), "SALE", product.value(), null, quantity, null, null, OffsetDateTime.now(), null,
                lotCode, null, null);
    }

    private LocalDate ictDate(String instant) {
        return db.sql("select ict_date(cast(:at as timestamptz)) as d").bind("at", instant)
                .map((row, md) -> row.get("d", LocalDate.class)).one().block();
    }

    private Boolean usable(LocalDate useBy, LocalDate day) {
        return db.sql("select lot_usable(null, cast(:useBy as date), :day) as ok")
                .bind("useBy", org.springframework.r2dbc.core.Parameter.fromOrEmpty(useBy, LocalDate.class)).bind("day", day)
                .map((row, md) -> row.get("ok", Boolean.class)).one().block();
    }
}
