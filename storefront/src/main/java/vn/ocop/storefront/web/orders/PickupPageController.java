package vn.ocop.storefront.web.orders;

import jakarta.validation.Valid;
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
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.MoneyTaken;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.Pickups;
import vn.ocop.orders.TooManyAttempts;
import vn.ocop.storefront.security.CurrentAccount;

/**
 * Staff's pickups page: what waits at their location (recipient, items, deadline, the amount to take), the parts
 * the showroom makes ready for goods it holds on consignment, and the counter: the shopper reads out the code,
 * staff find the order, take the payment due and hand it over. The page never shows a pickup code.
 */
@Controller
class PickupPageController {

    private final Pickups pickups;
    private final Locations locations;
    private final CurrentAccount current;

    PickupPageController(Pickups pickups, Locations locations, CurrentAccount current) {
        this.pickups = pickups;
        this.locations = locations;
        this.current = current;
    }

    record CodeForm(String code) {
    }

    record HandoverForm(String code, MoneyTaken.Method method, Long amountVnd) {
    }

    @GetMapping("/staff/pickups")
    Mono<String> pickups(Model model) {
        return current.staffLocation().flatMap(l -> page(l, model, null, null));
    }

    @PostMapping("/staff/pickups/find")
    Mono<String> find(@Valid @ModelAttribute CodeForm form, ServerWebExchange exchange, Model model) {
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(java.util.Locale.ROOT);
        return current.staffLocation().flatMap(l -> pickups.find(l, code)
                .flatMap(found -> {
                    model.addAttribute("found", found);
                    model.addAttribute("code", code);
                    return page(l, model, null, null);
                })
                .onErrorResume(OrdersException.class, e -> refused(exchange, l, model, e, code)));
    }

    @PostMapping("/staff/fulfilments/{id}/ready")
    Mono<String> ready(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return current.get().zipWith(current.staffLocation()).flatMap(t -> pickups.markReady(t.getT2(), id, t.getT1().email())
                .map(task -> "redirect:/staff/pickups?ready=" + task.orderCode())
                .onErrorResume(OrdersException.class, e -> refused(exchange, t.getT2(), model, e, null)));
    }

    @PostMapping("/staff/pickups/handover")
    Mono<String> handOver(@Valid @ModelAttribute HandoverForm form, ServerWebExchange exchange, Model model) {
        return current.get().zipWith(current.staffLocation()).flatMap(t -> pickups.handOver(t.getT2(), form.code(), form.method(),
                        form.amountVnd() == null || form.amountVnd() < 0 ? null : new Vnd(form.amountVnd()), t.getT1().email())
                .map(task -> "redirect:/staff/pickups?handedOver=" + task.orderCode())
                .onErrorResume(OrdersException.class, e -> e.code() == OrdersErrorCode.NOT_FOUND || e instanceof TooManyAttempts
                        ? refused(exchange, t.getT2(), model, e, form.code())
                        // the order is there: show it again with what was wrong
                        : pickups.find(t.getT2(), form.code()).flatMap(found -> {
                            model.addAttribute("found", found);
                            model.addAttribute("code", form.code().strip().toUpperCase(java.util.Locale.ROOT));
                            model.addAttribute("amountTyped", form.amountVnd());
                            exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                            return page(t.getT2(), model, OrderPages.problem(e), null);
                        })));
    }

    private Mono<String> refused(ServerWebExchange exchange, LocationId location, Model model, OrdersException e, String code) {
        exchange.getResponse().setStatusCode(switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.CONFLICT;
        });
        if (e instanceof TooManyAttempts wait) {
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, wait.retryAfter().toSeconds())));
            model.addAttribute("waitMinutes", Math.max(1, (wait.retryAfter().toSeconds() + 59) / 60));
        }
        return page(location, model, OrderPages.problem(e), code);
    }

    private Mono<String> page(LocationId location, Model model, OrderPages.Problem problem, String typed) {
        model.addAttribute("problem", problem);
        model.addAttribute("typed", typed);
        model.addAttribute("location", locations.get(location));
        model.addAttribute("pickups", pickups.at(location).collectList());
        return Mono.just("orders/pickups");
    }
}
