package vn.ocop.catalog;

import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.catalog.listings.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.testing.OwnDatabase;

/** PostgreSQL's ocop_fold and Java's Folding.fold agree on every name of the real OCOP products and their producers. */
@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class FoldingIntegrationTests {

    @Autowired
    DatabaseClient db;
    @Autowired
    DemoCatalog demo;
    @Autowired
    Catalog catalog;

    @Test
    void sqlAndJavaFoldTheSameOnEveryDemoName() {
        demo.load(catalog.today()).block(Duration.ofMinutes(1));
        List<Map<String, Object>> rows = db.sql("select name, ocop_fold(name) as folded from product union all"
                        + " select name, ocop_fold(name) from producer").fetch().all().collectList().block();
        assertThat(rows).hasSizeGreaterThan(300);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("folded")).as((String) r.get("name")).isEqualTo(Folding.fold((String) r.get("name"))));
    }

    @Test
    void sqlFoldsUpperCaseAndDecomposedTextToo() {
        for (String text : List.of("ĐẮK KRÔNG", "Khánh Hoà, Thuỷ", Normalizer.normalize("Mật ong Bạc hà", Normalizer.Form.NFD), "Phở Nam Định")) {
            String folded = db.sql("select ocop_fold(:t) as f").bind("t", text).map((r, m) -> r.get("f", String.class)).one().block();
            assertThat(folded).as(text).isEqualTo(Folding.fold(text));
        }
    }
}
