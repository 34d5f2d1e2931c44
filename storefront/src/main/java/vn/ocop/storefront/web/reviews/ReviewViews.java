package vn.ocop.storefront.web.reviews;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import vn.ocop.catalog.listings.Rating;
import vn.ocop.orders.Review;

/** A review as each reader may see it: the public (no account, no e-mail), its author, the producer, ADMIN. */
final class ReviewViews {

    private ReviewViews() {
    }

    record ReplyJson(String text, OffsetDateTime at) {
        static ReplyJson of(Review r) {
            return r.reply() == null ? null : new ReplyJson(r.reply().text(), r.reply().at());
        }
    }

    /** Anyone: the author's initials and given name, never an account or e-mail; only visible reviews are shown. */
    record PublicReviewJson(UUID id, int stars, String comment, String author, List<String> photos, OffsetDateTime createdAt, ReplyJson reply) {
        static PublicReviewJson of(Review r) {
            return new PublicReviewJson(r.id().value(), r.stars().value(), r.comment(), r.author(), photoUrls(r), r.createdAt(), ReplyJson.of(r));
        }
    }

    /** One page of a product's visible reviews, newest first, with its rating (average to one decimal, count). */
    record ProductReviewsJson(UUID productId, BigDecimal averageRating, int reviewCount, int page, int size, long total,
                              List<PublicReviewJson> reviews) {
        static ProductReviewsJson of(UUID product, Rating rating, int page, int size, long total, List<Review> reviews) {
            return new ProductReviewsJson(product, rating.average(), rating.count(), page, size, total,
                    reviews.stream().map(PublicReviewJson::of).toList());
        }
    }

    /** Its author: their own review, hidden or not (with why). */
    record ShopperReviewJson(UUID id, UUID orderId, int line, UUID productId, String productName, int stars, String comment, int photoCount,
                             OffsetDateTime createdAt, ReplyJson reply, boolean hidden, String hiddenReason) {
        static ShopperReviewJson of(Review r) {
            return new ShopperReviewJson(r.id().value(), r.order().value(), r.line(), r.product().value(), r.productName(), r.stars().value(),
                    r.comment(), r.photos(), r.createdAt(), ReplyJson.of(r), !r.visible(), r.visible() ? null : r.hidden().reason());
        }
    }

    /** The producer of the product: the review as the public sees it, whether hidden, and its own reply. */
    record ProducerReviewJson(UUID id, UUID productId, String productName, int stars, String comment, String author, List<String> photos,
                              OffsetDateTime createdAt, ReplyJson reply, boolean hidden) {
        static ProducerReviewJson of(Review r) {
            return new ProducerReviewJson(r.id().value(), r.product().value(), r.productName(), r.stars().value(), r.comment(), r.author(),
                    r.visible() ? photoUrls(r) : List.of(), r.createdAt(), ReplyJson.of(r), !r.visible());
        }
    }

    /** ADMIN: everything, with the order it came from and who hid it and why. */
    record AdminReviewJson(UUID id, UUID orderId, int line, UUID accountId, UUID producerId, UUID productId, String productName, int stars,
                           String comment, String author, int photoCount, OffsetDateTime createdAt, ReplyJson reply,
                           boolean hidden, String hiddenReason, String hiddenBy, OffsetDateTime hiddenAt) {
        static AdminReviewJson of(Review r) {
            var h = r.hidden();
            return new AdminReviewJson(r.id().value(), r.order().value(), r.line(), r.account(), r.producer().value(), r.product().value(),
                    r.productName(), r.stars().value(), r.comment(), r.author(), r.photos(), r.createdAt(), ReplyJson.of(r),
                    h != null, h == null ? null : h.reason(), h == null ? null : h.by(), h == null ? null : h.at());
        }
    }

    static List<String> photoUrls(Review r) {
        return IntStream.rangeClosed(1, r.photos())
                .mapToObj(n -> "/api/v1/products/" + r.product().value() + "/reviews/" + r.id().value() + "/photos/" + n).toList();
    }
}
