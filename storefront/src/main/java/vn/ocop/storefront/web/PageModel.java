package vn.ocop.storefront.web;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every page's layout needs: the viewer for the account menu and the CSRF token for its forms. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

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
}
