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
import vn.ocop.storefront.web.complaints.ComplaintViews.ProducerComplaintJson;

/** Complaints about a producer's lines: it offers a refund or disputes, and records cash it paid back. Another producer's is 404. */
@RestController
@Tag(name = "Complaints (producer)", description = "Answering complaints about your order lines (PRODUCER)")
class ProducerComplaintApiController {

    private final Complaints complaints;
    private final CurrentAccount current;

    ProducerComplaintApiController(Complaints complaints, CurrentAccount current) {
        this.complaints = complaints;
        this.current = current;
    }

    /** A refund of amountVnd (1 đồng to the line's total), optionally with the goods returned to one of your locations. */
    record OfferJson(@NotNull @Min(1) @Max(100_000_000_000L) Long amountVnd, UUID returnToLocationId, @Size(max = 2000) String text) {
    }

    record DisputeJson(@NotNull @Size(min = 10, max = 2000) String text) {
    }

    @GetMapping("/api/v1/producer/complaints")
    @Operation(summary = "Complaints about your order lines, newest first")
    Flux<ProducerComplaintJson> list() {
        return current.producer().flatMapMany(complaints::ofProducer).map(ProducerComplaintJson::of);
    }

    @GetMapping("/api/v1/producer/complaints/{id}")
    @Operation(summary = "One complaint about your line, with its thread")
    Mono<ProducerComplaintJson> one(@PathVariable UUID id) {
        return current.producer().flatMap(p -> complaints.ofProducer(p, new ComplaintId(id))).map(ProducerComplaintJson::of);
    }

    @GetMapping("/api/v1/producer/complaints/{id}/photos/{n}")
    @Operation(summary = "A photo of the complaint (1–3)")
    Mono<ResponseEntity<byte[]>> photo(@PathVariable UUID id, @PathVariable int n) {
        return current.producer().flatMap(p -> complaints.ofProducer(p, new ComplaintId(id))).flatMap(c -> complaints.photo(c, n)).map(PhotoUploads::answer);
    }

    @PostMapping("/api/v1/producer/complaints/{id}/offer")
    @Operation(summary = "Accept the complaint: offer a refund",
            description = "amountVnd, whole or part of the line's total (409 refund-exceeds-line beyond it); returnToLocationId, optional, one of your "
                    + "warehouses (400 otherwise) where the goods come back as a RECEIPT; the shopper then accepts or escalates. 409 invalid-state unless OPEN.")
    Mono<ProducerComplaintJson> offer(@PathVariable UUID id, @Valid @RequestBody OfferJson body) {
        LocationId to = body.returnToLocationId() == null ? null : new LocationId(body.returnToLocationId());
        return current.get().zipWith(current.producer())
                .flatMap(t -> complaints.offer(t.getT2(), new ComplaintId(id), new Vnd(body.amountVnd()), to, body.text(), t.getT1().email()))
                .map(ProducerComplaintJson::of);
    }

    @PostMapping("/api/v1/producer/complaints/{id}/dispute")
    @Operation(summary = "Dispute the complaint, saying why (10–2000 characters): ADMIN decides", description = "409 invalid-state unless OPEN.")
    Mono<ProducerComplaintJson> dispute(@PathVariable UUID id, @Valid @RequestBody DisputeJson body) {
        return current.get().zipWith(current.producer())
                .flatMap(t -> complaints.dispute(t.getT2(), new ComplaintId(id), body.text(), t.getT1().email()))
                .map(ProducerComplaintJson::of);
    }

    @PostMapping("/api/v1/producer/complaints/{id}/paid-back")
    @Operation(summary = "Record that you paid back the cash refund",
            description = "For a resolved refund of a cash-on-delivery order (you hold the money). 409 invalid-state otherwise or when already recorded.")
    Mono<ProducerComplaintJson> paidBack(@PathVariable UUID id) {
        return current.get().zipWith(current.producer())
                .flatMap(t -> complaints.paidBackByProducer(t.getT2(), new ComplaintId(id), t.getT1().email()))
                .map(ProducerComplaintJson::of);
    }
}
