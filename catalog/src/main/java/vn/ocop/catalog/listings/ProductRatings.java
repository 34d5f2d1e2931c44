package vn.ocop.catalog.listings;

import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Stars;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Products' ratings as the catalog keeps them for cards, pages and search. Whoever keeps the reviews (the orders
 * module) adds a review's stars when it is written and takes them away when it is hidden, in the same transaction;
 * each is one statement, and each change re-indexes the product through the catalog change outbox.
 */
@Service
public class ProductRatings {

    private final RatingRows rows;

    ProductRatings(RatingRows rows) {
        this.rows = rows;
    }

    public Mono<Void> reviewed(ProductId product, Stars stars) {
        return rows.add(product, stars.value());
    }

    public Mono<Void> reviewHidden(ProductId product, Stars stars) {
        return rows.remove(product, stars.value());
    }

    public Mono<Rating> of(ProductId product) {
        return rows.of(product);
    }

    /** The average over all the producer's products' visible reviews. */
    public Mono<Rating> ofProducer(ProducerId producer) {
        return rows.ofProducer(producer);
    }
}
