package vn.ocop.search;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Catalog and search together, for search's integration tests; stays out of other modules' scans unless asked. */
@SpringBootApplication(scanBasePackages = {"vn.ocop.catalog", "vn.ocop.search"})
@ConfigurationPropertiesScan("vn.ocop.search")
@ConditionalOnProperty(name = "ocop.test.app", havingValue = "search")
public class SearchTestApplication {
}
