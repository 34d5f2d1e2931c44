package vn.ocop.storefront.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.search.SearchCluster;

/** The "elasticsearch" component of /actuator/health: UP while the cluster is green or yellow. */
@Component("elasticsearch")
class ElasticsearchHealth implements ReactiveHealthIndicator {

    private final SearchCluster cluster;

    ElasticsearchHealth(SearchCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Mono<Health> health() {
        return cluster.health()
                .map(status -> ("red".equals(status) ? Health.down() : Health.up())
                        .withDetail("status", status).withDetail("url", cluster.url()).build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("url", cluster.url())
                        .withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
