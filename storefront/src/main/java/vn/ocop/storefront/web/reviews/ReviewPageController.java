package vn.ocop.storefront.web.reviews;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogException;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.ReviewId;
import vn.ocop.orders.Reviews;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.complaints.PhotoUploads;

/**
 * Review forms, each answered with a redirect (a refresh posts nothing again): the shopper's on the order page, the
 * producer's replies (/producer/reviews) and ADMIN's hiding (/admin/reviews, confirmed by a checkbox). A refusal
 * comes back as a message key in the query, shown from the bundles.
 */
@Controller
class ReviewPageController {

    private final Reviews reviews;
    private final CurrentAccount current;

    ReviewPageController(Reviews reviews, CurrentAccount current) {
        this.reviews = reviews;
        this.current = current;
    }

    record ReplyForm(String text) {
    }

    record HideForm(String reason, String confirm) {
    }

    @PostMapping("/orders/{id}/lines/{line}/review")
    Mono<String> write(@PathVariable UUID id, @PathVariable int line, @ModelAttribute ReviewForm form) {
        String back = "redirect:/orders/" + id;
        return current.get().flatMap(a -> PhotoUploads.read(form.photos())
                        .flatMap(photos -> reviews.write(a.id(), new OrderId(id), line, form.stars(), form.comment(), photos)))
                .map(w -> back + "?reviewed=" + line + "#reviews")
                .onErrorResume(ReviewPageController::shown, e -> Mono.just(back + "?reviewProblem=" + key(e) + "#reviews"));
    }

    @GetMapping("/producer/reviews")
    Mono<String> producerList(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("reviews", current.producer().flatMapMany(producer -> reviews.ofProducer(producer, p * Reviews.MAX_PAGE, Reviews.MAX_PAGE))
                .collectList());
        model.addAttribute("page", p);
        model.addAttribute("pageSize", Reviews.MAX_PAGE);
        return Mono.just("reviews/producer");
    }

    @PostMapping("/producer/reviews/{id}/reply")
    Mono<String> reply(@PathVariable UUID id, @ModelAttribute ReplyForm form) {
        return current.get().zipWith(current.producer())
                .flatMap(t -> reviews.reply(t.getT2(), new ReviewId(id), form.text(), t.getT1().email()))
                .thenReturn("redirect:/producer/reviews?replied#review-" + id)
                .onErrorResume(ReviewPageController::shown, e -> Mono.just("redirect:/producer/reviews?problem=" + key(e) + "#review-" + id));
    }

    @GetMapping("/admin/reviews")
    Mono<String> adminList(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("reviews", reviews.forAdmin(p * Reviews.MAX_PAGE, Reviews.MAX_PAGE).collectList());
        model.addAttribute("page", p);
        model.addAttribute("pageSize", Reviews.MAX_PAGE);
        return Mono.just("reviews/admin");
    }

    @PostMapping("/admin/reviews/{id}/hide")
    Mono<String> hide(@PathVariable UUID id, @ModelAttribute HideForm form) {
        if (form.confirm() == null) {
            return Mono.just("redirect:/admin/reviews?problem=review.error.unconfirmed#review-" + id);
        }
        return current.get().flatMap(a -> reviews.hide(new ReviewId(id), form.reason(), a.email()))
                .thenReturn("redirect:/admin/reviews?hidden#review-" + id)
                .onErrorResume(ReviewPageController::shown, e -> Mono.just("redirect:/admin/reviews?problem=" + key(e) + "#review-" + id));
    }

    /** Refusals a page explains; NOT_FOUND (someone else's order or review) stays the 404 page. */
    private static boolean shown(Throwable e) {
        return e instanceof CatalogException c && c.code() != vn.ocop.catalog.CatalogErrorCode.NOT_FOUND
                || e instanceof OrdersException o && o.code() != OrdersErrorCode.NOT_FOUND;
    }

    /** The bundle key of a refusal: review.error.&lt;code&gt; ({@code photo} for an image the catalog would not keep). */
    static String key(Throwable e) {
        if (e instanceof CatalogException) {
            return "review.error.photo";
        }
        return "review.error." + ((OrdersException) e).code().name().toLowerCase().replace('_', '-');
    }
}
