package vn.ocop.storefront;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import vn.ocop.catalog.changes.CatalogChanges;

/** Waits until the indexer has drained the change outbox (a drained change is searchable). */
public final class SearchIndexReady {

    private SearchIndexReady() {
    }

    public static void drained(CatalogChanges changes) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> changes.lag().block().pending() == 0);
    }
}
