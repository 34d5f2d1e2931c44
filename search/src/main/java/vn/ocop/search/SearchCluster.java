package vn.ocop.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The Elasticsearch cluster as the application's health sees it: where it is and how it is. */
@Component
public class SearchCluster {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    private final ElasticsearchAsyncClient client;
    private final String url;

    SearchCluster(ElasticsearchAsyncClient client, SearchSettings settings) {
        this.client = client;
        this.url = settings.clusterUrl();
    }

    public String url() {
        return url;
    }

    /** The cluster's health status (green, yellow, red); an error when it cannot be reached. */
    public Mono<String> health() {
        return Mono.fromFuture(() -> client.cluster().health())
                .map(h -> h.status().jsonValue())
                .timeout(HEALTH_TIMEOUT);
    }
}
