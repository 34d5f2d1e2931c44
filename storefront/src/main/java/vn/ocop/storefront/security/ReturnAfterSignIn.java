package vn.ocop.storefront.security;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.ReturnTo;

/**
 * After signing in: back to the page the sign-in form says the shopper came from ({@link ReturnTo}, the header's
 * link carries it), else to the page an anonymous visitor was stopped at ({@link SavedRequestCookie}), else home.
 */
final class ReturnAfterSignIn implements ServerAuthenticationSuccessHandler {

    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    private final RedirectServerAuthenticationSuccessHandler savedOrHome = new RedirectServerAuthenticationSuccessHandler("/");

    ReturnAfterSignIn(ServerRequestCache savedRequests) {
        savedOrHome.setRequestCache(savedRequests);
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return ReturnTo.fromForm(exchange.getExchange())
                .map(target -> redirect.sendRedirect(exchange.getExchange(), URI.create(target)))
                .defaultIfEmpty(Mono.defer(() -> savedOrHome.onAuthenticationSuccess(exchange, authentication)))
                .flatMap(sending -> sending);
    }
}
