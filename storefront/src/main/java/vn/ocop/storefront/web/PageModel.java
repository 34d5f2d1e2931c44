package vn.ocop.storefront.web;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import java.util.Map;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.account.ReturnTo;

/**
 * What every page's layout needs: the viewer for the account menu, the CSRF token for its forms, the page to come
 * back to after signing in or registering ({@code returnTo}, carried by the header's links) and the bundle key of
 * the page's meta description (a page that describes itself, a product's, sets {@code metaDescription} instead).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "/", "web.meta.home", "/products", "web.meta.browse", "/search", "web.meta.search", "/live", "web.meta.live");

    private final CurrentAccount current;

    PageModel(CurrentAccount current) {
        this.current = current;
    }

    @ModelAttribute("viewer")
    Mono<Viewer> viewer() {
        // anonymous visitors cost no look-up; a signed-in account was read once for this request (EnabledAccountsOnly)
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication())
                .filter(a -> a.isAuthenticated() && !"anonymousUser".equals(a.getName()))
                .flatMap(a -> current.get())
                .map(Viewer::of)
                .defaultIfEmpty(Viewer.ANONYMOUS);
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    /** This page (a GET with its query), or on the sign-in and registration pages the page they were opened for. */
    @ModelAttribute("returnTo")
    Mono<String> returnTo(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (path.equals("/login") || path.equals("/register")) {
            return Mono.justOrEmpty(ReturnTo.local(request.getQueryParams().getFirst(ReturnTo.PARAMETER)));
        }
        String query = request.getURI().getRawQuery();
        String here = HttpMethod.GET.equals(request.getMethod()) && query != null ? path + "?" + query : path;
        // from the home page the links stay plain: signing in lands there anyway
        return here.equals("/") ? Mono.empty() : Mono.justOrEmpty(ReturnTo.local(here));
    }

    @ModelAttribute("metaDescriptionKey")
    String metaDescriptionKey(ServerWebExchange exchange) {
        return DESCRIPTIONS.getOrDefault(exchange.getRequest().getPath().pathWithinApplication().value(), "web.meta.default");
    }
}
