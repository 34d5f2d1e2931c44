package vn.ocop.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cluster is reached through one async client (nothing blocks an event loop). */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /**
     * Injected where it is used (the index, the queries, the health check) and closed when the application stops.
     * Not named "elasticsearch": that name is the storefront's health indicator.
     */
    @Bean(destroyMethod = "close")
    ElasticsearchAsyncClient elasticsearchClient(SearchSettings settings) {
        return ElasticsearchAsyncClient.of(b -> b.host(settings.clusterUrl()));
    }
}
