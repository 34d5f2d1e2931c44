package vn.ocop.storefront.web.producer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.groups.Default;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.ExpiringListing;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.councils.ProducerNotice;
import vn.ocop.catalog.councils.ProducerNotices;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.StoredImage;
import vn.ocop.storefront.security.CurrentAccount;

/** A producer's own listings, for API clients (HTTP Basic). Someone else's product answers 404. */
@RestController
@RequestMapping("/api/v1/producer")
@Tag(name = "Producer", description = "Your own listings, their images, expiring rankings and notices (role PRODUCER)")
class ProducerApiController {

    private final Listings listings;
    private final ProducerNotices notices;
    private final CurrentAccount current;

    ProducerApiController(Listings listings, ProducerNotices notices, CurrentAccount current) {
        this.listings = listings;
        this.notices = notices;
        this.current = current;
    }

    record ImageView(String file, String url, String contentType, int sizeBytes) {
    }

    record ExpiringView(UUID productId, String productName, int stars, String decisionNo, LocalDate validUntil, long daysLeft) {
        static ExpiringView of(ExpiringListing e) {
            return new ExpiringView(e.product().value(), e.productName(), e.ranking().stars().value(),
                    e.ranking().decisionNo(), e.ranking().validUntil(), e.daysLeft());
        }
    }

    record NoticeView(UUID id, String kind, String message, OffsetDateTime createdAt) {
        static NoticeView of(ProducerNotice n) {
            return new NoticeView(n.id(), n.kind(), n.message(), n.createdAt());
        }
    }

    @GetMapping("/products")
    @Operation(summary = "List your listings", description = "Every state, by name, each with onSale and, when not on sale, reasonCode and reason (\"certificate expired on 2026-03-28\").")
    Flux<ListingView> list() {
        return current.producer().flatMapMany(listings::of).map(ListingView::of);
    }

    @GetMapping("/products/{id}")
    @Operation(summary = "Get one of your listings", description = "404 when it is not yours.")
    Mono<ListingView> get(@PathVariable UUID id) {
        return current.producer().flatMap(p -> listings.get(p, new ProductId(id))).map(ListingView::of);
    }

    @PostMapping("/products")
    @Operation(summary = "Create a listing", description = "A DRAFT at version 0 with a new verification code; 201 with Location. 400 with field errors when invalid.")
    Mono<ResponseEntity<ListingView>> create(@Valid @RequestBody ListingForm form) {
        return current.producer().flatMap(p -> listings.create(p, form.details()))
                .map(l -> ResponseEntity.created(URI.create("/api/v1/producer/products/" + l.id().value())).body(ListingView.of(l)));
    }

    @PutMapping("/products/{id}")
    @Operation(summary = "Edit a listing", description = "Send the version you read: 409 stale-version if it changed since, 409 invalid-state if archived.")
    Mono<ListingView> edit(@PathVariable UUID id, @Validated({Default.class, ListingForm.Edit.class}) @RequestBody ListingForm form) {
        return current.producer().flatMap(p -> listings.edit(p, new ProductId(id), form.version(), form.details())).map(ListingView::of);
    }

    @PostMapping("/products/{id}/publish")
    @Operation(summary = "Publish a listing", description = "DRAFT or ARCHIVED becomes ACTIVE (on sale while a ranking is valid); 409 otherwise.")
    Mono<ListingView> publish(@PathVariable UUID id) {
        return current.producer().flatMap(p -> listings.publish(p, new ProductId(id))).map(ListingView::of);
    }

    @PostMapping("/products/{id}/archive")
    @Operation(summary = "Archive a listing", description = "DRAFT or ACTIVE becomes ARCHIVED (off sale, not editable); 409 otherwise.")
    Mono<ListingView> archive(@PathVariable UUID id) {
        return current.producer().flatMap(p -> listings.archive(p, new ProductId(id))).map(ListingView::of);
    }

    @PostMapping(path = "/products/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add an image", description = "Multipart part `file`: JPEG, PNG or WebP by its content (the declared type is ignored), at most 2 MB "
            + "and 6,000 px a side, 8 per product. It is decoded and a fresh copy is kept (JPEG, or PNG when it has transparency; no EXIF, "
            + "nothing after the image): the answer names the stored file and its type. 400 image-rejected (errors[0].field = file) when it "
            + "breaks a rule or does not decode; 413 when the part or the request is too large (more than 8 parts: too-many-parts).")
    Mono<ResponseEntity<ImageView>> addImage(@PathVariable UUID id, @RequestPart("file") FilePart file) {
        return current.producer()
                .flatMap(p -> ImageUploads.bytes(file, listings.maxImageBytes()).flatMap(bytes -> listings.addImage(p, new ProductId(id), bytes)))
                .map(ProducerApiController::created);
    }

    @GetMapping("/rankings/expiring")
    @Operation(summary = "Rankings about to expire", description = "Your rankings valid today whose validity ends within `days` (1 to 365), soonest first.")
    Flux<ExpiringView> expiring(@RequestParam(defaultValue = "60") @Min(1) @Max(365) int days) {
        return current.producer().flatMapMany(p -> listings.expiring(p, days)).map(ExpiringView::of);
    }

    @GetMapping("/notices")
    @Operation(summary = "Your notices", description = "Newest first, e.g. a ranking that expires soon.")
    Flux<NoticeView> notices() {
        return current.producer().flatMapMany(notices::of).map(NoticeView::of);
    }

    private static ResponseEntity<ImageView> created(StoredImage image) {
        String url = Links.image(image.fileName());
        return ResponseEntity.created(URI.create(url))
                .body(new ImageView(image.fileName(), url, image.contentType(), image.sizeBytes()));
    }
}
