package vn.ocop.storefront.web.orders;

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
import vn.ocop.catalog.Locations;
import vn.ocop.catalog.ProducerId;
import vn.ocop.orders.Order;
import vn.ocop.orders.Orders;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.storefront.security.CurrentAccount;

/**
 * Producers' orders page (their own part of each order: confirm, ship, delivered) and staff's pickups page
 * (orders waiting at their location, handed over against the shopper's code).
 */
@Controller
class FulfilmentPageController {

    private final Orders orders;
    private final Locations locations;
    private final CurrentAccount current;

    FulfilmentPageController(Orders orders, Locations locations, CurrentAccount current) {
        this.orders = orders;
        this.locations = locations;
        this.current = current;
    }

    record HandoverForm(String code) {
    }

    @GetMapping("/producer/orders")
    Mono<String> producerOrders(Model model) {
        return current.producer().flatMap(p -> producerPage(p, model, null));
    }

    @PostMapping("/producer/fulfilments/{id}/{action:confirm|ship|delivered}")
    Mono<String> step(@PathVariable UUID id, @PathVariable String action, ServerWebExchange exchange, Model model) {
        return current.producer().flatMap(p -> (switch (action) {
                    case "confirm" -> orders.confirm(p, id);
                    case "ship" -> orders.ship(p, id);
                    default -> orders.delivered(p, id);
                })
                .thenReturn("redirect:/producer/orders?done=" + action)
                .onErrorResume(OrdersException.class, e -> {
                    exchange.getResponse().setStatusCode(e.code() == OrdersErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
                    return producerPage(p, model, OrderPages.problem(e));
                }));
    }

    @GetMapping("/staff/pickups")
    Mono<String> pickups(Model model) {
        return current.staffLocation().flatMap(l -> pickupPage(l, model, null, null));
    }

    @PostMapping("/staff/pickups/handover")
    Mono<String> handOver(@ModelAttribute HandoverForm form, ServerWebExchange exchange, Model model) {
        return current.get().zipWith(current.staffLocation()).flatMap(t -> orders.handOver(t.getT2(), form.code(), t.getT1().email())
                .map(o -> "redirect:/staff/pickups?handedOver=" + o.code())
                .onErrorResume(OrdersException.class, e -> {
                    exchange.getResponse().setStatusCode(e.code() == OrdersErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
                    return pickupPage(t.getT2(), model, OrderPages.problem(e), form.code());
                }));
    }

    private Mono<String> producerPage(ProducerId producer, Model model, OrderPages.Problem problem) {
        model.addAttribute("problem", problem);
        model.addAttribute("parts", orders.ofProducer(producer)
                .concatMapIterable(o -> o.lines().stream().filter(l -> l.producer().equals(producer))
                        .collect(java.util.stream.Collectors.groupingBy(Order.Line::fulfilment, java.util.LinkedHashMap::new,
                                java.util.stream.Collectors.toList()))
                        .entrySet().stream()
                        .map(e -> new ProducerPart(o, e.getKey(), e.getValue().get(0).fulfilmentStatus().name(), e.getValue()))
                        .toList())
                .collectList());
        return Mono.just("orders/producer");
    }

    private Mono<String> pickupPage(LocationId location, Model model, OrderPages.Problem problem, String code) {
        model.addAttribute("problem", problem);
        model.addAttribute("code", code);
        model.addAttribute("location", locations.get(location));
        model.addAttribute("pickups", orders.pickupsAt(location).collectList());
        return Mono.just("orders/pickups");
    }
}
