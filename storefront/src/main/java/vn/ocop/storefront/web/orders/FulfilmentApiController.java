package vn.ocop.storefront.web.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.orders.Orders;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.orders.OrderJson.OrderView;

/** Producers' part of orders and showroom staff's pickups. Another producer's fulfilment or another location's code is 404. */
@RestController
@Tag(name = "Fulfilment", description = "Producers confirm and ship their part of orders (PRODUCER); staff hand pickups over (STAFF)")
class FulfilmentApiController {

    private final Orders orders;
    private final CurrentAccount current;

    FulfilmentApiController(Orders orders, CurrentAccount current) {
        this.orders = orders;
        this.current = current;
    }

    @GetMapping("/api/v1/producer/orders")
    @Operation(summary = "Orders with your goods, newest first", description = "Each line says its fulfilment; act on your own fulfilments only.")
    Flux<OrderView> producerOrders() {
        return current.producer().flatMapMany(orders::ofProducer).map(OrderView::of);
    }

    @PostMapping("/api/v1/producer/fulfilments/{id}/confirm")
    @Operation(summary = "Confirm your part", description = "A delivery becomes CONFIRMED (to ship), a pickup READY_FOR_PICKUP.")
    Mono<OrderView> confirm(@PathVariable UUID id) {
        return current.producer().flatMap(p -> orders.confirm(p, id)).map(OrderView::of);
    }

    @PostMapping("/api/v1/producer/fulfilments/{id}/ship")
    @Operation(summary = "Ship your confirmed part of a delivery", description = "Its goods leave the location (FULFIL).")
    Mono<OrderView> ship(@PathVariable UUID id) {
        return current.producer().flatMap(p -> orders.ship(p, id)).map(OrderView::of);
    }

    @PostMapping("/api/v1/producer/fulfilments/{id}/delivered")
    @Operation(summary = "Mark your shipped part delivered")
    Mono<OrderView> delivered(@PathVariable UUID id) {
        return current.producer().flatMap(p -> orders.delivered(p, id)).map(OrderView::of);
    }

    @GetMapping("/api/v1/staff/pickups")
    @Operation(summary = "Orders waiting to be collected at your location", description = "Soonest deadline first.")
    Flux<OrderView> pickups() {
        return current.staffLocation().flatMapMany(orders::pickupsAt).map(OrderView::of);
    }

    @PostMapping("/api/v1/pickups/{code}/handover")
    @Operation(summary = "Hand an order over against its pickup code",
            description = "Records FULFIL at your location and completes the order; 404 for a code not waiting here, 409 when not collectable.")
    Mono<OrderView> handOver(@PathVariable String code) {
        return current.get().zipWith(current.staffLocation())
                .flatMap(t -> orders.handOver(t.getT2(), code, t.getT1().email()))
                .map(OrderView::of);
    }
}
