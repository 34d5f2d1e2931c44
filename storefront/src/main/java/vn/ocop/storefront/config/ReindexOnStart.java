package vn.ocop.storefront.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ocop.search.SearchAdmin;

/** {@code --ocop.search.reindex=true}: rebuild the search index at start-up (on the main thread), then serve as usual. */
@Component
@Order(10) // after the demo data
@ConditionalOnProperty(name = "ocop.search.reindex", havingValue = "true")
class ReindexOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReindexOnStart.class);

    private final SearchAdmin admin;

    ReindexOnStart(SearchAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Search index rebuilt at start-up: {}", admin.reindex().block(Duration.ofMinutes(30)));
    }
}
