package vn.ocop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.search.SearchTest;
import vn.ocop.search.fallback.FoldedProducts;

/**
 * The bulk paths: a backlog drained in full batches that skip waiting for a refresh, and a full rebuild filled with
 * refresh off. Each must end searchable, with the live index's settings. The app's own indexer is off here, so that
 * this test alone decides how the outbox is drained.
 */
@SearchTest
@TestPropertySource(properties = "ocop.search.indexer.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkIndexingIntegrationTests {

    @Autowired
    DatabaseClient db;
    @Autowired
    ProductIndex index;
    @Autowired
    Reindexer reindexer;
    @Autowired
    ConsistencyCheck consistency;
    @Autowired
    ElasticsearchAsyncClient es;

    Indexer indexer;

    @BeforeAll
    void loadTheDemoCatalog(@Autowired DemoCatalog demo, @Autowired Catalog catalog, @Autowired CatalogChanges changes,
                            @Autowired FoldedProducts folded) {
        indexer = new Indexer(changes, index, folded, reindexer);
        index.ensureExists().block(Duration.ofSeconds(30));
        demo.load(catalog.today()).block(Duration.ofMinutes(1));
        indexer.drainAll().block(Duration.ofMinutes(1));
    }

    @Test
    void aBacklogOfExactlyOneFullBatchIsSearchableAsSoonAsTheDrainEnds() {
        String word = "lohang" + Long.toString(System.nanoTime(), 36);
        // the renamed product's change comes first, then price changes up to exactly one full batch
        db.sql("update product set name = name || ' ' || :word where id = (select id from product order by name limit 1)")
                .bind("word", word).then().block();
        while (pending() < Indexer.BATCH) {
            db.sql("update product set price_vnd = price_vnd + 1000 where id in (select id from product order by id limit :n)")
                    .bind("n", Indexer.BATCH - pending()).then().block();
        }
        assertThat(pending()).isEqualTo(Indexer.BATCH);

        assertThat(indexer.drainAll().block(Duration.ofMinutes(1))).isEqualTo(Indexer.BATCH);

        // no waiting here: the drain made its full batch searchable before it ended
        assertThat(es.count(c -> c.index(index.alias()).query(q -> q.match(m -> m.field("name").query(word)))).join().count()).isEqualTo(1);
    }

    @Test
    void aRebuildIndexesEveryProductAndServesWithTheLiveRefreshInterval() {
        String fresh = reindexer.reindex().block(Duration.ofMinutes(2));

        var report = consistency.run().block(Duration.ofMinutes(1));
        assertThat(report.consistent()).isTrue();
        assertThat(report.documents()).isEqualTo(report.products()).isPositive();
        var settings = es.indices().getSettings(g -> g.index(fresh)).join().get(fresh).settings().index();
        assertThat(settings.refreshInterval().time()).isEqualTo("500ms"); // filled with refresh off, then given it back
    }

    @Test
    void anIndexWithAnOlderMappingIsRebuiltBeforeTheOutboxIsDrained() {
        assertThat(index.hasCurrentMapping().block(Duration.ofSeconds(30))).isTrue();
        String before = aliased();
        // as an index made by the previous version looks: same alias, older mapping version
        es.indices().putMapping(m -> m.index(before).meta("mapping", co.elastic.clients.json.JsonData.of("2026-11-22"))).join();
        assertThat(index.hasCurrentMapping().block(Duration.ofSeconds(30))).isFalse();

        indexer.upgradeMapping().block(Duration.ofMinutes(2));

        String after = aliased();
        assertThat(after).isNotEqualTo(before);
        assertThat(index.hasCurrentMapping().block(Duration.ofSeconds(30))).isTrue();
        var report = consistency.run().block(Duration.ofMinutes(1));
        assertThat(report.consistent()).isTrue();
        assertThat(report.documents()).isEqualTo(report.products()).isPositive();
        indexer.upgradeMapping().block(Duration.ofMinutes(1));
        assertThat(aliased()).as("a current index is left as it is").isEqualTo(after);
    }

    private String aliased() {
        return es.indices().getAlias(a -> a.name(index.alias())).join().aliases().keySet().iterator().next();
    }

    private long pending() {
        return db.sql("select count(*) as n from catalog_change where indexed_at is null").map((r, md) -> r.get("n", Long.class)).one().block();
    }
}
