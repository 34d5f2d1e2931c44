package vn.ocop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.listings.ProductCard;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductQuery;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * What shoppers are told of stock ("Hết hàng", "Còn ít", in stock) and units sold, on the real database: the one
 * definition cards, the product page, carts and the search document's in_stock share.
 */
@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class StockStateIntegrationTests {

    @Autowired
    Inventory inventory;
    @Autowired
    StockReports reports;
    @Autowired
    Catalog catalog;
    @Autowired
    TillKeys keys;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    LocalDate today;
    ProducerId producer;
    LocationId warehouse;
    LocationId showroom;
    LocationId noPickupShowroom;
    ProductId honey;

    @BeforeEach
    void producerWithWarehouseAndShowrooms() {
        fixtures = new StockFixtures(db);
        today = catalog.today();
        producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà " + UUID.randomUUID(), today).block();
        warehouse = fixtures.warehouse(producer).block();
        showroom = fixtures.showroom("Showroom OCOP Hà Nội", true).block();
        noPickupShowroom = fixtures.showroom("Showroom không nhận hàng", false).block();
    }

    @Test
    void noStockAnywhereIsOutOfStockAndLeftOutByTheInStockFilter() {
        assertState(0, StockState.OUT_OF_STOCK);
        assertThat(inStockFilterFinds()).isFalse();

        receive(showroom, 3);
        sell(showroom, 3);

        assertState(0, StockState.OUT_OF_STOCK);
        assertThat(offer().mostAvailable()).as("the cart promises nothing either").isZero();
        assertThat(inStockFilterFinds()).isFalse();
    }

    @Test
    void unitsWhereNoShopperCanCollectStillCountBecauseCheckoutDeliversFromAnyLocation() {
        // checkout reserves a delivery at the location with the most available, a warehouse or an outlet without pickup alike:
        // the state follows what the cart can promise (ProductOffer.mostAvailable), not where shoppers can collect
        receiveAtWarehouse(2);
        assertState(2, StockState.LOW);
        assertThat(offer().mostAvailable()).isEqualTo(2);
        assertThat(reports.pickupPoints(honey, today).collectList().block()).as("nowhere to collect it").isEmpty();
        assertThat(inStockFilterFinds()).isTrue();
    }

    @Test
    void fourAvailableIsLowWithTheCountAndFiveIsInStock() {
        receive(showroom, 1);
        receive(noPickupShowroom, 3);
        assertState(4, StockState.LOW);

        receiveAtWarehouse(1);
        assertState(5, StockState.IN_STOCK);
        assertThat(offer().mostAvailable()).as("one location can promise 3 of the 5").isEqualTo(3);
    }

    @Test
    void reservedUnitsAreNotAvailable() {
        receive(showroom, 6);
        inventory.reserve(UUID.randomUUID(), showroom, honey, 2, "order-1", "checkout").block();
        assertState(4, StockState.LOW);

        inventory.reserve(UUID.randomUUID(), showroom, honey, 4, "live-1", "live").block();
        assertState(0, StockState.OUT_OF_STOCK);
        assertThat(inStockFilterFinds()).isFalse();
    }

    @Test
    void aTillThatOversoldDoesNotHideAnotherLocationsUnits() {
        receive(showroom, 1);
        sell(showroom, 4); // offline: on hand -3 there
        receive(noPickupShowroom, 2);

        assertState(2, StockState.LOW);
    }

    @Test
    void tillSalesCountAsSoldAndAnOnlineSaleCountsOnceWhateverItsRetries() {
        receive(showroom, 20);
        sell(showroom, 3);
        sell(showroom, 2);
        UUID line = UUID.randomUUID();

        assertThat(inventory.countSold(line, honey, 4).block()).isTrue();
        assertThat(inventory.countSold(line, honey, 4).block()).as("the same line again").isFalse();

        assertThat(stock().unitsSold()).isEqualTo(3 + 2 + 4);
        assertThat(card().stock().unitsSold()).isEqualTo(9);
        assertThat(catalog.product(honey).block().stock()).isEqualTo(new ProductStock(20 - 5, 9));
    }

    @Test
    void unitsSoldAddUpExactlyWhenManyTillsAndOnlineSalesCountAtOnceAndBatchesArriveTwice() {
        receive(showroom, 10_000);
        List<TillKey> tills = IntStream.range(0, 8).mapToObj(i -> keys.issue(showroom, "Quầy " + i).block().key()).toList();
        List<List<TillMovement>> batches = IntStream.range(0, 32).mapToObj(b -> IntStream.range(0, 10)
                .mapToObj(i -> new TillMovement(UUID.randomUUID(), "SALE", honey.value(), null, 1 + (b + i) % 3, null, null, OffsetDateTime.now()))
                .toList()).toList();
        int tillUnits = batches.stream().flatMap(List::stream).mapToInt(TillMovement::quantity).sum();
        List<UUID> lines = IntStream.range(0, 16).mapToObj(i -> UUID.randomUUID()).toList();

        // every batch twice and every online line twice, all at once over the pool's connections: each counts once
        Flux<Boolean> tillSales = Flux.range(0, batches.size() * 2)
                .flatMap(n -> inventory.sync(new SyncBatch(showroom, tills.get(n % tills.size()), "till-" + n % tills.size(), null,
                        batches.get(n / 2))).thenReturn(true).subscribeOn(Schedulers.parallel()));
        Flux<Boolean> onlineSales = Flux.range(0, lines.size() * 2)
                .flatMap(n -> inventory.countSold(lines.get(n / 2), honey, 2).subscribeOn(Schedulers.parallel()));
        Flux.merge(tillSales, onlineSales).then().block();

        assertThat(stock().unitsSold()).isEqualTo(tillUnits + 2L * lines.size());
        assertThat(card().stock().unitsSold()).isEqualTo(tillUnits + 2L * lines.size());
        assertThat(stock().available()).isEqualTo(10_000 - tillUnits);
    }

    private void assertState(int available, StockState state) {
        ProductStock stock = stock();
        assertThat(stock.available()).isEqualTo(available);
        assertThat(stock.state()).isEqualTo(state);
        assertThat(card().stock()).as("a card says the same").isEqualTo(stock);
        assertThat(catalog.product(honey).block().stock()).as("and the product page").isEqualTo(stock);
        assertThat(offer().stock()).as("and the cart").isEqualTo(state);
        StockedOffer checkout = reports.stockedOffers(List.of(honey), today).single().block();
        assertThat(checkout.offer()).as("checkout reads the cart's offer").isEqualTo(offer());
        assertThat(checkout.levels()).as("with the product's stock rows").containsExactlyInAnyOrderElementsOf(reports.of(honey, today).collectList().block());
    }

    private ProductStock stock() {
        return catalog.stock(List.of(honey)).block().get(honey);
    }

    private ProductCard card() {
        return catalog.sellableProducts(List.of(honey)).blockFirst();
    }

    private ProductOffer offer() {
        return reports.offers(List.of(honey), today).blockFirst();
    }

    private boolean inStockFilterFinds() {
        ProductQuery inStock = new ProductQuery(null, null, null, null, null, null, true, 0, 100);
        return !catalog.sellableProducts(List.of(honey), inStock).collectList().block().isEmpty()
                && catalog.sellableProducts(inStock).filter(c -> c.id().equals(honey.value())).hasElements().block();
    }

    private void receive(LocationId location, int quantity) {
        inventory.recordAtLocation(location, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, quantity,
                OffsetDateTime.now(), null)), "staff@demo").block();
    }

    private void receiveAtWarehouse(int quantity) {
        inventory.recordAtWarehouse(producer, warehouse, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, quantity,
                OffsetDateTime.now(), null)), "producer@demo").block();
    }

    private void sell(LocationId location, int quantity) {
        TillKey till = keys.issue(location, "Quầy " + UUID.randomUUID().toString().substring(0, 4)).block().key();
        inventory.sync(new SyncBatch(location, till, "till-1", null, List.of(new TillMovement(UUID.randomUUID(), "SALE", honey.value(),
                null, quantity, null, null, OffsetDateTime.now())))).block();
    }
}
