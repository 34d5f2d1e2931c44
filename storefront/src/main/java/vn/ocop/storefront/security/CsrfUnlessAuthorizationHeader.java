package vn.ocop.storefront.security;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF protects what a browser sends on its own (cookies) from another site. Two kinds of request cannot
 * be forged that way and need no token: one that carries its own credentials in an Authorization header
 * (HTTP Basic, a till's key), and one with a JSON body, which another site's page can only send after a
 * CORS preflight that this app never grants. Forms, text/plain and body-less posts always need the token.
 */
class CsrfUnlessAuthorizationHeader implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        boolean json = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
        boolean needsToken = !SAFE.contains(request.getMethod())
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && !json;
        return needsToken ? MatchResult.match() : MatchResult.notMatch();
    }
}
