package vn.ocop.storefront.web;

import java.util.Map;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's layout needs: the viewer for the account menu, the CSRF token for its forms and the bundle key of
 * the page's meta description (a page that describes itself, a product's, sets {@code metaDescription} instead).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "/", "web.meta.home", "/products", "web.meta.browse", "/search", "web.meta.search", "/live", "web.meta.live");

    @ModelAttribute("viewer")
    Mono<Viewer> viewer() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication())
                .filter(a -> a.isAuthenticated() && !"anonymousUser".equals(a.getName()))
                .map(a -> new Viewer(true, a.getName(), a.getAuthorities().stream()
                        .map(g -> g.getAuthority().replace("ROLE_", "")).findFirst().orElse("")))
                .defaultIfEmpty(Viewer.ANONYMOUS);
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    @ModelAttribute("metaDescriptionKey")
    String metaDescriptionKey(ServerWebExchange exchange) {
        return DESCRIPTIONS.getOrDefault(exchange.getRequest().getPath().pathWithinApplication().value(), "web.meta.default");
    }
}
