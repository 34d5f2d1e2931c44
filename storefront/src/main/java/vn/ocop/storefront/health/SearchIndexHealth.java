package vn.ocop.storefront.health;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.search.SearchAdmin;

/**
 * The "searchIndex" component of /actuator/health: changes waiting in the outbox and the age of the oldest. A
 * change waiting over five minutes makes it DEGRADED (search still answers, possibly stale); when the outbox
 * cannot be read (PostgreSQL is away) it is UNKNOWN, and the r2dbc component says why.
 */
@Component("searchIndex")
class SearchIndexHealth implements ReactiveHealthIndicator {

    static final Duration TOO_OLD = Duration.ofMinutes(5);

    private final SearchAdmin admin;

    SearchIndexHealth(SearchAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Mono<Health> health() {
        return admin.lag()
                .timeout(Duration.ofSeconds(3))
                .map(lag -> Health.status(lag.oldest().compareTo(TOO_OLD) > 0 ? ElasticsearchHealth.DEGRADED : Status.UP)
                        .withDetail("outboxPending", lag.pending())
                        .withDetail("oldestPendingSeconds", lag.oldest().toSeconds())
                        .build())
                .onErrorResume(e -> Mono.just(Health.unknown().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
