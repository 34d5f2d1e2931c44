package vn.ocop.storefront.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matches requests that no controller, endpoint or router handles, so they can be let through to answer
 * 404 (a problem, or the error page) instead of asking to sign in for something that does not exist.
 * Everything that does have a route stays subject to the normal rules; a route that exists but not for
 * this method counts as existing.
 */
class NoRouteMatcher implements ServerWebExchangeMatcher {

    private final ObjectProvider<HandlerMapping> mappings;
    private volatile List<HandlerMapping> routes;

    NoRouteMatcher(ObjectProvider<HandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return Flux.fromIterable(routes())
                .concatMap(m -> m.getHandler(exchange).onErrorResume(e -> Mono.just(e)))
                .hasElements()
                .flatMap(routed -> routed ? MatchResult.notMatch() : MatchResult.match());
    }

    private List<HandlerMapping> routes() {
        if (routes == null) {
            routes = mappings.orderedStream()
                    .filter(m -> m instanceof RequestMappingInfoHandlerMapping || m instanceof RouterFunctionMapping)
                    .toList();
        }
        return routes;
    }
}
