package vn.ocop.orders;

import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.CheckedImage;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.lifecycle.Moves;
import vn.ocop.orders.review.ReviewRows;

/**
 * Reviews of order lines, the rules in {@link Review}. The shopper writes one on a COMPLETED line of their own order
 * (someone else's order is NOT_FOUND); the same review sent again answers the one written, a different one is
 * ALREADY_REVIEWED and writes nothing. The product's producer replies once; ADMIN hides one with a reason. Only
 * visible reviews are public, and only they count in the product's rating (the catalog's, changed in the same
 * transaction).
 */
@Service
public class Reviews {

    public static final int MAX_PAGE = 50;

    private final ReviewRows rows;
    private final Moves moves;
    private final ComplaintChecks checks;

    Reviews(ReviewRows rows, Moves moves, ComplaintChecks checks) {
        this.rows = rows;
        this.moves = moves;
        this.checks = checks;
    }

    /** What a write answers: the review, and whether this call wrote it (false: the same review was written before). */
    public record Written(Review review, boolean created) {
    }

    /** Reviews line {@code line} of the shopper's order with 1–5 stars, an optional comment and up to 3 photos (each checked like listing images). */
    public Mono<Written> write(UUID account, OrderId orderId, int line, Integer stars, String comment, List<byte[]> photos) {
        return ownOrder(account, orderId).flatMap(order -> {
            Review review = Review.write(ReviewId.random(), order, line, stars, comment, photos.size(), checks.now());
            return rows.ofLine(orderId, line).map(existing -> answerRetry(existing, review))
                    .switchIfEmpty(Mono.defer(() -> checks.photos(photos).flatMap(checked -> insert(review, checked))));
        });
    }

    /** The order's lines the shopper may review now: COMPLETED, without a review yet. */
    public Mono<List<Integer>> reviewableLines(Order order) {
        return rows.ofOrder(order.id()).map(Review::line).collectList().map(taken -> order.lines().stream().filter(Order.Line::open).map(Order.Line::number)
                .filter(n -> !taken.contains(n)).filter(n -> reviewable(order, n)).toList());
    }

    /** The shopper's reviews on their order, hidden ones too (with the reason). */
    public Flux<Review> ofOrder(UUID account, OrderId order) {
        return rows.ofOrder(order).filter(r -> r.account().equals(account));
    }

    /** A product's visible reviews, newest first. */
    public Flux<Review> visible(ProductId product, int offset, int limit) {
        return rows.visible(product, Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    public Mono<Long> countVisible(ProductId product) {
        return rows.countVisible(product);
    }

    public Flux<Review> ofProducer(ProducerId producer, int offset, int limit) {
        return rows.ofProducer(producer, Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    /** The producer replies once to a review of its own product; another producer's review is NOT_FOUND. */
    public Mono<Review> reply(ProducerId producer, ReviewId id, String text, String by) {
        return find(id).filter(r -> r.producer().equals(producer)).switchIfEmpty(Mono.error(() -> notFound(id)))
                .map(r -> r.replied(text, by, checks.now()))
                .flatMap(rows::reply);
    }

    /** Every review for ADMIN, hidden ones too, newest first. */
    public Flux<Review> forAdmin(int offset, int limit) {
        return rows.all(Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    /** ADMIN hides a review with a reason: it leaves the product's rating and its public pages. */
    public Mono<Review> hide(ReviewId id, String reason, String by) {
        return find(id).map(r -> r.hide(reason, by, checks.now())).flatMap(rows::hide);
    }

    public Mono<Review> find(ReviewId id) {
        return rows.byId(id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /** A photo of a visible review (1–3), for anyone; NOT_FOUND otherwise. */
    public Mono<CheckedImage> publicPhoto(ReviewId id, int position) {
        return find(id).filter(Review::visible).flatMap(r -> rows.photo(id, position)).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    private Mono<Written> insert(Review review, List<CheckedImage> photos) {
        return rows.insert(review, photos).map(saved -> new Written(saved, true))
                // written at the same moment by another request: the one that won answers, or refuses a different one
                .onErrorResume(DuplicateKeyException.class, e -> rows.ofLine(review.order(), review.line()).map(existing -> answerRetry(existing, review)));
    }

    private static Written answerRetry(Review existing, Review asked) {
        if (!existing.sameAs(asked)) {
            throw new OrdersException(OrdersErrorCode.ALREADY_REVIEWED, "this order line already has your review: one review per line");
        }
        return new Written(existing, false);
    }

    private boolean reviewable(Order order, int line) {
        try {
            Review.write(ReviewId.random(), order, line, 5, null, 0, checks.now());
            return true;
        } catch (OrdersException refused) {
            return false;
        }
    }

    private Mono<Order> ownOrder(UUID account, OrderId id) {
        return moves.read(id).filter(o -> o.account().equals(account))
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "order " + id.value() + " not found")));
    }

    private static OrdersException notFound(ReviewId id) {
        return new OrdersException(OrdersErrorCode.NOT_FOUND, "review " + id.value() + " not found");
    }
}
