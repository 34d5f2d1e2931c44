package vn.ocop.orders.review;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.CheckedImage;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductRatings;
import vn.ocop.catalog.Stars;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.Review;
import vn.ocop.orders.ReviewId;

/**
 * Reviews in PostgreSQL. A new one is written with its photos and its stars added to the product's rating in one
 * transaction (a second on the same line breaks the unique key: nothing of it is written); hiding one takes its
 * stars away in the transaction that hides it, once, whoever hides it at the same time; a reply is written once.
 */
@Component
public class ReviewRows {

    private static final String COLUMNS = "id, order_id, line_no, account_id, producer_id, product_id, product_name, stars, comment, author_name, "
            + "photo_count, created_at, reply, replied_at, replied_by, hidden_reason, hidden_at, hidden_by";

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final ProductRatings ratings;

    ReviewRows(DatabaseClient db, TransactionalOperator transactions, ProductRatings ratings) {
        this.db = db;
        this.transactions = transactions;
        this.ratings = ratings;
    }

    /** Writes the review, its photos and its stars in the product's rating; DuplicateKeyException when the line has one. */
    public Mono<Review> insert(Review r, List<CheckedImage> photos) {
        var insert = db.sql("insert into review (id, order_id, line_no, account_id, producer_id, product_id, product_name, stars, comment, "
                        + "author_name, photo_count, created_at) values (:id, :order, :line, :account, :producer, :product, :name, :stars, :comment, "
                        + ":author, :photos, :at)")
                .bind("id", r.id().value()).bind("order", r.order().value()).bind("line", r.line()).bind("account", r.account())
                .bind("producer", r.producer().value()).bind("product", r.product().value()).bind("name", r.productName())
                .bind("stars", r.stars().value()).bind("author", r.author()).bind("photos", photos.size()).bind("at", r.createdAt());
        insert = r.comment() == null ? insert.bindNull("comment", String.class) : insert.bind("comment", r.comment());
        Mono<Void> written = insert.then()
                .then(Flux.range(0, photos.size()).concatMap(i -> db.sql("insert into review_photo (review_id, position, content_type, bytes) "
                                + "values (:id, :position, :type, :bytes)")
                        .bind("id", r.id().value()).bind("position", i + 1).bind("type", photos.get(i).contentType())
                        .bind("bytes", ByteBuffer.wrap(photos.get(i).bytes())).then()).then())
                .then(ratings.reviewed(r.product(), r.stars()));
        return transactions.transactional(written).then(byId(r.id()));
    }

    /** Writes the reply: ALREADY_REPLIED when another reply was written meanwhile. */
    public Mono<Review> reply(Review after) {
        return db.sql("update review set reply = :text, replied_at = :at, replied_by = :by where id = :id and reply is null")
                .bind("id", after.id().value()).bind("text", after.reply().text()).bind("at", after.reply().at()).bind("by", after.reply().by())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? byId(after.id())
                        : Mono.error(new OrdersException(OrdersErrorCode.ALREADY_REPLIED, "this review already has your reply")));
    }

    /** Hides it and takes its stars from the product's rating, once: INVALID_STATE when it was hidden meanwhile. */
    public Mono<Review> hide(Review after) {
        Mono<Void> written = db.sql("update review set hidden_reason = :reason, hidden_at = :at, hidden_by = :by where id = :id and hidden_at is null")
                .bind("id", after.id().value()).bind("reason", after.hidden().reason()).bind("at", after.hidden().at()).bind("by", after.hidden().by())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? ratings.reviewHidden(after.product(), after.stars())
                        : Mono.error(new OrdersException(OrdersErrorCode.INVALID_STATE, "this review is hidden already")));
        return transactions.transactional(written).then(byId(after.id()));
    }

    public Mono<Review> byId(ReviewId id) {
        return db.sql("select " + COLUMNS + " from review where id = :id").bind("id", id.value()).map((row, md) -> review(row)).one();
    }

    public Mono<Review> ofLine(OrderId order, int line) {
        return db.sql("select " + COLUMNS + " from review where order_id = :o and line_no = :l")
                .bind("o", order.value()).bind("l", line).map((row, md) -> review(row)).one();
    }

    public Flux<Review> ofOrder(OrderId order) {
        return db.sql("select " + COLUMNS + " from review where order_id = :o order by line_no").bind("o", order.value())
                .map((row, md) -> review(row)).all();
    }

    /** The product's visible reviews, newest first. */
    public Flux<Review> visible(ProductId product, int offset, int limit) {
        return db.sql("select " + COLUMNS + " from review where product_id = :p and hidden_at is null order by created_at desc, id offset :o limit :n")
                .bind("p", product.value()).bind("o", offset).bind("n", limit).map((row, md) -> review(row)).all();
    }

    public Mono<Long> countVisible(ProductId product) {
        return db.sql("select count(*) as n from review where product_id = :p and hidden_at is null").bind("p", product.value())
                .map((row, md) -> row.get("n", Long.class)).one();
    }

    /** The reviews of the producer's products, hidden ones too, newest first. */
    public Flux<Review> ofProducer(ProducerId producer, int offset, int limit) {
        return db.sql("select " + COLUMNS + " from review where producer_id = :p order by created_at desc, id offset :o limit :n")
                .bind("p", producer.value()).bind("o", offset).bind("n", limit).map((row, md) -> review(row)).all();
    }

    /** Every review, hidden ones too, newest first. */
    public Flux<Review> all(int offset, int limit) {
        return db.sql("select " + COLUMNS + " from review order by created_at desc, id offset :o limit :n")
                .bind("o", offset).bind("n", limit).map((row, md) -> review(row)).all();
    }

    public Mono<CheckedImage> photo(ReviewId id, int position) {
        return db.sql("select content_type, bytes from review_photo where review_id = :id and position = :p")
                .bind("id", id.value()).bind("p", position)
                .map((row, md) -> {
                    ByteBuffer buffer = row.get("bytes", ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return new CheckedImage(row.get("content_type", String.class), bytes);
                }).one();
    }

    private static Review review(Readable row) {
        String reply = row.get("reply", String.class);
        String hidden = row.get("hidden_reason", String.class);
        return new Review(new ReviewId(row.get("id", UUID.class)), new OrderId(row.get("order_id", UUID.class)), row.get("line_no", Integer.class),
                row.get("account_id", UUID.class), new ProducerId(row.get("producer_id", UUID.class)), new ProductId(row.get("product_id", UUID.class)),
                row.get("product_name", String.class), new Stars(row.get("stars", Integer.class)), row.get("comment", String.class),
                row.get("author_name", String.class), row.get("photo_count", Integer.class), row.get("created_at", OffsetDateTime.class),
                reply == null ? null : new Review.Reply(reply, row.get("replied_at", OffsetDateTime.class), row.get("replied_by", String.class)),
                hidden == null ? null : new Review.Hidden(hidden, row.get("hidden_at", OffsetDateTime.class), row.get("hidden_by", String.class)));
    }
}
