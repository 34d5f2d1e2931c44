package vn.ocop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.stock.MovementResult.Rejection;
import vn.ocop.catalog.stock.MovementResult.Status;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * A till sale keeps the price it was taken at (the till's {@code unitPrice}, else the product's list price when it is
 * applied), and whoever keeps the money reads sales through {@link TillSales}, by movement or by the time applied.
 */
@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class TillSalePricesIntegrationTests {

    @Autowired
    Inventory inventory;
    @Autowired
    TillKeys keys;
    @Autowired
    TillSales sales;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    ProducerId producer;
    LocationId showroom;
    TillKey till;
    ProductId tea;

    @BeforeEach
    void showroomSellingTea() {
        var fixtures = new StockFixtures(db);
        producer = fixtures.catalog().producer("HTX Chè Tân Cương", null).block();
        tea = fixtures.sellableProduct(producer, "Chè Tân Cương", catalog.today(), OcopGroup.DRINKS, 80_000).block();
        showroom = fixtures.showroom("Showroom OCOP Thái Nguyên", true).block();
        till = keys.issue(showroom, "Quầy 1").block().key();
    }

    private SyncAnswer sync(TillMovement... movements) {
        return inventory.sync(new SyncBatch(showroom, till, "quay-1", null, List.of(movements))).block();
    }

    private static TillMovement sale(UUID id, ProductId product, int quantity, Long unitPrice) {
        return new TillMovement(id, "SALE", product.value(), null, quantity, null, null, OffsetDateTime.now(), unitPrice);
    }

    @Test
    void aSaleKeepsTheTillsPriceOrElseTheListPriceWhenApplied() {
        UUID discounted = UUID.randomUUID();
        UUID listed = UUID.randomUUID();
        sync(sale(discounted, tea, 2, 70_000L), sale(listed, tea, 1, null));

        assertThat(sales.of(List.of(discounted, listed, UUID.randomUUID())).collectList().block())
                .extracting(TillSale::movementId, TillSale::unitPrice, TillSale::total, TillSale::group, TillSale::locationKind, TillSale::producer)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(discounted, new Vnd(70_000), new Vnd(140_000), OcopGroup.DRINKS, LocationKind.SHOWROOM, producer),
                        org.assertj.core.groups.Tuple.tuple(listed, new Vnd(80_000), new Vnd(80_000), OcopGroup.DRINKS, LocationKind.SHOWROOM, producer));
    }

    @Test
    void aPriceOnAnythingButASaleOrOutOfRangeRejectsThatMovementAlone() {
        UUID good = UUID.randomUUID();
        SyncAnswer answer = sync(
                new TillMovement(UUID.randomUUID(), "RECEIPT", tea.value(), null, 5, null, null, OffsetDateTime.now(), 1_000L),
                sale(UUID.randomUUID(), tea, 1, -1L),
                sale(UUID.randomUUID(), tea, 1, 1_000_000_001L),
                sale(good, tea, 1, 0L));

        assertThat(answer.results()).extracting(MovementResult::status, MovementResult::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.BAD_PRICE),
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.BAD_PRICE),
                org.assertj.core.groups.Tuple.tuple(Status.REJECTED, Rejection.BAD_PRICE),
                org.assertj.core.groups.Tuple.tuple(Status.APPLIED, null));
        assertThat(sales.of(List.of(good)).single().block().total()).as("a gift rung up at 0 đ is a sale too").isEqualTo(new Vnd(0));
    }

    @Test
    void salesAreReadByTheTimeTheyWereAppliedOldestFirstAndOnlySales() {
        OffsetDateTime before = db.sql("select clock_timestamp() as now").map((r, md) -> r.get("now", OffsetDateTime.class)).one().block();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        sync(sale(first, tea, 1, null), new TillMovement(UUID.randomUUID(), "RECEIPT", tea.value(), null, 5, null, null, OffsetDateTime.now()));
        sync(sale(second, tea, 3, null));

        assertThat(sales.appliedSince(before, 10).map(TillSale::movementId).collectList().block()).containsExactly(first, second);
        assertThat(sales.appliedSince(before, 1).map(TillSale::movementId).collectList().block()).containsExactly(first);
    }
}
