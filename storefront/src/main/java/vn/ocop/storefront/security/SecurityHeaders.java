package vn.ocop.storefront.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Content-Security-Policy and Permissions-Policy on every answer. Pages run no inline script and load scripts,
 * styles and images only from the shop itself; third parties get in only where a page needs them: Stripe's hosts on
 * the order pages (the card form), the YouTube and Facebook players on live event pages. The browser features a shop
 * never uses (camera, microphone, location, USB) are off; payment is allowed to Stripe's frame.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    static final String BASE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String CARD_PAGES = "default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self' https://api.stripe.com; frame-src https://js.stripe.com https://hooks.stripe.com; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String LIVE_PAGES = BASE.replace("frame-src 'none'", "frame-src https://www.youtube-nocookie.com https://www.facebook.com");
    /** Swagger UI styles its page inline; it runs no inline script. */
    static final String API_DOCS = BASE.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=(), "
            + "browsing-topics=(), payment=(self \"https://js.stripe.com\")";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after WellFormedHeaders, so even refusals carry them
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (!headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", policyFor(path));
            }
            headers.set("Permissions-Policy", PERMISSIONS);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static String policyFor(String path) {
        if (path.startsWith("/orders/")) {
            return CARD_PAGES;
        }
        if (path.startsWith("/live/")) {
            return LIVE_PAGES;
        }
        if (path.startsWith("/swagger-ui")) {
            return API_DOCS;
        }
        return BASE;
    }
}
