package vn.ocop.storefront.web.orders;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Carts;
import vn.ocop.orders.Checkout;
import vn.ocop.orders.Destination;
import vn.ocop.orders.OrdersException;
import vn.ocop.storefront.web.media.Pictures;

/**
 * The cart page, anonymous or signed in: add from a product page or a search result, change quantities, see
 * every line priced now and which can no longer be ordered. A refused change is said on the page and changes nothing.
 */
@Controller
class CartPageController {

    private final Carts carts;
    private final CartCookie cookie;
    private final Checkout checkout;
    private final Addresses addresses;
    private final Pictures pictures;

    CartPageController(Carts carts, CartCookie cookie, Checkout checkout, Addresses addresses, Pictures pictures) {
        this.carts = carts;
        this.cookie = cookie;
        this.checkout = checkout;
        this.addresses = addresses;
        this.pictures = pictures;
    }

    record LineForm(@NotNull UUID productId, @Min(0) @Max(Carts.MAX_QUANTITY) Integer quantity) {
        int quantityOr(int fallback) {
            return quantity == null ? fallback : quantity;
        }
    }

    @GetMapping("/cart")
    Mono<String> cart(@RequestParam(required = false) String shipTo, ServerWebExchange exchange, Model model) {
        model.addAttribute("shipTo", shipTo);
        return page(exchange, model, null).flatMap(view -> shipping(shipTo, exchange, model).thenReturn(view));
    }

    /** The shipping estimate to a province, as the cart page shows it (htmx swaps it in when the province changes). */
    @GetMapping("/cart/shipping")
    Mono<String> estimate(@RequestParam(required = false) String shipTo, ServerWebExchange exchange, Model model) {
        return shipping(shipTo, exchange, model).thenReturn("orders/quote :: quote");
    }

    private Mono<Void> shipping(String shipTo, ServerWebExchange exchange, Model model) {
        model.addAttribute("provinces", addresses.provinces());
        model.addAttribute("quote", null);
        model.addAttribute("quoteProblem", null);
        if (shipTo == null || addresses.province(shipTo).isEmpty()) {
            return Mono.empty();
        }
        return cookie.cart(exchange)
                .flatMap(c -> carts.basket(c, Destination.delivery(shipTo, null, null)))
                .filter(b -> !b.lines().isEmpty())
                .flatMap(checkout::quote)
                .doOnNext(q -> model.addAttribute("quote", q))
                .onErrorResume(OrdersException.class, e -> {
                    model.addAttribute("quoteProblem", OrderPages.problem(e));
                    return Mono.empty();
                })
                .then();
    }

    @PostMapping("/cart/add")
    Mono<String> add(@ModelAttribute LineForm form, ServerWebExchange exchange, Model model) {
        if (form.productId() == null || form.quantityOr(1) < 1 || form.quantityOr(1) > Carts.MAX_QUANTITY) {
            return refused(exchange, model, new OrderPages.Problem("cart.error.quantity"));
        }
        return cookie.cart(exchange)
                .flatMap(c -> carts.add(c, new ProductId(form.productId()), form.quantityOr(1)))
                .thenReturn("redirect:/cart?added")
                .onErrorResume(OrdersException.class, e -> refused(exchange, model, OrderPages.problem(e)));
    }

    @PostMapping("/cart/lines/{productId}")
    Mono<String> set(@PathVariable UUID productId, @ModelAttribute LineForm form, ServerWebExchange exchange, Model model) {
        if (form.quantity() == null || form.quantity() < 0 || form.quantity() > Carts.MAX_QUANTITY) {
            return refused(exchange, model, new OrderPages.Problem("cart.error.quantity"));
        }
        return cookie.cart(exchange)
                .flatMap(c -> carts.set(c, new ProductId(productId), form.quantity()))
                .thenReturn("redirect:/cart?updated")
                .onErrorResume(OrdersException.class, e -> refused(exchange, model, OrderPages.problem(e)));
    }

    private Mono<String> refused(ServerWebExchange exchange, Model model, OrderPages.Problem problem) {
        exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
        return page(exchange, model, problem);
    }

    private Mono<String> page(ServerWebExchange exchange, Model model, OrderPages.Problem problem) {
        model.addAttribute("problem", problem);
        model.addAttribute("provinces", addresses.provinces());
        return cookie.cart(exchange).flatMap(carts::view).doOnNext(c -> {
            model.addAttribute("cart", c);
            model.addAttribute("pictures", pictures.of(c.lines().stream().map(l -> l.product().value()).toList()));
        }).thenReturn("orders/cart");
    }
}
