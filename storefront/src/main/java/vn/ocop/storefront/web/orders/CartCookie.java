package vn.ocop.storefront.web.orders;

import java.time.Duration;
import java.util.UUID;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.orders.CartId;
import vn.ocop.orders.Carts;
import vn.ocop.storefront.security.CurrentAccount;

/**
 * Finds the cart of whoever is asking: a signed-in shopper's own cart (into which a cookie's anonymous cart is
 * merged the first time it is seen), else the anonymous cart named by the {@code cart} cookie, made and set on first use.
 */
@Component
class CartCookie {

    static final String NAME = "cart";

    private final Carts carts;
    private final CurrentAccount current;

    CartCookie(Carts carts, CurrentAccount current) {
        this.carts = carts;
        this.current = current;
    }

    Mono<CartId> cart(ServerWebExchange exchange) {
        UUID cookie = cookie(exchange);
        return current.get()
                .flatMap(account -> carts.merge(cookie, account.id()).doOnNext(merged -> forget(exchange, cookie)))
                .switchIfEmpty(Mono.defer(() -> carts.anonymous(cookie).doOnNext(id -> remember(exchange, id, cookie))));
    }

    private static UUID cookie(ServerWebExchange exchange) {
        var c = exchange.getRequest().getCookies().getFirst(NAME);
        try {
            return c == null ? null : UUID.fromString(c.getValue());
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private static void remember(ServerWebExchange exchange, CartId id, UUID had) {
        if (!id.value().equals(had)) {
            exchange.getResponse().addCookie(ResponseCookie.from(NAME, id.value().toString()).path("/").httpOnly(true)
                    .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) // behind TLS, forwarded or not
                    .sameSite("Lax").maxAge(Duration.ofDays(30)).build());
        }
    }

    private static void forget(ServerWebExchange exchange, UUID had) {
        if (had != null) {
            exchange.getResponse().addCookie(ResponseCookie.from(NAME, "").path("/").maxAge(0).build());
        }
    }
}
