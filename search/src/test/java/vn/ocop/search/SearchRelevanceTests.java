package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.DemoCatalog;
import vn.ocop.search.index.Indexer;

/**
 * Recall@5 over queries shoppers type (search/queries.tsv, a sample: the ranking must generalise, so no
 * query is tuned for), through the real index over the 319 demo products with every ranking made valid.
 */
@SearchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceTests {

    record Case(String id, String query, List<String> mustInTop5) {
    }

    @Autowired
    ProductSearch search;

    @BeforeAll
    void index(@Autowired DemoCatalog demo, @Autowired Catalog catalog, @Autowired Indexer indexer, @Autowired DatabaseClient db) {
        DemoIndex.load(demo, catalog, indexer);
        DemoIndex.makeEveryRankingValid(db, catalog, indexer);
    }

    @Test
    void mustHaveProductsAreInTheTopFiveForAtLeastNineInTenExpectations() throws IOException {
        int expected = 0;
        int found = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases()) {
            var hits = waitForIndex(c.query());
            for (String must : c.mustInTop5()) {
                expected++;
                if (hits.stream().anyMatch(h -> matches(h, must))) {
                    found++;
                } else {
                    misses.add(c.id() + " \"" + c.query() + "\" missed \"" + must + "\"; top 5: "
                            + hits.stream().map(SearchResult.Hit::name).toList());
                }
            }
        }
        double recall = (double) found / expected;
        System.out.printf("Search relevance: recall@5 = %.3f (%d of %d expected products)%n", recall, found, expected);
        misses.forEach(m -> System.out.println("  MISS " + m));
        assertThat(recall).as("recall@5; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
    }

    private List<SearchResult.Hit> waitForIndex(String query) {
        SearchResult result = search.search(SearchRequest.text(query)).block(Duration.ofSeconds(10));
        assertThat(result.degraded()).as("answered by Elasticsearch").isFalse();
        return result.hits().stream().limit(5).toList();
    }

    /** "Name" or "Name || Producer" when two producers make a product of that name. */
    private static boolean matches(SearchResult.Hit hit, String must) {
        String[] parts = must.split("\\s*\\|\\|\\s*");
        return hit.name().equals(parts[0].trim()) && (parts.length == 1 || hit.producer().equals(parts[1].trim()));
    }

    private static List<Case> cases() throws IOException {
        String tsv = new ClassPathResource("search/queries.tsv").getContentAsString(StandardCharsets.UTF_8);
        return tsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                .map(f -> new Case(f[0], f[1], Arrays.stream(f[2].split(" ;; ")).map(String::trim).filter(s -> !s.isEmpty()).toList()))
                .toList();
    }
}
