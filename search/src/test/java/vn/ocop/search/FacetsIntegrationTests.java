package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.search.index.Indexer;

/**
 * Multi-select facets on the demo catalog's real index: each facet counts what its link would find, that is with
 * every other filter applied but not its own, and the total counts the hits shown.
 */
@SearchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetsIntegrationTests {

    @Autowired
    ProductSearch search;

    @BeforeAll
    void index(@Autowired DemoCatalog demo, @Autowired Catalog catalog, @Autowired Indexer indexer) {
        DemoIndex.load(demo, catalog, indexer);
    }

    @Test
    void choosingAProvinceKeepsTheOtherProvincesAndCountsGroupsWithinIt() {
        SearchResult all = find(Filter.NONE);
        String province = largest(all.facets().provinces());
        SearchResult there = find(Filter.NONE.province(province));

        assertThat(there.total()).isEqualTo(all.facets().provinces().get(province)).isEqualTo(there.hits().size());
        assertThat(there.hits()).allMatch(h -> province.equals(h.province()) || province.equals(h.formerProvince()));
        assertThat(there.facets().provinces()).as("the province's own filter does not shrink the province facet")
                .hasSizeGreaterThan(1).isEqualTo(all.facets().provinces());
        assertThat(there.facets().groups().values().stream().mapToLong(Long::longValue).sum()).as("groups count that province only")
                .isEqualTo(there.total());
        there.facets().groups().forEach((group, count) ->
                assertThat(find(Filter.NONE.province(province).group(OcopGroup.valueOf(group))).total()).as(group).isEqualTo(count));
    }

    @Test
    void everyProvinceCountIsWhatItsLinkFindsUnderTheChosenGroup() {
        SearchResult food = find(Filter.NONE.group(OcopGroup.FOOD));
        assertThat(food.facets().provinces()).isNotEmpty();
        food.facets().provinces().forEach((province, count) -> {
            SearchResult clicked = find(Filter.NONE.group(OcopGroup.FOOD).province(province));
            assertThat(clicked.total()).as(province).isEqualTo(count);
            assertThat(clicked.hits()).allMatch(h -> h.group().equals("FOOD"));
        });
        assertThat(food.facets().groups()).as("the other groups stay listed with their counts").containsKeys("FOOD", "DRINKS")
                .isEqualTo(find(Filter.NONE).facets().groups());
    }

    @Test
    void starsAndPriceRangesCountUnderEveryOtherFilter() {
        Filter food = Filter.NONE.group(OcopGroup.FOOD);
        SearchResult foodOnly = find(food);
        assertThat(foodOnly.facets().priceRanges()).extracting(SearchResult.PriceFacet::range)
                .containsExactly("under-100000", "100000-200000", "200000-500000", "from-500000");
        for (SearchResult.PriceFacet range : foodOnly.facets().priceRanges()) {
            SearchResult clicked = find(food.price(range.minPrice(), range.maxPrice()));
            assertThat(clicked.total()).as(range.range()).isEqualTo(range.count());
            assertThat(clicked.facets().priceRanges()).as("a chosen range keeps the others").isEqualTo(foodOnly.facets().priceRanges());
            assertThat(clicked.facets().stars().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(clicked.total());
        }
        foodOnly.facets().stars().forEach((stars, count) -> {
            SearchResult clicked = find(food.stars(stars));
            assertThat(clicked.total()).as(stars + " stars").isEqualTo(count);
            assertThat(clicked.facets().stars()).isEqualTo(foodOnly.facets().stars());
            assertThat(clicked.facets().groups().get("FOOD")).isEqualTo(count);
        });
    }

    @Test
    void aPagePastTheLastIsEmptyWithTheTotalAndFacetsNotAFallback() {
        SearchResult first = find(Filter.NONE);
        for (int page : new int[] {999, 416, 10_000}) {
            SearchResult past = search.search(new SearchRequest("", null, null, null, null, null, null, SearchRequest.Sort.RELEVANCE, page, 24))
                    .block();
            assertThat(past.degraded()).as("page " + page + " is not an outage").isFalse();
            assertThat(past.hits()).isEmpty();
            assertThat(past.total()).isEqualTo(first.total());
            assertThat(past.facets()).isEqualTo(first.facets());
        }
        SearchResult deepest = search.search(new SearchRequest("mat ong", null, null, null, null, null, null, SearchRequest.Sort.PRICE_ASC,
                10_000, SearchRequest.MAX_SIZE)).block();
        assertThat(deepest.degraded()).isFalse();
        assertThat(deepest.hits()).isEmpty();
        assertThat(deepest.total()).isPositive();
    }

    private SearchResult find(Filter f) {
        SearchResult result = search.search(new SearchRequest("", f.group, f.province, f.stars, f.minPrice, f.maxPrice, null,
                SearchRequest.Sort.RELEVANCE, 0, SearchRequest.MAX_SIZE)).block();
        assertThat(result.degraded()).isFalse();
        return result;
    }

    private static String largest(Map<String, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    record Filter(OcopGroup group, String province, Integer stars, Long minPrice, Long maxPrice) {
        static final Filter NONE = new Filter(null, null, null, null, null);

        Filter group(OcopGroup g) {
            return new Filter(g, province, stars, minPrice, maxPrice);
        }

        Filter province(String p) {
            return new Filter(group, p, stars, minPrice, maxPrice);
        }

        Filter stars(int s) {
            return new Filter(group, province, s, minPrice, maxPrice);
        }

        Filter price(Long min, Long max) {
            return new Filter(group, province, stars, min, max);
        }
    }
}
