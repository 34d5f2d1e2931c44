package vn.ocop.catalog.listings;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.testing.OwnDatabase;

/** The sale rule at its edges, through the catalog as shoppers reach it, on the real database. */
@SpringBootTest(classes = CatalogTestApplication.class)
@Import(SellableBoundaryIntegrationTests.Clocks.class)
@OwnDatabase
class SellableBoundaryIntegrationTests {

    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);
    /** 23:59:59 in Hà Nội on the last day, 16:59:59 UTC. */
    static final Instant LAST_SECOND_ICT = Instant.parse("2026-11-22T16:59:59Z");
    /** 00:00 in Hà Nội the next day, while UTC is still on the last day. */
    static final Instant NEXT_DAY_ICT = Instant.parse("2026-11-22T17:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(LAST_SECOND_ICT);
        }
    }

    @Autowired
    Catalog catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;

    CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(db);
        clock.set(LAST_SECOND_ICT);
    }

    @Test
    void rankingIsValidThroughItsLastDayInHanoiAndNotTheNextDayThoughUtcIsStillOnIt() {
        ProductId p = ranked("Trà hoa vàng", 4, LAST_DAY.minusMonths(36), LAST_DAY);
        assertThat(onSale(p)).isTrue();
        clock.set(NEXT_DAY_ICT);
        assertThat(catalog.today()).isEqualTo(LAST_DAY.plusDays(1));
        assertThat(onSale(p)).isFalse();
    }

    @Test
    void rankingStartsOnItsFirstDayInHanoiWhileUtcIsStillOnTheDayBefore() {
        LocalDate firstDay = LocalDate.of(2026, 11, 23);
        ProductId p = ranked("Miến dong", 4, firstDay, firstDay.plusMonths(36));
        clock.set(Instant.parse("2026-11-22T16:59:59Z"));
        assertThat(onSale(p)).isFalse();
        clock.set(Instant.parse("2026-11-22T17:00:01Z")); // 00:00:01 on the 23rd in Hà Nội
        assertThat(onSale(p)).isTrue();
    }

    @Test
    void revokedRankingTakesProductOffSale() {
        ProductId p = fixtures.activeProduct("Mật ong bạc hà").block();
        fixtures.ranking(p, 5, LAST_DAY.minusYears(1), LAST_DAY.plusYears(2))
                .flatMap(r -> fixtures.revoke(r, OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.ofHours(7)))).block();
        assertThat(onSale(p)).isFalse();
    }

    @Test
    void oneAndTwoStarsNeverSell() {
        ProductId one = ranked("Một sao", 1, LAST_DAY.minusYears(1), LAST_DAY.plusYears(2));
        ProductId two = ranked("Hai sao", 2, LAST_DAY.minusYears(1), LAST_DAY.plusYears(2));
        assertThat(onSale(one)).isFalse();
        assertThat(onSale(two)).isFalse();
    }

    @Test
    void rankingIssuedInTheFutureDoesNotSellYet() {
        ProductId p = ranked("Chưa hiệu lực", 4, LAST_DAY.plusDays(1), LAST_DAY.plusYears(3));
        assertThat(onSale(p)).isFalse();
    }

    @Test
    void draftAndArchivedListingsDoNotSellWhateverTheirRanking() {
        var producer = fixtures.producer("HTX bản nháp", null).block();
        ProductId draft = fixtures.product(producer, "Bản nháp", ProductStatus.DRAFT).block();
        ProductId archived = fixtures.product(producer, "Đã lưu trữ", ProductStatus.ARCHIVED).block();
        for (ProductId p : new ProductId[] {draft, archived}) {
            fixtures.ranking(p, 5, LAST_DAY.minusYears(1), LAST_DAY.plusYears(2)).block();
            assertThat(onSale(p)).isFalse();
        }
    }

    @Test
    void suspendedProducerSellsNothing() {
        ProducerId producer = fixtures.producer("HTX bị đình chỉ", null).block();
        ProductId p = fixtures.product(producer, "Của chủ thể bị đình chỉ", ProductStatus.ACTIVE).block();
        fixtures.ranking(p, 4, LAST_DAY.minusYears(1), LAST_DAY.plusYears(2)).block();
        fixtures.suspend(producer).block();
        assertThat(onSale(p)).isFalse();
    }

    @Test
    void newerThreeStarRankingAfterAnExpiredFiveStarOneSellsWithThreeStars() {
        ProductId p = ranked("Được xếp hạng lại", 5, LocalDate.of(2021, 3, 1), LocalDate.of(2024, 3, 1));
        fixtures.ranking(p, 3, LocalDate.of(2025, 6, 1), LocalDate.of(2028, 6, 1)).block();
        ProductDetails page = catalog.product(p).block();
        assertThat(page.ranking().stars().value()).isEqualTo(3);
        assertThat(page.ranking().validUntil()).isEqualTo(LocalDate.of(2028, 6, 1));
        assertThat(catalog.sellableProducts(ProductQuery.page(0, 100)).map(ProductCard::id).collectList().block()).contains(p.value());
    }

    @Test
    void productThatIsNotOnSaleIsNotFoundAndListedNowhere() {
        ProductId p = ranked("Hết hạn", 4, LocalDate.of(2020, 1, 1), LocalDate.of(2023, 1, 1));
        assertThat(catalog.product(p).onErrorResume(CatalogException.class, e -> {
            assertThat(e.code()).isEqualTo(CatalogErrorCode.NOT_FOUND);
            return reactor.core.publisher.Mono.empty();
        }).blockOptional()).isEmpty();
        assertThat(catalog.sellableProducts(ProductQuery.page(0, 100)).map(ProductCard::id).collectList().block()).doesNotContain(p.value());
    }

    private ProductId ranked(String name, int stars, LocalDate issuedOn, LocalDate validUntil) {
        ProductId p = fixtures.activeProduct(name).block();
        fixtures.ranking(p, stars, issuedOn, validUntil).block();
        return p;
    }

    /** On sale by both paths shoppers use: the product page and the list, which must agree. */
    private boolean onSale(ProductId p) {
        boolean page = catalog.product(p).map(d -> true).onErrorReturn(CatalogException.class, false).block();
        boolean listed = catalog.sellableProducts(ProductQuery.page(0, 100)).map(ProductCard::id).collectList().block().contains(p.value());
        assertThat(listed).as("the list agrees with the product page").isEqualTo(page);
        return page;
    }
}
