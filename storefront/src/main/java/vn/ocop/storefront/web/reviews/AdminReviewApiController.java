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

/** ADMIN reads every review and hides one with a reason: it leaves the product's rating and public pages. */
@RestController
@Tag(name = "Reviews (admin)", description = "Moderating reviews (ADMIN)")
class AdminReviewApiController {

    private final Reviews reviews;
    private final CurrentAccount current;

    AdminReviewApiController(Reviews reviews, CurrentAccount current) {
        this.reviews = reviews;
        this.current = current;
    }

    record HideRequest(@NotBlank @Size(min = 5, max = 500) String reason) {
    }

    @GetMapping("/api/v1/admin/reviews")
    @Operation(summary = "Every review, newest first, hidden ones too")
    Flux<ReviewViews.AdminReviewJson> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int s = Math.max(1, Math.min(size, Reviews.MAX_PAGE));
        return reviews.forAdmin(Math.max(0, page) * s, s).map(ReviewViews.AdminReviewJson::of);
    }

    @PostMapping("/api/v1/admin/reviews/{id}/hide")
    @Operation(summary = "Hide a review, saying why (5–500 characters)", description = "409 invalid-state when it is hidden already.")
    Mono<ReviewViews.AdminReviewJson> hide(@PathVariable UUID id, @Valid @RequestBody HideRequest body) {
        return current.get().flatMap(a -> reviews.hide(new ReviewId(id), body.reason(), a.email())).map(ReviewViews.AdminReviewJson::of);
    }
}
