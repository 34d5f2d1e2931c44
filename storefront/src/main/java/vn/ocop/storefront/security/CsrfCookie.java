package vn.ocop.storefront.security;

import java.util.UUID;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keeps the CSRF token in a cookie instead of the session, so that showing a page with a form stores nothing on
 * the server (the session repository used to start a session for every anonymous page view). Each form carries
 * the token masked afresh ({@code _csrf}, or the {@code X-CSRF-TOKEN} header); a write is accepted when it
 * unmasks to the cookie's value. Another site can neither read the cookie (HttpOnly, and its pages cannot read
 * ours) nor make the browser send it (SameSite=Lax); it is Secure when the request came over TLS, also behind a
 * proxy that says so in {@code X-Forwarded-Proto}. Sign-out clears it.
 */
final class CsrfCookie implements ServerCsrfTokenRepository {

    static final String NAME = "XSRF-TOKEN";
    static final String PARAMETER = "_csrf";
    static final String HEADER = "X-CSRF-TOKEN";

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString()));
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return Mono.fromRunnable(() -> exchange.getResponse().addCookie(
                ResponseCookie.from(NAME, token == null ? "" : token.getToken())
                        .path("/")
                        .maxAge(token == null ? 0 : -1) // a browser-session cookie; 0 deletes it
                        .httpOnly(true)
                        .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme()))
                        .sameSite("Lax")
                        .build()));
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
        return cookie == null || cookie.getValue().isBlank()
                ? Mono.empty()
                : Mono.just(new DefaultCsrfToken(HEADER, PARAMETER, cookie.getValue()));
    }
}
