package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.LocationDetails;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.CatalogFixtures;

/**
 * "Available at": the outlets where a shopper can pick a product up now (pickup allowed, on hand minus reserved
 * above zero), as a filter and a facet, kept in step with stock by the running indexer. Each test opens its own
 * locations, so the counts are its own.
 */
@SearchTest
class AvailableAtIntegrationTests {

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

    @Test
    void productsInStockAtAPickupShowroomAreFoundThereAndCounted() {
        Location showroom = open(LocationKind.SHOWROOM, "Showroom OCOP Hoàn Kiếm", true);
        Location elsewhere = open(LocationKind.SHOWROOM, "Showroom OCOP Đà Nẵng", true);
        ProductId honey = sellable("Mật ong hoa nhãn Khoái Châu");
        ProductId tea = sellable("Trà shan tuyết Hoàng Su Phì");
        ProductId sauce = sellable("Nước mắm Cửa Hội");
        receive(showroom, honey, 5);
        receive(showroom, tea, 1);
        receive(elsewhere, sauce, 4);
        drained();

        SearchResult there = availableAt(showroom);
        assertThat(ids(there)).containsExactlyInAnyOrder(honey.value(), tea.value());
        assertThat(facet(there, showroom)).hasValue(new SearchResult.PickupFacet(showroom.id().value(), "Showroom OCOP Hoàn Kiếm", 2));
        assertThat(facet(there, elsewhere)).as("a location's own filter does not shrink the location facet")
                .hasValue(new SearchResult.PickupFacet(elsewhere.id().value(), "Showroom OCOP Đà Nẵng", 1));
    }

    @Test
    void eachLocationIsCountedUnderTheShoppersOtherFilters() {
        Location showroom = open(LocationKind.SHOWROOM, "Showroom OCOP Ninh Bình", true);
        Location elsewhere = open(LocationKind.HIGHWAY_STOP, "Trạm dừng nghỉ Phủ Lý", true);
        ProductId fourStars = sellable("Cá kho làng Vũ Đại");
        ProductId fiveStars = sellable("Miến lươn Ninh Bình", 5);
        ProductId fiveElsewhere = sellable("Dê núi Ninh Bình", 5);
        receive(showroom, fourStars, 2);
        receive(showroom, fiveStars, 2);
        receive(elsewhere, fiveElsewhere, 2);
        drained();

        SearchResult fiveThere = search.search(new SearchRequest("", null, null, 5, null, null, showroom.id(), SearchRequest.Sort.RELEVANCE, 0, 100))
                .block();
        assertThat(ids(fiveThere)).containsExactly(fiveStars.value());
        assertThat(facet(fiveThere, showroom)).map(SearchResult.PickupFacet::count).hasValue(1L);
        assertThat(facet(fiveThere, elsewhere)).as("the other location, counted under the stars filter").map(SearchResult.PickupFacet::count)
                .hasValue(1L);
        assertThat(fiveThere.facets().stars()).as("stars counted at the chosen location").containsEntry(5, 1L).containsEntry(4, 1L);
    }

    @Test
    void soldOrReservedDownToZeroAProductIsNoLongerFoundThere() {
        Location showroom = open(LocationKind.SHOWROOM, "Showroom OCOP Hạ Long", true);
        ProductId counted = sellable("Chả mực Hạ Long");
        ProductId reserved = sellable("Sá sùng Vân Đồn");
        receive(showroom, counted, 5);
        receive(showroom, reserved, 2);
        drained();
        assertThat(ids(availableAt(showroom))).containsExactlyInAnyOrder(counted.value(), reserved.value());

        record(showroom, Movement.count(UUID.randomUUID(), counted, 5, 0, OffsetDateTime.now()));
        inventory.reserve(UUID.randomUUID(), showroom.id(), reserved, 2, "order-1", "test").block();
        drained();
        SearchResult none = availableAt(showroom);
        assertThat(none.hits()).isEmpty();
        assertThat(facet(none, showroom)).isEmpty();
        assertThat(ids(search.search(SearchRequest.text("sa sung van don")).block())).as("still on sale, just not there")
                .contains(reserved.value());

        inventory.release(UUID.randomUUID(), showroom.id(), reserved, 1, "order-1", "test").block();
        drained();
        assertThat(ids(availableAt(showroom))).containsExactly(reserved.value());
    }

    @Test
    void aLocationThatDoesNotAllowPickupNeverAppears() {
        Location kiosk = open(LocationKind.SALES_POINT, "Quầy OCOP phố cổ Hội An", false);
        ProductId lantern = sellable("Đèn lồng Hội An");
        receive(kiosk, lantern, 9);
        drained();

        SearchResult all = search.search(request("", null)).block();
        assertThat(ids(all)).contains(lantern.value());
        assertThat(facet(all, kiosk)).isEmpty();
        assertThat(availableAt(kiosk).hits()).isEmpty();

        locations.edit(kiosk.id(), withPickup(kiosk.details(), true)).block();
        drained();
        assertThat(ids(availableAt(kiosk))).as("the location's pickup flag re-indexes what it stocks").containsExactly(lantern.value());
    }

    @Test
    void thePostgresqlFallbackFiltersByPickupLocationWhenBrowsing() {
        Location showroom = open(LocationKind.SHOWROOM, "Showroom OCOP Cần Thơ", true);
        ProductId rice = sellable("Gạo ST25 Sóc Trăng");
        ProductId soldOut = sellable("Bánh pía Vũng Thơm");
        receive(showroom, rice, 3);
        receive(showroom, soldOut, 1);
        record(showroom, Movement.count(UUID.randomUUID(), soldOut, 1, 0, OffsetDateTime.now()));

        SearchResult fallback = search.searchPostgres(request("", showroom.id())).block();
        assertThat(fallback.degraded()).isTrue();
        assertThat(ids(fallback)).containsExactly(rice.value());
    }

    private Location open(LocationKind kind, String name, boolean pickup) {
        return locations.open(new LocationDetails(kind, name, "Hà Nội", "25 phố Lý Thường Kiệt, Hà Nội", null, null, null, pickup, null)).block();
    }

    private static LocationDetails withPickup(LocationDetails d, boolean pickup) {
        return new LocationDetails(d.kind(), d.name(), d.province(), d.address(), d.latitude(), d.longitude(), d.openingHours(), pickup,
                d.producer());
    }

    /** An active product of its own producer, with a 4-star ranking valid from a year ago for two more years. */
    private ProductId sellable(String name) {
        return sellable(name, 4);
    }

    private ProductId sellable(String name, int stars) {
        CatalogFixtures fixtures = new CatalogFixtures(db);
        return fixtures.activeProduct(name)
                .flatMap(p -> fixtures.ranking(p, stars, catalog.today().minusYears(1), catalog.today().plusYears(2)).thenReturn(p))
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

    private SearchResult availableAt(Location location) {
        SearchResult result = search.search(request("", location.id())).block();
        assertThat(result.degraded()).isFalse();
        return result;
    }

    private static SearchRequest request(String q, LocationId availableAt) {
        return new SearchRequest(q, null, null, null, null, null, availableAt, SearchRequest.Sort.RELEVANCE, 0, 100);
    }

    private static List<UUID> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    private static Optional<SearchResult.PickupFacet> facet(SearchResult result, Location location) {
        return result.facets().availableAt().stream().filter(f -> f.locationId().equals(location.id().value())).findFirst();
    }
}
