package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.NoticeMailer;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.listings.ProducerShowcase;
import vn.ocop.catalog.listings.ProductCard;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductRatings;
import vn.ocop.catalog.listings.Rating;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * Reviews on real PostgreSQL: only the buyer of a delivered or collected line reviews it, once (the same review again
 * answers the one written, a different one is refused with nothing written); the owning producer replies once; ADMIN
 * hides one and it leaves the product's rating, its card, its page and the producer's page.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(ReviewsIntegrationTests.Fakes.class)
@OwnDatabase
class ReviewsIntegrationTests {

    @TestConfiguration
    static class Fakes {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-12-08T03:00:00Z"));
        }

        @Bean
        NoticeMailer mailer() {
            return (to, subject, body) -> Mono.empty();
        }
    }

    @Autowired
    Checkout checkout;
    @Autowired
    Orders orders;
    @Autowired
    Fulfilments fulfilments;
    @Autowired
    Reviews reviews;
    @Autowired
    ProductRatings ratings;
    @Autowired
    ProducerShowcase showcase;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    ProducerId producer;
    ProductId honey;
    UUID shopper;

    @BeforeEach
    void aProductCanBeBought() {
        fixtures = new StockFixtures(db);
        producer = fixtures.catalog().producer("HTX Mật ong Đánh giá", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong đánh giá", catalog.today()).block();
        fixtures.warehouse(producer).block();
        LocationId showroom = fixtures.showroom("Showroom Đánh giá", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 50, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
    }

    @Test
    void onlyTheBuyerOfACompletedLineReviewsItOnceAndTheSameReviewAgainIsSafe() {
        Order placed = placed(shopper);
        refused(() -> reviews.write(shopper, placed.id(), 1, 5, "Chưa nhận mà", List.of()).block(), OrdersErrorCode.LINE_NOT_COMPLETED);
        Order order = delivered(placed);
        refused(() -> reviews.write(UUID.randomUUID(), order.id(), 1, 5, "Của người khác", List.of()).block(), OrdersErrorCode.NOT_FOUND);
        refused(() -> reviews.write(shopper, order.id(), 1, 6, null, List.of()).block(), OrdersErrorCode.INVALID_REQUEST);
        assertThat(count()).as("nothing written when refused").isZero();
        assertThat(reviews.reviewableLines(order).block()).containsExactly(1);

        Reviews.Written first = reviews.write(shopper, order.id(), 1, 4, "  Mật ong thơm, đóng gói cẩn thận ", List.of()).block();
        Reviews.Written again = reviews.write(shopper, order.id(), 1, 4, "Mật ong thơm, đóng gói cẩn thận", List.of()).block();

        assertThat(first.created()).isTrue();
        assertThat(first.review().author()).as("initials and given name, no e-mail").isEqualTo("N. T. Mai");
        assertThat(again.created()).as("a retry answers the review written").isFalse();
        assertThat(again.review().id()).isEqualTo(first.review().id());
        refused(() -> reviews.write(shopper, order.id(), 1, 1, "Đổi ý", List.of()).block(), OrdersErrorCode.ALREADY_REVIEWED);
        assertThat(count()).isEqualTo(1);
        assertThat(ratings.of(honey).block()).isEqualTo(new Rating(4, 1));
        assertThat(reviews.reviewableLines(order).block()).isEmpty();
    }

    @Test
    void theOwningProducerRepliesOnceAndNoOtherProducerCan() {
        Review review = reviews.write(shopper, delivered(placed(shopper)).id(), 1, 5, null, List.of()).block().review();
        ProducerId other = fixtures.catalog().producer("HTX Khác", null).block();

        refused(() -> reviews.reply(other, review.id(), "Không phải của tôi", "khac").block(), OrdersErrorCode.NOT_FOUND);
        Review replied = reviews.reply(producer, review.id(), "Cảm ơn bạn đã tin dùng", "htx").block();
        refused(() -> reviews.reply(producer, review.id(), "Lần hai", "htx").block(), OrdersErrorCode.ALREADY_REPLIED);

        assertThat(replied.reply().text()).isEqualTo("Cảm ơn bạn đã tin dùng");
        assertThat(reviews.find(review.id()).block().reply().text()).as("the first reply is kept").isEqualTo("Cảm ơn bạn đã tin dùng");
    }

    @Test
    void aHiddenReviewLeavesTheAverageTheCardAndThePagesButItsAuthorSeesWhy() {
        UUID other = UUID.randomUUID();
        Review five = reviews.write(shopper, delivered(placed(shopper)).id(), 1, 5, "Tuyệt vời", List.of()).block().review();
        Review two = reviews.write(other, delivered(placed(other)).id(), 1, 2, "Quảng cáo sai sự thật", List.of()).block().review();
        assertThat(card().rating().average()).hasToString("3.5");
        assertThat(showcase.page(producer).block().rating()).isEqualTo(new Rating(7, 2));

        reviews.hide(two.id(), "Nội dung quảng cáo", "admin").block();
        refused(() -> reviews.hide(two.id(), "Ẩn lần hai", "admin").block(), OrdersErrorCode.INVALID_STATE);

        assertThat(ratings.of(honey).block()).as("hidden once, taken away once").isEqualTo(new Rating(5, 1));
        assertThat(card().rating().average()).hasToString("5.0");
        assertThat(catalog.product(honey).block().rating().count()).isEqualTo(1);
        assertThat(showcase.page(producer).block().rating()).isEqualTo(new Rating(5, 1));
        assertThat(reviews.visible(honey, 0, 10).map(Review::id).collectList().block()).containsExactly(five.id());
        assertThat(reviews.countVisible(honey).block()).isEqualTo(1L);
        Review seen = reviews.ofOrder(other, two.order()).blockFirst();
        assertThat(seen.visible()).isFalse();
        assertThat(seen.hidden().reason()).isEqualTo("Nội dung quảng cáo");
    }

    @Test
    void theProducerPageShowsRankingsProductsOnSaleAndIsNotFoundWhenSuspended() {
        var page = showcase.page(producer).block();
        assertThat(page.products()).extracting(ProductCard::name).containsExactly("Mật ong đánh giá");
        assertThat(page.rankings()).extracting(r -> r.product()).containsExactly(honey);
        assertThat(page.rating().rated()).isFalse();

        db.sql("update producer set status = 'SUSPENDED' where id = :id").bind("id", producer.value()).then().block();
        assertThatThrownBy(() -> showcase.page(producer).block()).isInstanceOf(vn.ocop.catalog.CatalogException.class);
        assertThatThrownBy(() -> showcase.page(new ProducerId(UUID.randomUUID())).block()).isInstanceOf(vn.ocop.catalog.CatalogException.class);
    }

    private ProductCard card() {
        return catalog.sellableProducts(List.of(honey)).blockFirst();
    }

    private long count() {
        return db.sql("select count(*) from review where product_id = :p").bind("p", honey.value()).map((r, md) -> r.get(0, Long.class)).one().block();
    }

    private Order placed(UUID buyer) {
        return checkout.place(new OrderRequest(UUID.randomUUID().toString(), buyer, List.of(new OrderRequest.Line(honey, 1)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.delivery("01", "00070", "25 Hàng Bạc"),
                PaymentMethod.COD)).block().order();
    }

    private Order delivered(Order order) {
        UUID parcel = order.fulfilments().get(0).id();
        fulfilments.confirm(producer, parcel, "htx").block();
        fulfilments.ship(producer, parcel, "htx").block();
        fulfilments.delivered(producer, parcel, order.fulfilments().get(0).total(), "htx").block();
        return orders.mine(order.account(), order.id()).block();
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, OrdersErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
