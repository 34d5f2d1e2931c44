package vn.ocop.storefront.web.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.MoneyTaken;
import vn.ocop.orders.Pickups;
import vn.ocop.storefront.security.CurrentAccount;

/**
 * Showroom staff's pickups, as {@link StaffPickupJson} (no pickup code, no e-mail): what waits at their location,
 * one order by the code the shopper reads out, making ready the goods the showroom holds, and the handover with
 * the payment taken. A code not waiting here is 404; ten wrong codes within ten minutes at one location, and
 * further attempts are 429 with Retry-After.
 */
@RestController
@Tag(name = "Pickup", description = "Staff hand pickups over at their location (STAFF)")
class PickupApiController {

    private final Pickups pickups;
    private final CurrentAccount current;

    PickupApiController(Pickups pickups, CurrentAccount current) {
        this.pickups = pickups;
        this.current = current;
    }

    /** What staff took at the counter: CASH or BANK_TRANSFER, and how much (exactly the order's amountToTakeVnd). */
    record PaymentJson(@NotNull MoneyTaken.Method method, @NotNull @Min(0) @Max(100_000_000_000L) Long amountVnd) {
    }

    /** {@code payment} is required when the order is paid at pickup, and absent when it was paid by card. */
    record HandoverJson(@Valid PaymentJson payment) {
    }

    @GetMapping("/api/v1/staff/pickups")
    @Operation(summary = "Orders waiting to be collected at your location", description = "Soonest deadline first, with the amount to take.")
    Flux<StaffPickupJson> waiting() {
        return current.staffLocation().flatMapMany(pickups::at).map(StaffPickupJson::of);
    }

    @GetMapping("/api/v1/staff/pickups/{code}")
    @Operation(summary = "The order waiting here with that pickup code", description = "404 for a code not waiting here (it counts as a wrong attempt); 429 after ten within ten minutes.")
    Mono<StaffPickupJson> byCode(@PathVariable String code) {
        return current.staffLocation().flatMap(l -> pickups.find(l, code)).map(StaffPickupJson::of);
    }

    @PostMapping("/api/v1/staff/fulfilments/{id}/ready")
    @Operation(summary = "Make a part ready: the showroom has the goods (consignment)", description = "404 for a part of an order not collected here.")
    Mono<StaffPickupJson> ready(@PathVariable UUID id) {
        return current.get().zipWith(current.staffLocation()).flatMap(t -> pickups.markReady(t.getT2(), id, t.getT1().email())).map(StaffPickupJson::of);
    }

    @PostMapping("/api/v1/pickups/{code}/handover")
    @Operation(summary = "Hand an order over against its pickup code",
            description = "Every part must be READY_FOR_PICKUP (409 invalid-state before). Paid at pickup: body {payment: {method: CASH or BANK_TRANSFER, "
                    + "amountVnd}}, exactly what is due (409 amount-mismatch otherwise). Records FULFIL at your location and completes the order.")
    Mono<StaffPickupJson> handOver(@PathVariable String code, @Valid @RequestBody(required = false) HandoverJson body) {
        PaymentJson payment = body == null ? null : body.payment();
        return current.get().zipWith(current.staffLocation())
                .flatMap(t -> pickups.handOver(t.getT2(), code, payment == null ? null : payment.method(),
                        payment == null ? null : new Vnd(payment.amountVnd()), t.getT1().email()))
                .map(StaffPickupJson::of);
    }
}
