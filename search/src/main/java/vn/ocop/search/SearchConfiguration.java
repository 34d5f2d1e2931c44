package vn.ocop.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.instrumentation.NoopInstrumentation;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cluster is reached through one async client (nothing blocks an event loop). */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /**
     * Injected where it is used (the index, the queries, the health check) and closed when the application stops.
     * Not named "elasticsearch": that name is the storefront's health indicator.
     * <p>
     * Answers come uncompressed: the HTTP client otherwise asks for gzip, and the node then spends CPU deflating every
     * answer that the app spends CPU inflating, on a link (loopback, or one data centre) where the bytes cost nothing.
     * Measured with {@code bench search}: inflating was the app's largest single native cost. The client's own
     * OpenTelemetry spans are off: the app observes its requests with Micrometer.
     */
    @Bean(destroyMethod = "close")
    ElasticsearchAsyncClient elasticsearchClient(SearchSettings settings) {
        Rest5Client http = Rest5Client.builder(URI.create(settings.clusterUrl()))
                .setHttpClientConfigCallback(client -> client.disableContentCompression())
                .build();
        return new ElasticsearchAsyncClient(new Rest5ClientTransport(http, new JacksonJsonpMapper(), null, NoopInstrumentation.INSTANCE));
    }
}
