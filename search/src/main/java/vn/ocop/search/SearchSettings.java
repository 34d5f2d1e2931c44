package vn.ocop.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Elasticsearch is ({@code OCOP_ELASTICSEARCH_URL}); on the embedded default the app's own node.
 *
 * @param url   base URL of the cluster, e.g. http://127.0.0.1:9200
 * @param index name of the alias that queries and writes use (versioned indices are named after it)
 */
@ConfigurationProperties("ocop.elasticsearch")
public record SearchSettings(String url, @DefaultValue("products") String index) {

    private static final String LOCAL = "http://127.0.0.1:9200";

    /** The URL to connect to: {@link #url()}, or a local node when none is set. */
    public String clusterUrl() {
        return url == null || url.isBlank() ? LOCAL : url;
    }
}
