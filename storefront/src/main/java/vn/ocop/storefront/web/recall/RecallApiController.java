package vn.ocop.storefront.web.recall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.lots.Recall;
import vn.ocop.orders.Recalls;
import vn.ocop.storefront.security.CurrentAccount;

/** Recalling a lot: a producer its own, a council any lot of a product whose producer is in its scope. */
@RestController
@Tag(name = "Recalls", description = "A producer (its own lots) or a council (lots of products it ranks) recalls a lot")
class RecallApiController {

    static final String EFFECT = "The lot leaves sale everywhere at once; tills learn it at their next sync (recalledLots); "
            + "reservations of it move to another lot of the product at the same location where one covers them, else the order's "
            + "part holding it is cancelled (reason RECALLED; a card order is cancelled whole and refunded); every order that received, "
            + "had moved or lost units of it gets a notice and one e-mail. Recalling again changes nothing, sends nothing and answers "
            + "the same. 400 for a blank reason or one over 500 characters.";

    private final Recalls recalls;
    private final CurrentAccount current;

    RecallApiController(Recalls recalls, CurrentAccount current) {
        this.recalls = recalls;
        this.current = current;
    }

    /** Why the lot is recalled: 1 to 500 characters, shown on the verify page, the orders and the e-mails. */
    record RecallRequest(@NotBlank @Size(max = Recall.MAX_REASON) String reason) {
    }

    @PostMapping("/api/v1/producer/lots/{lotId}/recall")
    @Operation(summary = "Recall one of your lots", description = EFFECT + " 404 for a lot that is not yours.")
    Mono<RecallJson> byProducer(@PathVariable UUID lotId, @Valid @RequestBody RecallRequest request) {
        return current.get().zipWith(current.producer())
                .flatMap(t -> recalls.byProducer(t.getT2(), new LotId(lotId), request.reason(), t.getT1().email()))
                .map(RecallJson::of);
    }

    @PostMapping("/api/v1/council/lots/{lotId}/recall")
    @Operation(summary = "Recall a lot of a product in your scope", description = EFFECT
            + " 404 for a lot whose producer is outside the council's province.")
    Mono<RecallJson.ForCouncil> byCouncil(@PathVariable UUID lotId, @Valid @RequestBody RecallRequest request) {
        return current.get().zipWith(current.councilScope())
                .flatMap(t -> recalls.byCouncil(t.getT2(), new LotId(lotId), request.reason(), t.getT1().email()))
                .map(RecallJson.ForCouncil::of);
    }
}
