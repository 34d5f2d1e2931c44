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
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.search.index.Indexer;

/**
 * Recall@5 and precision@10 over queries shoppers type (search/queries.tsv, a sample: the ranking must generalise, so
 * no query is tuned for), through the real index over the 319 demo products with every ranking made valid.
 */
@SearchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceTests {

    /** @param maxTotal how many products the query may find at most (narrow queries), or null */
    record Case(String id, String query, List<String> mustInTop5, Long maxTotal) {
    }

    @Autowired
    ProductSearch search;

    @BeforeAll
    void index(@Autowired DemoCatalog demo, @Autowired Catalog catalog, @Autowired Indexer indexer, @Autowired DatabaseClient db) {
        DemoIndex.load(demo, catalog, indexer);
        DemoIndex.makeEveryRankingValid(db, catalog, indexer);
    }

    @Test
    void mustHaveProductsAreInTheTopFiveForAtLeastNineteenInTwentyExpectations() throws IOException {
        int expected = 0;
        int found = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases()) {
            var hits = answer(c.query()).hits().stream().limit(5).toList();
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
        assertThat(recall).as("recall@5; misses: %s", misses).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * Precision: of the first ten results of every query, at most one may share no word with the query (folded, with a
     * typo in a long word, Telex tone keys, a synonym from the project's file, joined, or the last word as a prefix),
     * judged by {@link SharedWords}, written apart from the query code. Narrow queries stay narrow ({@code max_total}).
     */
    @Test
    void theFirstTenResultsShareAWordWithTheQueryAndNarrowQueriesStayNarrow() throws IOException {
        SharedWords judge = SharedWords.fromProjectSynonyms();
        int shown = 0;
        int sharing = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            SearchResult result = answer(c.query());
            List<SearchResult.Hit> top = result.hits().stream().limit(10).toList();
            List<String> strangers = top.stream().filter(h -> !judge.shareAWord(c.query(), h)).map(SearchResult.Hit::name).toList();
            shown += top.size();
            sharing += top.size() - strangers.size();
            if (strangers.size() > 1) {
                failures.add(c.id() + " \"" + c.query() + "\": " + strangers.size() + " of the first 10 share no word: " + strangers);
            }
            if (c.maxTotal() != null && result.total() > c.maxTotal()) {
                failures.add(c.id() + " \"" + c.query() + "\": " + result.total() + " results, at most " + c.maxTotal() + " expected: "
                        + result.hits().stream().map(SearchResult.Hit::name).toList());
            }
        }
        double precision = shown == 0 ? 1 : (double) sharing / shown;
        System.out.printf("Search relevance: precision@10 = %.3f (%d of %d results shown share a word with the query)%n", precision, sharing, shown);
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat(failures).as("precision failures").isEmpty();
    }

    private SearchResult answer(String query) {
        long started = System.nanoTime();
        SearchResult result = search.search(SearchRequest.text(query)).block(Duration.ofSeconds(10));
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (ms > 200) {
            System.out.printf("  SLOW \"%s\" took %d ms (partial: %s)%n", query, ms, result.partial());
        }
        assertThat(result.degraded()).as("answered by Elasticsearch").isFalse();
        return result;
    }

    /** "Name" or "Name || Producer" when two producers make a product of that name. */
    private static boolean matches(SearchResult.Hit hit, String must) {
        String[] parts = must.split("\\s*\\|\\|\\s*");
        return hit.name().equals(parts[0].trim()) && (parts.length == 1 || hit.producer().equals(parts[1].trim()));
    }

    private static List<Case> cases() throws IOException {
        String tsv = new ClassPathResource("search/queries.tsv").getContentAsString(StandardCharsets.UTF_8);
        return tsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                .map(f -> new Case(f[0], f[1], Arrays.stream(f[2].split(" ;; ")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                        f.length > 6 && !f[6].isBlank() ? Long.valueOf(f[6].trim()) : null))
                .toList();
    }
}
