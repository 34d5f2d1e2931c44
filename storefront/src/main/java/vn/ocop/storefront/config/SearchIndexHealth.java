package vn.ocop.storefront.config;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.search.SearchAdmin;

/** The "searchIndex" component of /actuator/health: changes waiting in the outbox and the age of the oldest. */
@Component("searchIndex")
class SearchIndexHealth implements ReactiveHealthIndicator {

    /** Longer than this and the index is falling behind: it says DOWN (search still answers, possibly stale). */
    static final Duration TOO_OLD = Duration.ofMinutes(5);

    private final SearchAdmin admin;

    SearchIndexHealth(SearchAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Mono<Health> health() {
        return admin.lag().map(lag -> (lag.oldest().compareTo(TOO_OLD) > 0 ? Health.down() : Health.up())
                .withDetail("outboxPending", lag.pending())
                .withDetail("oldestPendingSeconds", lag.oldest().toSeconds())
                .build());
    }
}
