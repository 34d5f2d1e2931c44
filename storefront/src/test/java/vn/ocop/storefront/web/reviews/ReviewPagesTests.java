package vn.ocop.storefront.web.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Reviews through the pages and the API: the "Đánh giá" form on a delivered line (post, then redirect), nobody but
 * the buyer may review (403 for other roles, nothing written), one review a line (the same again is 200, another 409),
 * the public list without e-mail, the producer's one reply, ADMIN hiding one only once confirmed; and producers' pages.
 */
@StorefrontTest
class ReviewPagesTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String SHOPPER = "shopper@demo.ocop.vn";
    static final String PRODUCER = "producer@demo.ocop.vn";
    static final String ADMIN = "admin@demo.ocop.vn";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    @Test
    void aBuyerReviewsADeliveredLineOnceTheProducerRepliesOnceAndAdminHidesItOnceConfirmed() throws IOException {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        UUID product = new StockedProducts(db, inventory).productOf(PRODUCER, 2);
        String orderId = deliveredCodOrder(product);
        String review = "/api/v1/orders/" + orderId + "/lines/1/review";
        for (String other : List.of(PRODUCER, ADMIN)) {
            api(other).post().uri(review).contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form("stars", "1")))
                    .exchange().expectStatus().isForbidden();
        }
        assertThat(reviewsOf(product)).as("nothing written when refused").isZero();

        SignedIn shopper = SignedIn.as(web, SHOPPER, PASSWORD);
        String orderPage = shopper.page("/orders/" + orderId);
        assertThat(orderPage).contains("/orders/" + orderId + "/lines/1/review").contains("type=\"radio\" name=\"stars\"");
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("_csrf", shopper.csrf("/orders/" + orderId));
        parts.part("stars", "5");
        parts.part("comment", "Mật ong thơm, đóng gói cẩn thận");
        parts.part("photos", new ByteArrayResource(png()) {
            @Override
            public String getFilename() {
                return "hu-mat-ong.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        String location = shopper.request(web.post().uri("/orders/" + orderId + "/lines/1/review").accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())))
                .expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/orders/" + orderId + "?reviewed=1");
        assertThat(shopper.page(location.substring(0, location.indexOf('#')))).contains("Cảm ơn bạn đã đánh giá")
                .doesNotContain("/lines/1/review\"");

        // the same review again answers the one written (without its photo it is another review: refused)
        api(SHOPPER).post().uri(review).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form("stars", "2", "comment", "Đổi ý"))).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.code").isEqualTo("already-reviewed")
                .jsonPath("$.type").isEqualTo("https://ocop.vn/problems/already-reviewed");
        assertThat(reviewsOf(product)).isEqualTo(1);

        Map<?, ?> list = web.get().uri("/api/v1/products/{id}/reviews", product).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(list.get("reviewCount")).isEqualTo(1);
        assertThat(list.get("averageRating")).isEqualTo(5.0);
        assertThat(list.toString()).contains("N. T. Mai").doesNotContain("@").doesNotContain(SHOPPER);
        String reviewId = (String) ((Map<?, ?>) ((List<?>) list.get("reviews")).get(0)).get("id");
        web.get().uri("/api/v1/products/{p}/reviews/{r}/photos/1", product, reviewId).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.IMAGE_JPEG);
        String productPage = web.get().uri("/products/{id}", product).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(productPage).contains("Mật ong thơm, đóng gói cẩn thận").contains("5,0 · 1 đánh giá").contains("href=\"/producers/");

        SignedIn producer = SignedIn.as(web, PRODUCER, PASSWORD);
        assertThat(producer.page("/producer/reviews")).contains("/producer/reviews/" + reviewId + "/reply");
        producer.post("/producer/reviews/" + reviewId + "/reply", form("_csrf", producer.csrf("/producer/reviews"), "text", "Cảm ơn chị đã tin dùng"))
                .expectStatus().is3xxRedirection();
        api(PRODUCER).post().uri("/api/v1/producer/reviews/{id}/reply", reviewId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Lần hai")).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("already-replied");

        SignedIn admin = SignedIn.as(web, ADMIN, PASSWORD);
        assertThat(admin.page("/admin/reviews")).contains("/admin/reviews/" + reviewId + "/hide");
        assertThat(admin.post("/admin/reviews/" + reviewId + "/hide", form("_csrf", admin.csrf("/admin/reviews"), "reason", "Nội dung quảng cáo"))
                .expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString())
                .as("not confirmed: nothing hidden").contains("review.error.unconfirmed");
        admin.post("/admin/reviews/" + reviewId + "/hide", form("_csrf", admin.csrf("/admin/reviews"), "reason", "Nội dung quảng cáo",
                "confirm", "yes")).expectStatus().is3xxRedirection();

        web.get().uri("/api/v1/products/{id}/reviews", product).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.reviewCount").isEqualTo(0).jsonPath("$.reviews.length()").isEqualTo(0);
        web.get().uri("/api/v1/products/{p}/reviews/{r}/photos/1", product, reviewId).exchange().expectStatus().isNotFound();
        assertThat(shopper.page("/orders/" + orderId)).contains("Đánh giá này đã bị ẩn. Lý do: Nội dung quảng cáo");
    }

    @Test
    void aProducerPageShowsItsRankingsAndProductsOnSaleAndUnknownProducersAreNotFound() {
        UUID product = new StockedProducts(db, inventory).productOf(PRODUCER, 2);
        UUID producerId = db.sql("select producer_id from product where id = :id").bind("id", product)
                .map((r, md) -> r.get(0, UUID.class)).one().block();
        String name = db.sql("select name from product where id = :id").bind("id", product).map((r, md) -> r.get(0, String.class)).one().block();

        String page = web.get().uri("/producers/{id}", producerId).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page)).contains(name).contains("Chứng nhận OCOP đang hiệu lực")
                .contains("Sản phẩm đang bán").contains("Ảnh minh hoạ").doesNotContain("COOPERATIVE").doesNotContain("HOUSEHOLD").doesNotContain("ENTERPRISE");
        web.get().uri("/producers/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    private long reviewsOf(UUID product) {
        return db.sql("select count(*) from review where product_id = :p").bind("p", product).map((r, md) -> r.get(0, Long.class)).one().block();
    }

    /** A COD delivery of one of the demo producer's products, confirmed, shipped and delivered over the API. */
    private String deliveredCodOrder(UUID product) {
        Map<?, ?> order = api(SHOPPER).post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", List.of(Map.of("productId", product, "quantity", 1)),
                        "contact", Map.of("name", "Nguyễn Thị Mai", "phone", "0912345678", "email", "mai.nguyen@example.vn"),
                        "delivery", Map.of("provinceCode", "01", "communeCode", "00070", "street", "25 phố Hàng Bạc"), "payment", "COD"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String orderId = (String) order.get("id");
        String fulfilment = db.sql("select id from fulfilment where order_id = :o").bind("o", UUID.fromString(orderId))
                .map((r, m) -> r.get("id", UUID.class).toString()).one().block();
        WebTestClient producer = api(PRODUCER);
        producer.post().uri("/api/v1/producer/fulfilments/{id}/confirm", fulfilment).exchange().expectStatus().isOk();
        producer.post().uri("/api/v1/producer/fulfilments/{id}/ship", fulfilment).exchange().expectStatus().isOk();
        Number due = (Number) producer.get().uri("/api/v1/producer/fulfilments/{id}", fulfilment).exchange().expectBody(Map.class)
                .returnResult().getResponseBody().get("amountToCollectVnd");
        producer.post().uri("/api/v1/producer/fulfilments/{id}/delivered", fulfilment).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("collectedVnd", due.longValue())).exchange().expectStatus().isOk();
        return orderId;
    }

    private WebTestClient api(String email) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(email, PASSWORD)).build();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
