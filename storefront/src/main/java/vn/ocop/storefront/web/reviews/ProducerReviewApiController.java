package vn.ocop.storefront.web.reviews;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.orders.ReviewId;
import vn.ocop.orders.Reviews;
import vn.ocop.storefront.security.CurrentAccount;

/** Reviews of a producer's own products: the list, and its one reply to each. Another producer's review is 404. */
@RestController
@Tag(name = "Reviews (producer)", description = "Reviews of your products and your replies (PRODUCER)")
class ProducerReviewApiController {

    private final Reviews reviews;
    private final CurrentAccount current;

    ProducerReviewApiController(Reviews reviews, CurrentAccount current) {
        this.reviews = reviews;
        this.current = current;
    }

    record ReplyRequest(@NotBlank @Size(max = 2000) String text) {
    }

    @GetMapping("/api/v1/producer/reviews")
    @Operation(summary = "Reviews of your products, newest first (hidden ones marked)")
    Flux<ReviewViews.ProducerReviewJson> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int s = Math.max(1, Math.min(size, Reviews.MAX_PAGE));
        return current.producer().flatMapMany(p -> reviews.ofProducer(p, Math.max(0, page) * s, s)).map(ReviewViews.ProducerReviewJson::of);
    }

    @PostMapping("/api/v1/producer/reviews/{id}/reply")
    @Operation(summary = "Reply to a review of your product, once",
            description = "text: plain text, 1–2000 characters. 409 already-replied the second time; 404 for a review of another producer's product.")
    Mono<ReviewViews.ProducerReviewJson> reply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest body) {
        return current.get().zipWith(current.producer())
                .flatMap(t -> reviews.reply(t.getT2(), new ReviewId(id), body.text(), t.getT1().email()))
                .map(ReviewViews.ProducerReviewJson::of);
    }
}
