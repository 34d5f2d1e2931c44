package vn.ocop.storefront.web.orders;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.stock.PickupPoint;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Cart;
import vn.ocop.orders.Carts;
import vn.ocop.orders.Checkout;
import vn.ocop.orders.Destination;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.Payments;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.media.Pictures;

/**
 * The checkout page (signed in): delivery or pickup first, then who receives the order, a delivery address chosen
 * from the 34 provinces and their communes or a pickup outlet that has every line in stock, and how it is paid. Only
 * the chosen mode's fields and payments are shown: {@code /checkout?mode=PICKUP} draws the pickup, the form's "change"
 * button switches without script (checkout.js switches at once with it). A delivery starts from the recipient and
 * address of the shopper's last delivery ({@code ?address=new}: a blank address). Placing goes through the same
 * {@link Checkout} as the API, with the form's key as Idempotency-Key; the ordered lines then leave the cart.
 */
@Controller
class CheckoutPageController {

    private final Checkout checkout;
    private final Carts carts;
    private final CartCookie cookie;
    private final Addresses addresses;
    private final StockReports stock;
    private final Catalog catalog;
    private final Payments payments;
    private final CurrentAccount current;
    private final Pictures pictures;

    CheckoutPageController(Checkout checkout, Carts carts, CartCookie cookie, Addresses addresses, StockReports stock, Catalog catalog,
                           Payments payments, CurrentAccount current, Pictures pictures) {
        this.pictures = pictures;
        this.checkout = checkout;
        this.carts = carts;
        this.cookie = cookie;
        this.addresses = addresses;
        this.stock = stock;
        this.catalog = catalog;
        this.payments = payments;
        this.current = current;
    }

    @GetMapping("/checkout")
    Mono<String> form(@RequestParam(required = false) String mode, @RequestParam(required = false) String address,
                      ServerWebExchange exchange, Model model) {
        return current.get().flatMap(account -> cart(exchange).flatMap(cart -> !cart.checkoutReady() ? Mono.just("redirect:/cart")
                : lastDelivery(account, "new".equals(address)).flatMap(last -> {
                    model.addAttribute("prefilled", last.isPresent());
                    return page(cart, CheckoutForm.start(account, last, CheckoutForm.Mode.of(mode)), model, null);
                })));
    }

    private Mono<Optional<Order>> lastDelivery(Account account, boolean newAddress) {
        return newAddress ? Mono.just(Optional.empty())
                : checkout.lastDelivery(account.id()).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** The communes of the chosen province, as the options of the commune list (htmx swaps them in). */
    @GetMapping("/checkout/communes")
    String communes(@RequestParam(required = false) String provinceCode, Model model) {
        model.addAttribute("communes", provinceCode == null ? List.of() : addresses.communes(provinceCode));
        model.addAttribute("selected", null);
        return "orders/checkout :: communes";
    }

    /** The parcels, shipping fees and delivery windows for the form as it stands (htmx swaps them in as the shopper chooses). */
    @GetMapping("/checkout/quote")
    Mono<String> quote(@Valid @ModelAttribute("checkoutForm") CheckoutForm form, ServerWebExchange exchange, Model model) {
        return cart(exchange).flatMap(cart -> quoted(cart, form, model)).thenReturn("orders/quote :: quote");
    }

    @PostMapping("/checkout")
    Mono<String> place(@Valid @ModelAttribute("checkoutForm") CheckoutForm form, BindingResult errors, ServerWebExchange exchange, Model model) {
        return current.get().flatMap(account -> alreadyPlaced(account, form)
                .switchIfEmpty(Mono.defer(() -> cart(exchange).flatMap(cart -> place(account, cart, form, errors, exchange, model)))));
    }

    private Mono<String> place(Account account, Cart cart, CheckoutForm form, BindingResult errors, ServerWebExchange exchange, Model model) {
        if (!cart.checkoutReady()) {
            return Mono.just("redirect:/cart");
        }
        if (form.changingMode()) { // the switch of mode without script: the same form in the other mode, nothing placed
            return page(cart, form.inItsMode(), model, null);
        }
        if (!form.check(errors, addresses, payments.cardsOffered())) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return page(cart, form, model, null);
        }
        return Mono.fromCallable(() -> form.request(account.id(), cart))
                .flatMap(checkout::place)
                .flatMap(placed -> carts.removeOrdered(cart.id(), CheckoutForm.products(cart))
                        .thenReturn("redirect:/orders/" + placed.order().id().value() + "?placed"))
                .onErrorResume(OrdersException.class, e -> {
                    exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                    return page(cart, form, model, OrderPages.problem(e));
                });
    }

    private Mono<String> alreadyPlaced(Account account, CheckoutForm form) {
        return form.key() == null || form.key().isBlank() ? Mono.empty()
                : checkout.placedWith(account.id(), form.key()).map(o -> "redirect:/orders/" + o.id().value());
    }

    private Mono<Cart> cart(ServerWebExchange exchange) {
        return cookie.cart(exchange).flatMap(carts::view);
    }

    private Mono<String> page(Cart cart, CheckoutForm form, Model model, OrderPages.Problem problem) {
        model.addAttribute("cart", cart);
        model.addAttribute("pictures", pictures.of(cart.lines().stream().map(l -> l.product().value()).toList()));
        model.addAttribute("checkoutForm", form);
        model.addAttribute("problem", problem);
        model.addAttribute("provinces", addresses.provinces());
        model.addAttribute("communes", form.provinceCode() == null ? List.of() : addresses.communes(form.provinceCode()));
        model.addAttribute("selected", form.communeCode());
        model.addAttribute("cardsOffered", payments.cardsOffered());
        model.addAttribute("cardLimits", payments.cardLimits());
        return pickupOutlets(cart).collectList().doOnNext(outlets -> model.addAttribute("outlets", outlets))
                .then(quoted(cart, form, model))
                .thenReturn("orders/checkout");
    }

    /** Puts the quote for the form's destination in the model, or what stands in its way; nothing when no destination is chosen yet. */
    private Mono<Void> quoted(Cart cart, CheckoutForm form, Model model) {
        Destination destination = form.quoteDestination();
        model.addAttribute("quote", null);
        model.addAttribute("quoteProblem", null);
        if (destination == null || cart.lines().isEmpty()) {
            return Mono.empty();
        }
        return carts.basket(cart.id(), destination)
                .flatMap(checkout::quote)
                .doOnNext(q -> model.addAttribute("quote", q))
                .onErrorResume(OrdersException.class, e -> {
                    model.addAttribute("quoteProblem", OrderPages.problem(e));
                    return Mono.empty();
                })
                .then();
    }

    /** The outlets where every line of the cart can be collected: each has at least the quantity of each line available. */
    private Flux<Location> pickupOutlets(Cart cart) {
        return Flux.fromIterable(cart.lines())
                .concatMap(line -> stock.pickupPoints(line.product(), catalog.today())
                        .filter(p -> p.available() >= line.quantity())
                        .map(PickupPoint::location)
                        .collectMap(l -> l.id()))
                .reduce((a, b) -> a.entrySet().stream().filter(e -> b.containsKey(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .flatMapMany(common -> Flux.fromIterable(common.values()))
                .sort(java.util.Comparator.comparing(Location::name));
    }
}
