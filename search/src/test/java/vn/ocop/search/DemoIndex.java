package vn.ocop.search;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.search.index.Indexer;

/** Loads the demo catalog into a test database and drains it into the test's index. */
final class DemoIndex {

    private DemoIndex() {
    }

    static void load(DemoCatalog demo, Catalog catalog, Indexer indexer) {
        demo.load(catalog.today()).block(Duration.ofMinutes(1));
        indexer.drainAll().block(Duration.ofMinutes(1));
    }

    /** Relevance is judged on every product: validity is tested elsewhere. */
    static void makeEveryRankingValid(DatabaseClient db, Catalog catalog, Indexer indexer) {
        db.sql("update certification set issued_on = :today - 365, valid_until = :today + 730, revoked_at = null, revocation_reason = null")
                .bind("today", catalog.today()).then().block();
        indexer.drainAll().block(Duration.ofMinutes(1));
    }
}
