package vn.ocop.storefront.health;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.search.SearchCluster;

/**
 * The "elasticsearch" component of /actuator/health: UP while the cluster is green or yellow. Unreachable or red
 * it is DEGRADED, not DOWN: search then answers from PostgreSQL and everything else works, so the instance stays
 * ready for traffic (the overall status is DEGRADED, HTTP 200) and a monitor still sees it.
 */
@Component("elasticsearch")
class ElasticsearchHealth implements ReactiveHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "works with less: search answers from PostgreSQL or may be stale");

    private final SearchCluster cluster;

    ElasticsearchHealth(SearchCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Mono<Health> health() {
        return cluster.health()
                .timeout(Duration.ofSeconds(3))
                .map(status -> Health.status("red".equals(status) ? DEGRADED : Status.UP)
                        .withDetail("status", status).withDetail("url", cluster.url()).build())
                .onErrorResume(e -> Mono.just(Health.status(DEGRADED).withDetail("url", cluster.url())
                        .withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
