package vn.ocop.storefront.web.complaints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.ComplaintId;
import vn.ocop.orders.Complaints;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.complaints.ComplaintViews.AdminComplaintJson;

/** ADMIN's complaints: the disputed and escalated ones to decide, deciding, recording cash paid back, settling again. */
@RestController
@Tag(name = "Complaints (ADMIN)", description = "Deciding disputed and escalated complaints (ADMIN)")
class AdminComplaintApiController {

    private final Complaints complaints;
    private final CurrentAccount current;

    AdminComplaintApiController(Complaints complaints, CurrentAccount current) {
        this.complaints = complaints;
        this.current = current;
    }

    /** amountVnd back (0 rejects the complaint), why, and where the goods go back to (optional). */
    record DecisionJson(@NotNull @Min(0) @Max(100_000_000_000L) Long amountVnd, @NotNull @Size(min = 10, max = 2000) String reason,
                        UUID returnToLocationId) {
    }

    @GetMapping("/api/v1/admin/complaints")
    @Operation(summary = "Disputed and escalated complaints, longest waiting first")
    Flux<AdminComplaintJson> toDecide() {
        return complaints.forAdmin().map(AdminComplaintJson::of);
    }

    @GetMapping("/api/v1/admin/complaints/{id}")
    @Operation(summary = "Any complaint, with its thread")
    Mono<AdminComplaintJson> one(@PathVariable UUID id) {
        return complaints.get(new ComplaintId(id)).map(AdminComplaintJson::of);
    }

    @GetMapping("/api/v1/admin/complaints/{id}/photos/{n}")
    @Operation(summary = "A photo of the complaint (1–3)")
    Mono<ResponseEntity<byte[]>> photo(@PathVariable UUID id, @PathVariable int n) {
        return complaints.get(new ComplaintId(id)).flatMap(c -> complaints.photo(c, n)).map(PhotoUploads::answer);
    }

    @PostMapping("/api/v1/admin/complaints/{id}/decision")
    @Operation(summary = "Decide a disputed or escalated complaint",
            description = "amountVnd 0 rejects it; more is refunded (at most the line's total: 409 refund-exceeds-line): by card through Stripe, "
                    + "under the Idempotency-Key complaint:<id>; cash is owed by who took it until recorded paid back. returnToLocationId, optional: "
                    + "the goods come back there as one RECEIPT. 409 invalid-state when it is not waiting for a decision (deciding twice).")
    Mono<AdminComplaintJson> decide(@PathVariable UUID id, @Valid @RequestBody DecisionJson body) {
        LocationId to = body.returnToLocationId() == null ? null : new LocationId(body.returnToLocationId());
        return current.get().flatMap(a -> complaints.decide(new ComplaintId(id), new Vnd(body.amountVnd()), body.reason(), to, a.email()))
                .map(AdminComplaintJson::of);
    }

    @PostMapping("/api/v1/admin/complaints/{id}/paid-back")
    @Operation(summary = "Record a cash refund as paid back (by the producer or the showroom)", description = "409 invalid-state for a card refund or one already recorded.")
    Mono<AdminComplaintJson> paidBack(@PathVariable UUID id) {
        return current.get().flatMap(a -> complaints.paidBack(new ComplaintId(id), a.email())).map(AdminComplaintJson::of);
    }

    @PostMapping("/api/v1/admin/complaints/{id}/settle")
    @Operation(summary = "Settle a resolved complaint again",
            description = "Asks Stripe again for a card refund that could not be made, receives returned goods not yet received; each happens once.")
    Mono<AdminComplaintJson> settle(@PathVariable UUID id) {
        return complaints.settle(new ComplaintId(id)).map(AdminComplaintJson::of);
    }
}
