package vn.ocop.storefront.web.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Carts;
import vn.ocop.orders.Checkout;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.Commune;
import vn.ocop.orders.Province;
import vn.ocop.storefront.web.orders.OrderJson.CartView;
import vn.ocop.storefront.web.orders.OrderJson.QuoteJson;

/** The cart of whoever is asking (a cookie while anonymous, merged at sign-in), and the address lists checkout uses. */
@RestController
@Tag(name = "Cart", description = "Your cart (anonymous by cookie) and Vietnam's provinces and communes for addresses")
class CartApiController {

    private final Carts carts;
    private final CartCookie cookie;
    private final Addresses addresses;
    private final Checkout checkout;

    CartApiController(Carts carts, CartCookie cookie, Addresses addresses, Checkout checkout) {
        this.carts = carts;
        this.cookie = cookie;
        this.addresses = addresses;
        this.checkout = checkout;
    }

    record AddLine(@NotNull UUID productId, @NotNull @Min(1) @Max(99) Integer quantity) {
    }

    record SetQuantity(@NotNull @Min(0) @Max(99) Integer quantity) {
    }

    @GetMapping("/api/v1/cart")
    @Operation(summary = "Your cart, priced now", description = "A line whose product is no longer on sale says so (sellable false) and blocks checkout.")
    Mono<CartView> cart(ServerWebExchange exchange) {
        return cookie.cart(exchange).flatMap(carts::view).map(CartView::of);
    }

    @PostMapping("/api/v1/cart/lines")
    @Operation(summary = "Add to your cart", description = "409 not-sellable or not-enough-stock when it cannot be ordered.")
    Mono<CartView> add(@Valid @RequestBody AddLine line, ServerWebExchange exchange) {
        return cookie.cart(exchange).flatMap(c -> carts.add(c, new ProductId(line.productId()), line.quantity())).map(CartView::of);
    }

    @PutMapping("/api/v1/cart/lines/{productId}")
    @Operation(summary = "Change a line's quantity", description = "0 removes the line.")
    Mono<CartView> set(@PathVariable UUID productId, @Valid @RequestBody SetQuantity body, ServerWebExchange exchange) {
        return cookie.cart(exchange).flatMap(c -> carts.set(c, new ProductId(productId), body.quantity())).map(CartView::of);
    }

    @GetMapping("/api/v1/cart/quote")
    @Operation(summary = "Shipping for your cart", description = "Send provinceCode (delivery) or pickupLocationId: the parcels the cart would make "
            + "(one per location and producer), each with its shipping fee and delivery window, and the totals. A pickup costs nothing to send. "
            + "Stock may change before you order.")
    Mono<QuoteJson> quote(@RequestParam(required = false) String provinceCode, @RequestParam(required = false) UUID pickupLocationId,
                          ServerWebExchange exchange) {
        return cookie.cart(exchange)
                .flatMap(c -> carts.basket(c, OrderJson.QuoteJsonRequest.destination(provinceCode, pickupLocationId)))
                .flatMap(b -> b.lines().isEmpty() ? Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "the cart is empty")) : checkout.quote(b))
                .map(QuoteJson::of);
    }

    @GetMapping("/api/v1/addresses/provinces")
    @Operation(summary = "The 34 provinces and centrally-run cities (since 2025-07-01), with official codes")
    List<Province> provinces() {
        return addresses.provinces();
    }

    @GetMapping("/api/v1/addresses/provinces/{code}/communes")
    @Operation(summary = "A province's communes, wards and special zones, with official codes")
    List<Commune> communes(@PathVariable String code) {
        return addresses.communes(code);
    }
}
