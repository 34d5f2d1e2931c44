package vn.ocop.storefront.web.orders;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.CancelReason;
import vn.ocop.orders.Complaints;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.Orders;
import vn.ocop.orders.Recalls;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.Payments;
import vn.ocop.orders.Reviews;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.Confirmation;
import vn.ocop.storefront.web.media.Pictures;

/**
 * A shopper's orders: the list, and one order's page, which is also the confirmation after checkout (its code,
 * the pickup code and deadline, where it goes), where an unpaid card order is paid with Stripe.js (or, when Stripe
 * would not start the payment, asked again), where its card refunds and a dispute's hold show, and where an order
 * is cancelled before it ships. Someone else's order is a 404.
 */
@Controller
class OrderPageController {

    private final Orders orders;
    private final Payments payments;
    private final Locations locations;
    private final Addresses addresses;
    private final CurrentAccount current;
    private final Complaints complaints;
    private final Pictures pictures;
    private final Reviews reviews;
    private final Recalls recalls;

    OrderPageController(Orders orders, Payments payments, Locations locations, Addresses addresses, CurrentAccount current, Complaints complaints,
                        Pictures pictures, Reviews reviews, Recalls recalls) {
        this.recalls = recalls;
        this.complaints = complaints;
        this.pictures = pictures;
        this.reviews = reviews;
        this.orders = orders;
        this.payments = payments;
        this.locations = locations;
        this.addresses = addresses;
        this.current = current;
    }

    @GetMapping("/orders")
    Mono<String> mine(Model model) {
        model.addAttribute("orders", current.get().flatMapMany(a -> orders.mine(a.id())).collectList());
        return Mono.just("orders/list");
    }

    @GetMapping("/orders/{id}")
    Mono<String> one(@PathVariable UUID id, Model model) {
        return current.get().flatMap(a -> orders.mine(a.id(), new OrderId(id))).flatMap(o -> page(o, model, null));
    }

    /** The page's cancel form: a reason the shopper chose and the "Tôi xác nhận" box, both required. */
    record CancelForm(CancelReason reason, Boolean confirmed) {
    }

    /** "Try again": asks Stripe again for the card payment Stripe would not start; the page then shows the card form or why not. */
    @PostMapping("/orders/{id}/card-payment")
    Mono<String> startCardPayment(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return current.get().flatMap(a -> orders.mine(a.id(), new OrderId(id)).flatMap(o -> payments.retryIntent(o)
                .thenReturn("redirect:/orders/" + id)
                .onErrorResume(OrdersException.class, e -> {
                    exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                    return page(o, model, OrderPages.problem(e));
                })));
    }

    @PostMapping("/orders/{id}/cancel")
    Mono<String> cancel(@PathVariable UUID id, @ModelAttribute CancelForm form, ServerWebExchange exchange, Model model) {
        OrderPages.Problem unconfirmed = form.reason() == null || !form.reason().shoppers() ? new OrderPages.Problem("pages.cancel.reason-required")
                : !Confirmation.given(form.confirmed()) ? new OrderPages.Problem(Confirmation.REQUIRED) : null;
        if (unconfirmed != null) {
            return current.get().flatMap(a -> orders.mine(a.id(), new OrderId(id))).flatMap(o -> {
                Confirmation.refuse(exchange);
                return page(o, model, unconfirmed);
            });
        }
        return current.get().flatMap(a -> orders.cancel(a.id(), new OrderId(id), form.reason())
                .thenReturn("redirect:/orders/" + id + "?cancelled")
                .onErrorResume(OrdersException.class, e -> e.code() == OrdersErrorCode.NOT_FOUND ? Mono.error(e)
                        : orders.mine(a.id(), new OrderId(id)).flatMap(o -> {
                            exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                            return page(o, model, OrderPages.problem(e));
                        })));
    }

    private Mono<String> page(Order order, Model model, OrderPages.Problem problem) {
        model.addAttribute("order", order);
        model.addAttribute("pictures", pictures.of(order.lines().stream().map(l -> l.product().value()).toList()));
        model.addAttribute("problem", problem);
        model.addAttribute("cancellable", order.status().cancellable());
        model.addAttribute("reasons", java.util.Arrays.stream(CancelReason.values()).filter(CancelReason::shoppers).toList());
        model.addAttribute("parcels", order.fulfilments().size());
        java.util.Map<UUID, Integer> parcelNo = new java.util.HashMap<>();
        order.fulfilments().forEach(f -> parcelNo.put(f.id(), parcelNo.size() + 1));
        model.addAttribute("parcelNo", parcelNo);
        model.addAttribute("from", reactor.core.publisher.Flux.fromIterable(order.fulfilments()).map(f -> f.location()).distinct()
                .concatMap(locations::get).collectMap(l -> l.id()));
        // the code is read out at the counter: once collected or cancelled there is nothing left to read out
        model.addAttribute("showCode", order.pickupCode() != null && !order.status().finished());
        var d = order.destination();
        if (d.isPickup()) {
            model.addAttribute("pickupAt", locations.get(d.pickupAt()));
        } else {
            model.addAttribute("province", addresses.province(d.provinceCode()).map(p -> p.name()).orElse(d.provinceCode()));
            model.addAttribute("commune", addresses.commune(d.provinceCode(), d.communeCode()).map(c -> c.name()).orElse(d.communeCode()));
        }
        boolean payable = order.status() == OrderStatus.PENDING_PAYMENT && payments.cardsOffered();
        model.addAttribute("publishableKey", payable ? payments.publishableKey() : null);
        model.addAttribute("clientSecret", null);
        model.addAttribute("cardStartFailed", false);
        model.addAttribute("refunds", List.of());
        // the "Khiếu nại" button on lines a complaint may be opened on now, and a link to those that have one
        model.addAttribute("complainable", complaints.eligibleLines(order));
        model.addAttribute("complaintByLine", complaints.ofOrder(order.account(), order.id()).collectMap(c -> c.line(), c -> c.id().value()));
        // the "Đánh giá" form on completed lines without a review, and the shopper's reviews (hidden ones with why)
        model.addAttribute("reviewable", reviews.reviewableLines(order));
        model.addAttribute("reviewByLine", reviews.ofOrder(order.account(), order.id()).collectMap(r -> r.line()));
        // lots this order received or had set aside that were recalled, and what that did to it
        model.addAttribute("recalls", recalls.on(order.id()).collectList());
        if (order.payment() != PaymentMethod.CARD) {
            return Mono.just("orders/order");
        }
        return payments.payment(order.id())
                .doOnNext(p -> {
                    model.addAttribute("clientSecret", payable ? p.clientSecret() : null);
                    model.addAttribute("cardStartFailed", order.status() == OrderStatus.PENDING_PAYMENT && p.startFailed());
                })
                .then(payments.refunds(order.id()).collectList())
                .doOnNext(refunds -> model.addAttribute("refunds", refunds))
                .thenReturn("orders/order");
    }
}
