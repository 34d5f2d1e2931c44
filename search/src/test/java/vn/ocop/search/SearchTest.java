package vn.ocop.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import vn.ocop.catalog.testing.OwnDatabase;

/** Catalog and search on a database of their own, the test JVM's Elasticsearch node and an index alias of their own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SearchTestApplication.class, properties = "ocop.elasticsearch.index=products-${random.uuid}")
@OwnDatabase
public @interface SearchTest {
}
