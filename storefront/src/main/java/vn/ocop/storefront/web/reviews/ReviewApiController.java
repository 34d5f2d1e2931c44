package vn.ocop.storefront.web.reviews;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductRatings;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.ReviewId;
import vn.ocop.orders.Reviews;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.complaints.PhotoUploads;

/** A shopper reviews a completed line of their own order; anyone reads a product's visible reviews and their photos. */
@RestController
@Tag(name = "Reviews", description = "Rating a delivered or collected order line (SHOPPER) and reading a product's reviews (public)")
class ReviewApiController {

    private final Reviews reviews;
    private final ProductRatings ratings;
    private final CurrentAccount current;

    ReviewApiController(Reviews reviews, ProductRatings ratings, CurrentAccount current) {
        this.reviews = reviews;
        this.ratings = ratings;
        this.current = current;
    }

    @PostMapping(value = "/api/v1/orders/{orderId}/lines/{lineId}/review", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Review a line of your order",
            description = "Multipart: stars (1–5), comment (optional plain text, at most 2000 characters), photos (0–3 files: JPEG, PNG or WebP, "
                    + "at most 2 MB and 6000 px a side each; kept re-encoded, without metadata). Only once the line's parcel was delivered or "
                    + "collected (409 line-not-completed before), once per line: the same review sent again answers 200 with the one written, a "
                    + "different one 409 already-reviewed; 404 when the order is not yours. Nothing is written when refused.")
    Mono<ResponseEntity<ReviewViews.ShopperReviewJson>> write(@PathVariable UUID orderId, @PathVariable int lineId, @Valid @ModelAttribute ReviewForm form) {
        return current.get().flatMap(a -> PhotoUploads.read(form.photos())
                        .flatMap(photos -> reviews.write(a.id(), new OrderId(orderId), lineId, form.stars(), form.comment(), photos)))
                .map(w -> ResponseEntity.status(w.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create("/api/v1/orders/" + orderId + "/lines/" + lineId + "/review"))
                        .body(ReviewViews.ShopperReviewJson.of(w.review())));
    }

    @GetMapping("/api/v1/products/{id}/reviews")
    @Operation(summary = "A product's reviews, newest first, with its rating",
            description = "Hidden reviews are left out, and out of the average (one decimal) and count. Authors show as initials and given name.")
    Mono<ReviewViews.ProductReviewsJson> list(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "10") int size) {
        int p = Math.max(0, Math.min(page, 10_000));
        int s = Math.max(1, Math.min(size, Reviews.MAX_PAGE));
        ProductId product = new ProductId(id);
        return Mono.zip(ratings.of(product), reviews.countVisible(product), reviews.visible(product, p * s, s).collectList())
                .map(t -> ReviewViews.ProductReviewsJson.of(id, t.getT1(), p, s, t.getT2(), t.getT3()));
    }

    @GetMapping("/api/v1/products/{id}/reviews/{reviewId}/photos/{n}")
    @Operation(summary = "A photo (1–3) of a visible review")
    Mono<ResponseEntity<byte[]>> photo(@PathVariable UUID id, @PathVariable UUID reviewId, @PathVariable int n) {
        return reviews.publicPhoto(new ReviewId(reviewId), n)
                .map(photo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(photo.bytes()));
    }
}
