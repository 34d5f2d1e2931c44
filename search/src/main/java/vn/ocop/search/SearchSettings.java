package vn.ocop.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Elasticsearch is ({@code OCOP_ELASTICSEARCH_URL}); on the embedded default the app's own node.
 *
 * @param url base URL of the cluster, e.g. http://127.0.0.1:9200
 */
@ConfigurationProperties("ocop.elasticsearch")
public record SearchSettings(String url) {
}
