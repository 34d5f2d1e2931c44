package vn.ocop.storefront;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import vn.ocop.catalog.testing.OwnDatabase;

/**
 * The whole application on a random port, against a database of its own on the real PostgreSQL and the
 * test JVM's Elasticsearch node, with the demo data loaded. The embedded default is off: tests bring their own services.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ocop.devservices.enabled=false", "ocop.demo=true", "spring.r2dbc.pool.max-size=10"})
@AutoConfigureWebTestClient
@OwnDatabase
public @interface StorefrontTest {
}
