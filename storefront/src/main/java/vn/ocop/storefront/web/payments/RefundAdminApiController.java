package vn.ocop.storefront.web.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.Payments;
import vn.ocop.orders.RefundStatus;

/** ADMIN's card refunds: those in a status (failed ones by default), an order's, and trying a failed one again. */
@RestController
@Tag(name = "Card refunds", description = "Refunds of card payments with Stripe's status (ADMIN)")
class RefundAdminApiController {

    private final Payments payments;

    RefundAdminApiController(Payments payments) {
        this.payments = payments;
    }

    @GetMapping("/api/v1/admin/refunds")
    @Operation(summary = "Card refunds in a status, latest change first",
            description = "status: FAILED (default), CANCELED, PENDING, REQUIRES_ACTION or SUCCEEDED; at most 200.")
    Flux<AdminRefundJson> inStatus(@RequestParam(defaultValue = "FAILED") RefundStatus status) {
        return payments.refundsWithStatus(status).map(AdminRefundJson::of);
    }

    @GetMapping("/api/v1/admin/orders/{id}/refunds")
    @Operation(summary = "An order's card refunds, oldest first")
    Flux<AdminRefundJson> ofOrder(@PathVariable UUID id) {
        return payments.refunds(new OrderId(id)).map(AdminRefundJson::of);
    }

    @PostMapping("/api/v1/admin/refunds/{id}/retry")
    @Operation(summary = "Ask Stripe again for a failed or canceled refund",
            description = "A new attempt under the key <idempotencyKey>:attempt-<n>; answers the refund with Stripe's new status. "
                    + "409 invalid-state for a refund that did not fail, 409 refund-exceeds-payment when other refunds took what it held meanwhile; 404 unknown.")
    Mono<AdminRefundJson> retry(@PathVariable UUID id) {
        return payments.retryRefund(id).map(AdminRefundJson::of);
    }
}
