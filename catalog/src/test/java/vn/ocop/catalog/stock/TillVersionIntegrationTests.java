package vn.ocop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/** A ranking ends at midnight in Hà Nội with no write at all: a till's next sync still learns of it. */
@SpringBootTest(classes = CatalogTestApplication.class)
@Import(TillVersionIntegrationTests.Clocks.class)
@OwnDatabase
class TillVersionIntegrationTests {

    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-11-22T14:00:00Z")); // 21:00 in Hà Nội
        }
    }

    @Autowired
    Inventory inventory;
    @Autowired
    TillKeys keys;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;

    @Test
    void aRankingThatEndedOvernightIsInTheNextMorningsChanges() {
        var fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Chè", null).block();
        ProductId ending = fixtures.catalog().product(producer, "Chè hết hạn đêm nay", vn.ocop.catalog.listings.ProductStatus.ACTIVE).block();
        fixtures.catalog().ranking(ending, 4, LAST_DAY.minusMonths(36), LAST_DAY).block();
        ProductId lasting = fixtures.sellableProduct(producer, "Chè còn hạn", LAST_DAY).block();
        LocationId showroom = fixtures.showroom("Showroom", true).block();
        TillKey till = keys.issue(showroom, "Quầy 1").block().key();
        SyncAnswer evening = inventory.sync(new SyncBatch(showroom, till, "quay-1", null,
                List.of(receipt(ending), receipt(lasting)))).block();

        clock.set(Instant.parse("2026-11-22T17:00:00Z")); // 00:00 the next day in Hà Nội
        SyncAnswer morning = inventory.sync(new SyncBatch(showroom, till, "quay-1", evening.version(), List.of())).block();

        assertThat(evening.stock()).extracting(StockLevel::sellable).containsOnly(true);
        assertThat(morning.changes()).singleElement().satisfies(c -> {
            assertThat(c.product()).isEqualTo(ending);
            assertThat(c.sellable()).isFalse();
        });
    }

    private static TillMovement receipt(ProductId product) {
        return new TillMovement(UUID.randomUUID(), "RECEIPT", product.value(), null, 5, null, null, OffsetDateTime.now());
    }
}
