package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.devservices.ElasticsearchNode;
import vn.ocop.devservices.Processes;
import vn.ocop.search.index.Indexer;

/** Elasticsearch goes away: search answers from PostgreSQL, changes wait in the outbox, and all arrive when it is back. */
@SearchTest
class ElasticsearchOutageTests {

    static final int PORT = Processes.freePort();
    static Path data;
    static ElasticsearchNode node;

    @DynamicPropertySource
    static void ownNode(DynamicPropertyRegistry registry) throws Exception {
        data = Files.createTempDirectory("ocop-es-outage-");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        node = ElasticsearchNode.start(data, PORT);
        registry.add("ocop.elasticsearch.url", () -> "http://127.0.0.1:" + PORT);
    }

    @AfterAll
    static void stop() {
        node.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (Exception ignored) {
            // a temporary directory left behind is harmless
        }
    }

    @Autowired
    ProductSearch search;
    @Autowired
    DatabaseClient db;
    @Autowired
    CatalogChanges changes;

    @Test
    void changesMadeWhileElasticsearchIsDownAreAllInTheIndexOnceItIsBack(@Autowired DemoCatalog demo, @Autowired Catalog catalog,
                                                                         @Autowired Indexer indexer) {
        DemoIndex.load(demo, catalog, indexer);
        assertThat(search.search(SearchRequest.text("bi xanh")).block().degraded()).isFalse();

        node.close();
        UUID renamed = productId("Bí xanh thơm Ba Bể");
        UUID revoked = productId("Trà hoa vàng Ba Chẽ");
        db.sql("update product set name = 'Bí xanh thơm Ba Bể loại đặc biệt' where id = :id").bind("id", renamed).then().block();
        db.sql("update certification set revoked_at = now(), revocation_reason = 'kiểm tra lại' where product_id = :id").bind("id", revoked).then().block();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SearchResult degraded = search.search(SearchRequest.text("bi xanh dac biet")).block();
            assertThat(degraded.degraded()).as("answered from PostgreSQL").isTrue();
            assertThat(degraded.hits()).extracting(SearchResult.Hit::name).containsExactly("Bí xanh thơm Ba Bể loại đặc biệt");
        });
        assertThat(changes.lag().block().pending()).as("changes wait in the outbox").isGreaterThanOrEqualTo(2);
        Suggestions fromPostgres = search.suggest("bi xanh dac").block();
        assertThat(fromPostgres.degraded()).as("suggestions say PostgreSQL answered").isTrue();
        assertThat(fromPostgres.names()).containsExactly("Bí xanh thơm Ba Bể loại đặc biệt");

        node = ElasticsearchNode.start(data, PORT);
        await().atMost(Duration.ofSeconds(60)).until(() -> changes.lag().block().pending() == 0);
        SearchResult back = search.search(SearchRequest.text("bi xanh dac biet")).block();
        assertThat(back.degraded()).isFalse();
        assertThat(back.hits().get(0).name()).isEqualTo("Bí xanh thơm Ba Bể loại đặc biệt");
        assertThat(search.suggest("bi xanh dac").block().degraded()).isFalse();
        List<String> tea = search.search(SearchRequest.text("tra hoa vang ba che")).block().hits().stream().map(SearchResult.Hit::name).toList();
        assertThat(tea).doesNotContain("Trà hoa vàng Ba Chẽ");
    }

    private UUID productId(String name) {
        return db.sql("select id from product where name = :n").bind("n", name).map((r, m) -> r.get("id", UUID.class)).first().block();
    }
}
