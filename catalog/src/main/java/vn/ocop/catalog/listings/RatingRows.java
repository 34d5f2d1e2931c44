package vn.ocop.catalog.listings;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;

/**
 * {@code product_rating}: a review's stars are added and taken away by one statement each, so reviews written at
 * once for the same product all count (no read then write). Its trigger re-indexes the product.
 */
@Repository
class RatingRows {

    private final DatabaseClient db;

    RatingRows(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> add(ProductId product, int stars) {
        return db.sql("insert into product_rating (product_id, stars_total, review_count) values (:p, :s, 1) on conflict (product_id)"
                        + " do update set stars_total = product_rating.stars_total + excluded.stars_total, review_count = product_rating.review_count + 1")
                .bind("p", product.value()).bind("s", stars).then();
    }

    public Mono<Void> remove(ProductId product, int stars) {
        return db.sql("update product_rating set stars_total = stars_total - :s, review_count = review_count - 1"
                        + " where product_id = :p and review_count > 0")
                .bind("p", product.value()).bind("s", stars).then();
    }

    public Mono<Rating> of(ProductId product) {
        return db.sql("select stars_total, review_count from product_rating where product_id = :p")
                .bind("p", product.value())
                .map((r, md) -> new Rating(r.get("stars_total", Long.class), r.get("review_count", Integer.class)))
                .one()
                .defaultIfEmpty(Rating.NONE);
    }

    /** All of the producer's products together, whether on sale now or not. */
    public Mono<Rating> ofProducer(ProducerId producer) {
        return db.sql("select coalesce(sum(r.stars_total), 0) as total, coalesce(sum(r.review_count), 0) as n"
                        + " from product_rating r join product p on p.id = r.product_id where p.producer_id = :p")
                .bind("p", producer.value())
                .map((r, md) -> new Rating(((Number) r.get("total")).longValue(), ((Number) r.get("n")).intValue()))
                .one();
    }

    public Mono<Map<ProductId, Rating>> of(Collection<ProductId> products) {
        return db.sql("select product_id, stars_total, review_count from product_rating where product_id = any(:ids)")
                .bind("ids", products.stream().map(ProductId::value).toArray(UUID[]::new))
                .map((r, md) -> Map.entry(new ProductId(r.get("product_id", UUID.class)),
                        new Rating(r.get("stars_total", Long.class), r.get("review_count", Integer.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
