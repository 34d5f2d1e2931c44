package vn.ocop.storefront.web.stock;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.stock.IssuedTillKey;

/**
 * A new till key's secret, carried from the POST that made it to the page after the redirect (Post/Redirect/Get):
 * in the session, never in a URL, and removed as the page reads it, so a refresh neither shows it again nor makes a
 * second key.
 */
final class IssuedOnce {

    private static final String LABEL = "tillKey.issued.label";
    private static final String SECRET = "tillKey.issued.secret";

    private IssuedOnce() {
    }

    /** What the till-keys fragment shows: the key's label and its secret. */
    record Shown(String label, String secret) {
    }

    static Mono<Void> keep(ServerWebExchange exchange, IssuedTillKey issued) {
        return exchange.getSession().doOnNext(s -> {
            s.getAttributes().put(LABEL, issued.key().label());
            s.getAttributes().put(SECRET, issued.secret());
        }).then();
    }

    /** The secret kept for this page, if any, taken out of the session. */
    static Mono<Shown> take(ServerWebExchange exchange) {
        return exchange.getSession().mapNotNull(s -> {
            Object label = s.getAttributes().remove(LABEL);
            Object secret = s.getAttributes().remove(SECRET);
            return secret == null ? null : new Shown(String.valueOf(label), secret.toString());
        });
    }
}
