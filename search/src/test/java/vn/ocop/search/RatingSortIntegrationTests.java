package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductRatings;
import vn.ocop.catalog.Stars;
import vn.ocop.catalog.testing.CatalogFixtures;

/**
 * Ratings in the index: a review written or hidden changes the catalog's product rating, whose trigger re-indexes the
 * product; the RATING sort puts the highest average first, then the most reviews, and unrated products last.
 */
@SearchTest
class RatingSortIntegrationTests {

    @Autowired
    ProductSearch search;
    @Autowired
    ProductRatings ratings;
    @Autowired
    Catalog catalog;
    @Autowired
    CatalogChanges changes;
    @Autowired
    DatabaseClient db;

    @Test
    void theRatingSortPutsTheHighestAverageFirstThenTheMostReviewsAndFollowsHiding() {
        ProductId once = sellable("Ốc nhồi Kỳ Lân một");
        ProductId half = sellable("Ốc nhồi Kỳ Lân hai");
        ProductId thrice = sellable("Ốc nhồi Kỳ Lân ba");
        ProductId none = sellable("Ốc nhồi Kỳ Lân bốn");
        rate(once, 5);
        rate(half, 5, 4);
        rate(thrice, 5, 5, 5);
        drained();

        SearchResult sorted = byRating();
        assertThat(ids(sorted)).containsExactly(thrice.value(), once.value(), half.value(), none.value());
        SearchResult.Hit first = sorted.hits().get(0);
        assertThat(first.rating()).isEqualTo(5.0);
        assertThat(first.ratingCount()).isEqualTo(3);
        assertThat(sorted.hits().get(2).rating()).as("4.5, one decimal").isEqualTo(4.5);
        assertThat(sorted.hits().get(3).rated()).isFalse();

        ratings.reviewHidden(thrice, new Stars(5)).block();
        ratings.reviewHidden(thrice, new Stars(5)).block();
        ratings.reviewHidden(thrice, new Stars(5)).block();
        drained();
        List<UUID> after = ids(byRating());
        assertThat(after.subList(0, 2)).as("hidden reviews leave the index's rating").containsExactly(once.value(), half.value());
        assertThat(after.subList(2, 4)).as("unrated now, with the unrated").containsExactlyInAnyOrder(thrice.value(), none.value());
    }

    private SearchResult byRating() {
        SearchResult result = search.search(new SearchRequest("oc nhoi ky lan", null, null, null, null, null, null, SearchRequest.Sort.RATING, 0, 10)).block();
        assertThat(result.degraded()).isFalse();
        return result;
    }

    private void rate(ProductId product, int... stars) {
        for (int s : stars) {
            ratings.reviewed(product, new Stars(s)).block();
        }
    }

    private ProductId sellable(String name) {
        CatalogFixtures fixtures = new CatalogFixtures(db);
        return fixtures.activeProduct(name)
                .flatMap(p -> fixtures.ranking(p, 4, catalog.today().minusYears(1), catalog.today().plusYears(2)).thenReturn(p))
                .block();
    }

    private void drained() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> changes.lag().block().pending() == 0);
    }

    private static List<UUID> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
