package vn.ocop.storefront.security;

import java.net.URI;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.CookieServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Remembers the page an anonymous visitor asked for before being sent to sign in, in a cookie (Spring's
 * {@link CookieServerRequestCache}: HttpOnly, SameSite=Lax, relative paths only), so that even this needs no
 * session. Spring's cache forgets the page on the very next request, which is the sign-in page itself; this one
 * forgets it only when the visitor arrives there.
 */
final class SavedRequestCookie implements ServerRequestCache {

    private final CookieServerRequestCache cookie = new CookieServerRequestCache();

    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return cookie.saveRequest(exchange);
    }

    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return cookie.getRedirectUri(exchange);
    }

    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        return cookie.getRedirectUri(exchange)
                .filter(saved -> saved.toString().equals(pathAndQuery(exchange.getRequest())))
                .flatMap(saved -> cookie.removeMatchingRequest(exchange));
    }

    private static String pathAndQuery(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getPath().pathWithinApplication().value() + (query == null ? "" : "?" + query);
    }
}
