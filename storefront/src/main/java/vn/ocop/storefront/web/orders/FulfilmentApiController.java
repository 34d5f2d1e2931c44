package vn.ocop.storefront.web.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Fulfilments;
import vn.ocop.storefront.security.CurrentAccount;

/** Producers' parcels of orders, as {@link ProducerFulfilmentJson}: another producer's parcel is 404, a wrong state 409. */
@RestController
@Tag(name = "Fulfilment", description = "Producers confirm, ship and deliver their parcels of orders (PRODUCER)")
class FulfilmentApiController {

    private final Fulfilments fulfilments;
    private final CurrentAccount current;

    FulfilmentApiController(Fulfilments fulfilments, CurrentAccount current) {
        this.fulfilments = fulfilments;
        this.current = current;
    }

    /** For cash on delivery: what the courier collected, exactly the parcel's {@code amountToCollectVnd}. */
    record DeliveredJson(@Min(0) @Max(100_000_000_000L) Long collectedVnd) {
    }

    @GetMapping("/api/v1/producer/orders")
    @Operation(summary = "Your parcels of orders, newest first",
            description = "Each is your part of one order: your lines, the location it ships from, for a delivery the recipient and the whole address, "
                    + "the payment and the amount to collect on delivery (your lines and your shipping fee). Never another producer's lines or the pickup code.")
    Flux<ProducerFulfilmentJson> parcels() {
        return current.producer().flatMapMany(fulfilments::ofProducer).map(ProducerFulfilmentJson::of);
    }

    @GetMapping("/api/v1/producer/fulfilments/{id}")
    @Operation(summary = "One of your parcels")
    Mono<ProducerFulfilmentJson> one(@PathVariable UUID id) {
        return current.producer().flatMap(p -> fulfilments.of(p, id)).map(ProducerFulfilmentJson::of);
    }

    @PostMapping("/api/v1/producer/fulfilments/{id}/confirm")
    @Operation(summary = "Confirm your parcel", description = "A delivery becomes CONFIRMED (to ship), a pickup READY_FOR_PICKUP at its outlet. 409 while the card payment is awaited.")
    Mono<ProducerFulfilmentJson> confirm(@PathVariable UUID id) {
        return current.get().zipWith(current.producer()).flatMap(t -> fulfilments.confirm(t.getT2(), id, t.getT1().email())).map(ProducerFulfilmentJson::of);
    }

    @PostMapping("/api/v1/producer/fulfilments/{id}/ship")
    @Operation(summary = "Ship your confirmed parcel of a delivery", description = "Its goods leave the location (FULFIL).")
    Mono<ProducerFulfilmentJson> ship(@PathVariable UUID id) {
        return current.get().zipWith(current.producer()).flatMap(t -> fulfilments.ship(t.getT2(), id, t.getT1().email())).map(ProducerFulfilmentJson::of);
    }

    @PostMapping("/api/v1/producer/fulfilments/{id}/delivered")
    @Operation(summary = "Mark your shipped parcel delivered",
            description = "Cash on delivery: body {collectedVnd}, exactly the parcel's amountToCollectVnd (409 amount-mismatch otherwise, nothing changes). "
                    + "Paid by card: no body.")
    Mono<ProducerFulfilmentJson> delivered(@PathVariable UUID id, @Valid @RequestBody(required = false) DeliveredJson body) {
        Vnd collected = body == null || body.collectedVnd() == null ? null : new Vnd(body.collectedVnd());
        return current.get().zipWith(current.producer()).flatMap(t -> fulfilments.delivered(t.getT2(), id, collected, t.getT1().email()))
                .map(ProducerFulfilmentJson::of);
    }
}
