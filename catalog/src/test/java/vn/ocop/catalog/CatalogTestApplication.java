package vn.ocop.catalog;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The catalog module alone, for its integration tests (migrations: db/migration/catalog). Other modules'
 * applications scan vn.ocop and would find this class on their test classpath: it stays out unless asked.
 */
@SpringBootApplication
@ConditionalOnProperty(name = "ocop.test.app", havingValue = "catalog")
public class CatalogTestApplication {
}
