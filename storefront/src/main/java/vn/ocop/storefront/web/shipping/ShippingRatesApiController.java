package vn.ocop.storefront.web.shipping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.orders.RateTableChange;
import vn.ocop.orders.Shipping;
import vn.ocop.storefront.security.CurrentAccount;

/** The shipping rate table (ADMIN): read it, replace it whole. Overlapping or missing bands: 400 with each field named, nothing saved. */
@RestController
@Tag(name = "Shipping", description = "The shipping rate table by zone and weight (ADMIN)")
class ShippingRatesApiController {

    private final Shipping shipping;
    private final CurrentAccount current;

    ShippingRatesApiController(Shipping shipping, CurrentAccount current) {
        this.shipping = shipping;
        this.current = current;
    }

    @GetMapping("/api/v1/admin/shipping-rates")
    @Operation(summary = "The rate table", description = "Zones SAME_PROVINCE, SAME_REGION, OTHER_REGION (regions North, Centre, South over the 34 provinces), "
            + "each with a delivery window in days and weight bands [fromGrams, toGrams); the last band is open-ended and may add extraPer500gVnd.")
    Mono<RateTableJson> table() {
        return Mono.zip(shipping.table(), lastChange()).map(t -> RateTableJson.of(t.getT1(), t.getT2().orElse(null)));
    }

    @PutMapping("/api/v1/admin/shipping-rates")
    @Operation(summary = "Replace the rate table", description = "All three zones, each banded from 0 g with no gap and no overlap and an open-ended last band; "
            + "otherwise 400 with the fields named (zones[i].bands[j].fromGrams …) and nothing is saved. New fees apply to the next quote and order.")
    Mono<RateTableJson> replace(@Valid @RequestBody RateTableJson body) {
        return current.get().flatMap(admin -> shipping.replace(body.table(), admin.email()))
                .flatMap(t -> lastChange().map(c -> RateTableJson.of(t, c.orElse(null))));
    }

    private Mono<Optional<RateTableChange>> lastChange() {
        return shipping.lastChange().map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
