package vn.ocop.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The Elasticsearch cluster, reached through the async client only (nothing blocks an event loop). */
@Component
public class SearchCluster implements DisposableBean {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    private final ElasticsearchAsyncClient client;
    private final String url;

    SearchCluster(SearchSettings settings) {
        this.url = settings.url() == null || settings.url().isBlank() ? "http://127.0.0.1:9200" : settings.url();
        this.client = ElasticsearchAsyncClient.of(b -> b.host(url));
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

    public ElasticsearchAsyncClient client() {
        return client;
    }

    @Override
    public void destroy() throws Exception {
        client.close();
    }
}
