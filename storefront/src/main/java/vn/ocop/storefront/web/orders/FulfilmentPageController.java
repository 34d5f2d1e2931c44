package vn.ocop.storefront.web.orders;

import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Fulfilments;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.ProducerFulfilment;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.QrCodes;

/**
 * The producer's orders page: each of its parcels (own lines, ship-from location, address and recipient, the
 * amount to collect) with the next step (confirm, ship, delivered with the cash collected), and each parcel's
 * printable packing slip with its address label and a QR code of the order code.
 */
@Controller
class FulfilmentPageController {

    private final Fulfilments fulfilments;
    private final CurrentAccount current;

    FulfilmentPageController(Fulfilments fulfilments, CurrentAccount current) {
        this.fulfilments = fulfilments;
        this.current = current;
    }

    /** The delivered form: for cash on delivery, what the courier collected. */
    record DeliveredForm(Long collectedVnd) {
    }

    @GetMapping("/producer/orders")
    Mono<String> parcels(@RequestParam(defaultValue = "todo") String show, Model model) {
        return current.producer().flatMap(p -> page(p, show, model, null, null));
    }

    @PostMapping("/producer/fulfilments/{id}/{action:confirm|ship|delivered}")
    Mono<String> step(@PathVariable UUID id, @PathVariable String action, @ModelAttribute DeliveredForm form, ServerWebExchange exchange, Model model) {
        return current.get().zipWith(current.producer()).flatMap(t -> {
            ProducerId p = t.getT2();
            String by = t.getT1().email();
            Mono<ProducerFulfilment> moved = switch (action) {
                case "confirm" -> fulfilments.confirm(p, id, by);
                case "ship" -> fulfilments.ship(p, id, by);
                default -> fulfilments.delivered(p, id, form.collectedVnd() == null || form.collectedVnd() < 0 ? null : new Vnd(form.collectedVnd()), by);
            };
            return moved.thenReturn("redirect:/producer/orders?done=" + action + "#f-" + id)
                    .onErrorResume(OrdersException.class, e -> {
                        exchange.getResponse().setStatusCode(e.code() == OrdersErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
                        return page(p, "all", model, OrderPages.problem(e), id);
                    });
        });
    }

    @GetMapping("/producer/fulfilments/{id}/slip")
    Mono<String> slip(@PathVariable UUID id, Model model) {
        return current.producer().flatMap(p -> fulfilments.of(p, id)).doOnNext(f -> model.addAttribute("f", f)).thenReturn("orders/slip");
    }

    /** The order code as a QR code, for the slip: whoever scans the parcel finds its order. */
    @GetMapping(path = "/producer/fulfilments/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    Mono<ResponseEntity<byte[]>> qr(@PathVariable UUID id) {
        return current.producer().flatMap(p -> fulfilments.of(p, id))
                .flatMap(f -> QrCodes.png(f.orderCode()))
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate()).body(png));
    }

    private Mono<String> page(ProducerId producer, String show, Model model, OrderPages.Problem problem, UUID failed) {
        boolean all = "all".equals(show);
        model.addAttribute("problem", problem);
        model.addAttribute("failed", failed);
        model.addAttribute("show", all ? "all" : "todo");
        model.addAttribute("parcels", fulfilments.ofProducer(producer)
                .filter(f -> all || f.canConfirm() || f.canShip() || f.canDeliver())
                .collectList());
        return Mono.just("orders/producer");
    }
}
