package vn.ocop.storefront.security;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF protects what a browser sends on its own (cookies) from another site. Two kinds of API request cannot
 * be forged that way and need no token: one that carries its own credentials in an Authorization header
 * (HTTP Basic, a till's key), and one with a JSON body, which another site's page can only send after a
 * CORS preflight that this app never grants. Pages (everything outside /api/) always need the token, whatever
 * their body's type: a page route has no business with JSON. Forms, text/plain and body-less posts always do.
 */
class CsrfUnlessAuthorizationHeader implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        if (SAFE.contains(request.getMethod())) {
            return MatchResult.notMatch();
        }
        boolean api = request.getPath().pathWithinApplication().value().startsWith("/api/");
        boolean exempt = api && (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) || json(request.getHeaders()));
        return exempt ? MatchResult.notMatch() : MatchResult.match();
    }

    private static boolean json(HttpHeaders headers) {
        try {
            MediaType type = headers.getContentType();
            return type != null && "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false; // refused earlier by WellFormedHeaders; never a reason to skip the token
        }
    }
}
