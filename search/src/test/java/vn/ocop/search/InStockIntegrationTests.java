package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.LocationDetails;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockState;
import vn.ocop.catalog.testing.CatalogFixtures;

/**
 * "Còn hàng": the in-stock filter and its count, in Elasticsearch (the document's {@code in_stock}, kept in step by the
 * catalog's stock triggers through the running indexer) and in the PostgreSQL answer, and each hit's stock state.
 * Each test names its products with a word of its own and searches by it, so the counts are its own.
 */
@SearchTest
class InStockIntegrationTests {

    @Autowired
    ProductSearch search;
    @Autowired
    Locations locations;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    CatalogChanges changes;
    @Autowired
    DatabaseClient db;
    @Autowired
    Lots lots;

    @Test
    void theInStockFilterKeepsWhatSomeLocationCanSupplyAndFollowsTheStock() {
        String word = word();
        Location kiosk = open("Quầy OCOP không nhận hàng " + word);
        ProductId few = sellable("Kẹo dừa " + word);
        ProductId none = sellable("Bánh tráng " + word);
        ProductId reserved = sellable("Mắm tôm " + word);
        receive(kiosk, few, 3);
        receive(kiosk, reserved, 2);
        drained();

        SearchResult inStock = search.search(request(word, true)).block();
        assertThat(inStock.degraded()).isFalse();
        assertThat(ids(inStock)).containsExactlyInAnyOrder(few.value(), reserved.value());
        assertThat(inStock.hits()).filteredOn(h -> h.id().equals(few.value())).singleElement()
                .satisfies(h -> assertThat(h.stockState()).isEqualTo(StockState.LOW))
                .satisfies(h -> assertThat(h.stock().available()).isEqualTo(3));
        SearchResult all = search.search(request(word, false)).block();
        assertThat(ids(all)).as("without the filter, out of stock too").containsExactlyInAnyOrder(few.value(), none.value(), reserved.value());
        assertThat(all.facets().inStock()).as("the count the filter would find").isEqualTo(2);
        assertThat(all.hits()).filteredOn(h -> h.id().equals(none.value())).singleElement()
                .satisfies(h -> assertThat(h.stockState()).isEqualTo(StockState.OUT_OF_STOCK));

        inventory.reserve(UUID.randomUUID(), kiosk.id(), reserved, 2, "order-1", "test").block();
        receive(kiosk, none, 7);
        drained();

        assertThat(ids(search.search(request(word, true)).block())).containsExactlyInAnyOrder(few.value(), none.value());
    }

    @Test
    void thePostgresqlAnswerAppliesTheInStockFilterWithAndWithoutText() {
        String word = word();
        Location kiosk = open("Quầy OCOP " + word);
        ProductId stocked = sellable("Gạo lứt " + word);
        ProductId soldOut = sellable("Bánh pía " + word);
        receive(kiosk, stocked, 5);
        receive(kiosk, soldOut, 1);
        record(kiosk, Movement.count(UUID.randomUUID(), soldOut, 1, 0, OffsetDateTime.now()));

        SearchResult withText = search.searchPostgres(request(word, true)).block();
        assertThat(withText.degraded()).isTrue();
        assertThat(ids(withText)).containsExactly(stocked.value());
        assertThat(withText.hits().get(0).stockState()).isEqualTo(StockState.IN_STOCK);

        SearchResult browsing = search.searchPostgres(new SearchRequest("", null, null, null, null, null, null, true,
                SearchRequest.Sort.RELEVANCE, 0, 100)).block();
        SearchResult everything = search.searchPostgres(new SearchRequest("", null, null, null, null, null, null, false,
                SearchRequest.Sort.RELEVANCE, 0, 100)).block();
        assertThat(browsing.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.stockState()).isNotEqualTo(StockState.OUT_OF_STOCK));
        assertThat(browsing.total()).as("at least this test's sold-out product is left out").isLessThan(everything.total());
    }

    @Test
    void aLotPassingItsUseByAtMidnightLeavesTheInStockFilterOnceTheNightlyJobReindexesItsProduct() {
        String word = word();
        Location kiosk = open("Quầy OCOP " + word);
        ProductId expiring = sellable("Bánh cốm " + word);
        ProductId keeping = sellable("Chè lam " + word);
        LocalDate today = db.sql("select catalog_today() as d").map((row, md) -> row.get("d", LocalDate.class)).one().block();
        record(kiosk, Movement.of(UUID.randomUUID(), MovementType.RECEIPT, expiring, 4, OffsetDateTime.now(), null)
                .ofLot(new LotRef("HSD-HOM-NAY", null, today)));
        record(kiosk, Movement.of(UUID.randomUUID(), MovementType.RECEIPT, keeping, 4, OffsetDateTime.now(), null)
                .ofLot(new LotRef("HSD-SANG-NAM", null, today.plusYears(1))));
        drained();
        assertThat(ids(search.search(request(word, true)).block())).containsExactlyInAnyOrder(expiring.value(), keeping.value());

        // midnight in Hà Nội: the lot's use-by is now yesterday, and nothing was written that would re-index its product
        db.sql("update lot set use_by = catalog_today() - 1 where product_id = :p").bind("p", expiring.value()).then().block();
        drained();
        assertThat(ids(search.search(request(word, true)).block())).as("stale until the job runs").contains(expiring.value());

        assertThat(lots.reindexExpiredYesterday().block()).isPositive();
        drained();

        assertThat(ids(search.search(request(word, true)).block())).containsExactly(keeping.value());
        assertThat(ids(search.searchPostgres(request(word, true)).block())).as("PostgreSQL's answer needs no re-index").containsExactly(keeping.value());
    }

    /** A word of five letters no other product has. */
    private static String word() {
        return "q" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
    }

    private Location open(String name) {
        return locations.open(new LocationDetails(LocationKind.SALES_POINT, name, "Hà Nội", "25 phố Lý Thường Kiệt, Hà Nội", null, null, null,
                false, null)).block();
    }

    private ProductId sellable(String name) {
        CatalogFixtures fixtures = new CatalogFixtures(db);
        return fixtures.activeProduct(name)
                .flatMap(p -> fixtures.ranking(p, 4, catalog.today().minusYears(1), catalog.today().plusYears(2)).thenReturn(p))
                .block();
    }

    private void receive(Location at, ProductId product, int quantity) {
        record(at, Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, quantity, OffsetDateTime.now(), null));
    }

    private void record(Location at, Movement movement) {
        inventory.recordAtLocation(at.id(), List.of(movement), "test").block();
    }

    private void drained() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> changes.lag().block().pending() == 0);
    }

    private static SearchRequest request(String q, boolean inStock) {
        return new SearchRequest(q, null, null, null, null, null, null, inStock, SearchRequest.Sort.RELEVANCE, 0, 100);
    }

    private static List<UUID> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
