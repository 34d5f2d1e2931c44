package vn.ocop.storefront.config;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * springdoc builds the OpenAPI document on a thread of its own after start-up, and a request for it meanwhile waits
 * on a lock until it is done (a second or more here): the one blocking wait in the app. Requests for the document are
 * therefore handled on the bounded elastic scheduler, never an event loop. Runs after the security filters.
 */
@Component
class ApiDocsOffTheEventLoop implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return 0; // after Spring Security's chain (-100), just before the handler
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/v3/api-docs")
                ? chain.filter(exchange).subscribeOn(Schedulers.boundedElastic())
                : chain.filter(exchange);
    }
}
