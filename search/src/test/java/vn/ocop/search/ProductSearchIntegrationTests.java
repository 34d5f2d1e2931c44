package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.search.index.Indexer;

/** Searching the demo catalog through the real index, with the indexer running as in the app. */
@SearchTest
@Import(ProductSearchIntegrationTests.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSearchIntegrationTests {

    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired
    ProductSearch search;
    @Autowired
    DatabaseClient db;
    @Autowired
    MutableClock clock;
    @Autowired
    CatalogChanges changes;

    @BeforeAll
    void index(@Autowired DemoCatalog demo, @Autowired Catalog catalog, @Autowired Indexer indexer) {
        DemoIndex.load(demo, catalog, indexer);
    }

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void biXanhWithoutDiacriticsFindsBiXanhThomBaBeFirst() {
        assertThat(names("bi xanh").get(0)).isEqualTo("Bí xanh thơm Ba Bể");
        assertThat(hits("bi xanh").get(0).highlightedName()).isEqualTo("<mark>Bí</mark> <mark>xanh</mark> thơm Ba Bể");
    }

    @Test
    void aTypoStillFindsFishSauce() {
        assertThat(names("nươc mam").subList(0, 5)).allMatch(n -> n.startsWith("Nước mắm"));
        assertThat(names("nuoc mamm").get(0)).startsWith("Nước mắm");
    }

    @Test
    void aProducerNameWithoutDiacriticsFindsItsProducts() {
        List<SearchResult.Hit> firstFour = hits("gom su quang vinh").subList(0, 4);
        assertThat(firstFour).allMatch(h -> h.producer().equals("Công ty TNHH Gốm sứ Quang Vinh"));
        assertThat(hits("xuan nguyen")).first().extracting(SearchResult.Hit::producer).isEqualTo("Công ty CP Tập đoàn Xuân Nguyên");
    }

    @Test
    void onlyWhatIsOnSaleTodayIsFound() {
        // Xuân Nguyên's honey ranked by 1066/QĐ-UBND on 2023-03-28 expired on 2026-03-28
        assertThat(names("mat ong nhan sam")).doesNotContain("Mật ong nhân sâm");
    }

    @Test
    void aRevokedRankingDisappearsFromSearchWithinTwoSeconds() {
        UUID id = productId("Trà hoa vàng Ba Chẽ");
        assertThat(names("tra hoa vang ba che")).contains("Trà hoa vàng Ba Chẽ");
        db.sql("update certification set revoked_at = now(), revocation_reason = 'vi phạm' where product_id = :id").bind("id", id).then().block();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(names("tra hoa vang ba che")).doesNotContain("Trà hoa vàng Ba Chẽ"));
    }

    @Test
    void whenTheLastDayPassesTheProductIsGoneWithNoReindex() {
        UUID id = productId("Miến dong Tài Hoan");
        Instant lastSecond = Instant.parse("2026-11-22T16:59:59Z"); // 23:59:59 in Hà Nội, still the last day
        Instant midnight = Instant.parse("2026-11-22T17:00:00Z"); // 00:00 in Hà Nội, 17:00 UTC the same day
        db.sql("update certification set valid_until = '2026-11-22' where product_id = :id").bind("id", id).then().block();
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.lag().block().pending() == 0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            clock.set(lastSecond);
            assertThat(names("mien dong tai hoan")).contains("Miến dong Tài Hoan");
            clock.set(midnight);
            assertThat(names("mien dong tai hoan")).doesNotContain("Miến dong Tài Hoan");
        });
        // only the clock moves from here on: nothing is waiting to be indexed, yet the answer flips both ways
        assertThat(changes.lag().block().pending()).isZero();
        clock.set(lastSecond);
        assertThat(names("mien dong tai hoan")).contains("Miến dong Tài Hoan");
    }

    @Test
    void facetsCountGroupsProvincesStarsAndPricesAndFiltersApply() {
        SearchResult all = search.search(new SearchRequest("tra", null, null, null, null, null, null, SearchRequest.Sort.RELEVANCE, 0, 10)).block();
        assertThat(all.facets().groups()).containsKey("DRINKS");
        assertThat(all.facets().stars().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all.total());
        SearchResult drinks = search.search(new SearchRequest("tra", OcopGroup.DRINKS, null, null, null, null, null, SearchRequest.Sort.RELEVANCE, 0, 100)).block();
        assertThat(drinks.total()).isEqualTo(all.facets().groups().get("DRINKS"));
        assertThat(drinks.hits()).allMatch(h -> h.group().equals("DRINKS"));
        SearchResult fiveStars = search.search(new SearchRequest("", null, null, 5, null, null, null, SearchRequest.Sort.RELEVANCE, 0, 100)).block();
        assertThat(fiveStars.hits()).isNotEmpty().allMatch(h -> h.stars() == 5);
    }

    /** The PostgreSQL answer (Elasticsearch away) applies every filter the page shows, with text and without. */
    @Test
    void thePostgresAnswerAppliesEveryFilter() {
        SearchResult tea = search.searchPostgres(SearchRequest.text("tra")).block();
        assertThat(tea.degraded()).isTrue();
        assertThat(tea.hits()).anyMatch(h -> h.stars() == 4).anyMatch(h -> h.stars() != 4);
        SearchResult fourStars = search.searchPostgres(new SearchRequest("tra", null, null, 4, null, null, null, SearchRequest.Sort.RELEVANCE, 0, 100)).block();
        assertThat(fourStars.hits()).isNotEmpty().allMatch(h -> h.stars() == 4);
        assertThat(fourStars.total()).isLessThan(tea.total()).isEqualTo(fourStars.hits().size());
        SearchResult typed = search.searchPostgres(SearchRequest.text("tra 4 sao")).block();
        assertThat(typed.hits()).extracting(SearchResult.Hit::id).containsExactlyElementsOf(fourStars.hits().stream().limit(24).map(SearchResult.Hit::id).toList());
        SearchResult cheap = search.searchPostgres(new SearchRequest("tra", null, null, null, 50_000L, 150_000L, null, SearchRequest.Sort.RELEVANCE, 0, 100)).block();
        assertThat(cheap.hits()).isNotEmpty().allMatch(h -> h.priceVnd() >= 50_000 && h.priceVnd() <= 150_000);
        assertThat(cheap.total()).isLessThan(tea.total());
        SearchResult drinks = search.searchPostgres(new SearchRequest("", OcopGroup.DRINKS, null, 4, null, 200_000L, null, SearchRequest.Sort.RELEVANCE, 0, 100)).block();
        assertThat(drinks.hits()).isNotEmpty().allMatch(h -> h.group().equals("DRINKS") && h.stars() == 4 && h.priceVnd() <= 200_000);
        assertThat(drinks.total()).isEqualTo(drinks.hits().size());
    }

    @Test
    void sortsByPriceAndPagesWithoutOverlap() {
        var cheap = search.search(new SearchRequest("", null, null, null, null, null, null, SearchRequest.Sort.PRICE_ASC, 0, 20)).block().hits();
        assertThat(cheap).extracting(SearchResult.Hit::priceVnd).isSorted();
        var next = search.search(new SearchRequest("", null, null, null, null, null, null, SearchRequest.Sort.PRICE_ASC, 1, 20)).block().hits();
        assertThat(next.get(0).priceVnd()).isGreaterThanOrEqualTo(cheap.get(19).priceVnd());
        assertThat(next).extracting(SearchResult.Hit::id).doesNotContainAnyElementsOf(cheap.stream().map(SearchResult.Hit::id).toList());
    }

    @Test
    void provinceFindsProductsByTheNameTheirDecisionUsed() {
        assertThat(hits("mat ong ha giang")).extracting(SearchResult.Hit::name).contains("Mật ong Bạc hà Tuấn Dũng");
        SearchResult haGiang = search.search(new SearchRequest("", null, "Hà Giang", null, null, null, null, SearchRequest.Sort.RELEVANCE, 0, 50)).block();
        assertThat(haGiang.hits()).isNotEmpty().allMatch(h -> "Hà Giang".equals(h.formerProvince()));
    }

    @Test
    void suggestionsCompleteWhatIsTypedWithoutDiacritics() {
        Suggestions suggestions = search.suggest("mat ong b").block();
        assertThat(suggestions.degraded()).isFalse();
        assertThat(suggestions.names()).isNotEmpty().allMatch(s -> TextFolding.fold(s).contains("mat ong"));
    }

    private List<String> names(String q) {
        return hits(q).stream().map(SearchResult.Hit::name).toList();
    }

    private List<SearchResult.Hit> hits(String q) {
        SearchResult r = search.search(SearchRequest.text(q)).block(Duration.ofSeconds(10));
        assertThat(r.degraded()).isFalse();
        return r.hits();
    }

    private UUID productId(String name) {
        return db.sql("select id from product where name = :n").bind("n", name).map((r, m) -> r.get("id", UUID.class)).first().block();
    }
}
