package vn.ocop.storefront.web.live;

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
import vn.ocop.orders.LiveSales;
import vn.ocop.orders.LiveStatus;
import vn.ocop.orders.OrdersException;
import vn.ocop.storefront.security.CurrentAccount;

/**
 * The viewers' pages: live and upcoming events, and an event's page (the embedded player, the pinned product
 * with its flash price, remaining count and countdown, buy now), kept up to date by its Server-Sent Events.
 */
@Controller
class LivePageController {

    private final LiveSales live;
    private final CurrentAccount current;

    LivePageController(LiveSales live, CurrentAccount current) {
        this.live = live;
        this.current = current;
    }

    record ClaimForm(Integer quantity) {
    }

    @GetMapping("/live")
    String listed(Model model) {
        model.addAttribute("events", live.listed(List.of(LiveStatus.LIVE, LiveStatus.SCHEDULED)).collectList());
        return "live/list";
    }

    @GetMapping("/live/{id}")
    Mono<String> event(@PathVariable UUID id, Model model) {
        return page(id, model, null);
    }

    /** Buy now: claims the units and sends the shopper to the cart, where they wait at the flash price. */
    @PostMapping("/live/{id}/offers/{offerId}/claim")
    Mono<String> claim(@PathVariable UUID id, @PathVariable UUID offerId, @ModelAttribute ClaimForm form, ServerWebExchange exchange, Model model) {
        int quantity = form.quantity() == null ? 1 : form.quantity();
        return current.get().flatMap(a -> live.claim(a.id(), id, offerId, quantity)
                .thenReturn("redirect:/cart?claimed")
                .onErrorResume(OrdersException.class, e -> {
                    exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                    return page(id, model, LivePages.problem(e));
                }));
    }

    private Mono<String> page(UUID id, Model model, LivePages problem) {
        model.addAttribute("problem", problem);
        return live.state(id).doOnNext(s -> {
            model.addAttribute("state", s);
        }).thenReturn("live/event");
    }
}
