package vn.ocop.search;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The indexer runs as a scheduled reactive task. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SearchConfiguration {
}
