package vn.ocop.storefront.web.complaints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.orders.ComplaintId;
import vn.ocop.orders.Complaints;
import vn.ocop.orders.OrderId;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.complaints.ComplaintViews.ShopperComplaintJson;

/** A shopper's complaints about their order lines: opening one, reading it, accepting the producer's offer or escalating. */
@RestController
@Tag(name = "Complaints", description = "Complaints about delivered or collected order lines, and their refunds (SHOPPER)")
class ComplaintApiController {

    private final Complaints complaints;
    private final CurrentAccount current;

    ComplaintApiController(Complaints complaints, CurrentAccount current) {
        this.complaints = complaints;
        this.current = current;
    }

    /** Why the shopper escalates (optional, 10–2000 characters when given). */
    record EscalateJson(@Size(max = 2000) String text) {
    }

    @PostMapping(value = "/api/v1/orders/{id}/complaints", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Complain about a line of your order",
            description = "Multipart: line (its number), reason (WRONG_ITEM, DAMAGED, NOT_AS_DESCRIBED, NOT_RECEIVED), text (10–2000 characters), "
                    + "photos (0–3 files: JPEG, PNG or WebP, at most 2 MB and 6000 px a side each; kept re-encoded, without metadata). "
                    + "Within 7 days (Vietnam's calendar) of the line's delivery or collection: 409 complaint-deadline-passed after, "
                    + "409 invalid-state before it was delivered or collected, 409 already-complained for a second complaint on the line; "
                    + "404 when the order is not yours. Nothing is written when refused.")
    Mono<ResponseEntity<ShopperComplaintJson>> open(@PathVariable UUID id, @Valid @ModelAttribute ComplaintForm form) {
        return current.get().flatMap(a -> PhotoUploads.read(form.photos())
                        .flatMap(photos -> complaints.open(a.id(), new OrderId(id), form.line(), form.reason(), form.text(), photos, a.email())))
                .map(c -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/complaints/" + c.id().value()))
                        .body(ShopperComplaintJson.of(c)));
    }

    @GetMapping("/api/v1/complaints")
    @Operation(summary = "Your complaints, newest first")
    Flux<ShopperComplaintJson> mine() {
        return current.get().flatMapMany(a -> complaints.mine(a.id())).map(ShopperComplaintJson::of);
    }

    @GetMapping("/api/v1/complaints/{id}")
    @Operation(summary = "One of your complaints with its thread", description = "404 when it is not yours.")
    Mono<ShopperComplaintJson> one(@PathVariable UUID id) {
        return current.get().flatMap(a -> complaints.mine(a.id(), new ComplaintId(id))).map(ShopperComplaintJson::of);
    }

    @GetMapping("/api/v1/complaints/{id}/photos/{n}")
    @Operation(summary = "A photo of your complaint (1–3)")
    Mono<ResponseEntity<byte[]>> photo(@PathVariable UUID id, @PathVariable int n) {
        return current.get().flatMap(a -> complaints.mine(a.id(), new ComplaintId(id))).flatMap(c -> complaints.photo(c, n)).map(PhotoUploads::answer);
    }

    @PostMapping("/api/v1/complaints/{id}/accept")
    @Operation(summary = "Accept the producer's offer",
            description = "The offer becomes the refund (RESOLVED): paid by card it is refunded through Stripe; cash is paid back by who took it. "
                    + "409 invalid-state when there is no offer waiting.")
    Mono<ShopperComplaintJson> accept(@PathVariable UUID id) {
        return current.get().flatMap(a -> complaints.acceptOffer(a.id(), new ComplaintId(id), a.email())).map(ShopperComplaintJson::of);
    }

    @PostMapping("/api/v1/complaints/{id}/escalate")
    @Operation(summary = "Do not accept the producer's offer: ADMIN decides", description = "409 invalid-state when there is no offer waiting.")
    Mono<ShopperComplaintJson> escalate(@PathVariable UUID id, @Valid @RequestBody(required = false) EscalateJson body) {
        String text = body == null ? null : body.text();
        return current.get().flatMap(a -> complaints.escalate(a.id(), new ComplaintId(id), text, a.email())).map(ShopperComplaintJson::of);
    }
}
