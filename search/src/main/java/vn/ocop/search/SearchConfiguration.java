package vn.ocop.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.instrumentation.NoopInstrumentation;
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
     * Its HTTP runs on Reactor Netty, on the web server's own event loops ({@link ReactorNettyHttpClient}), with
     * answers uncompressed. The client's own OpenTelemetry spans are off: the app observes its requests with
     * Micrometer.
     */
    @Bean(destroyMethod = "close")
    ElasticsearchAsyncClient elasticsearchClient(SearchSettings settings) {
        // answers are decoded on an event loop: look up the JSON providers (a ServiceLoader scan of jar files) now, once
        JsonpUtils.provider();
        JsonpUtils.systemProvider();
        var http = new ReactorNettyHttpClient(URI.create(settings.clusterUrl()));
        return new ElasticsearchAsyncClient(new Transport(http, null, new JacksonJsonpMapper(), NoopInstrumentation.INSTANCE));
    }

    /** The client's request and answer handling (JSON, errors) over our HTTP. */
    static final class Transport extends ElasticsearchTransportBase {
        Transport(TransportHttpClient http, TransportOptions options, JsonpMapper mapper, Instrumentation instrumentation) {
            super(http, options, mapper, instrumentation);
        }

        @Override
        protected ElasticsearchTransportBase cloneWith(TransportOptions options, JsonpMapper mapper, Instrumentation instrumentation) {
            return new Transport(httpClient, options == null ? transportOptions : options, mapper == null ? this.mapper : mapper,
                    instrumentation == null ? this.instrumentation : instrumentation);
        }
    }
}
