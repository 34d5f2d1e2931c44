package vn.ocop.storefront.web.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * The complaint's main path through the pages, with GreenMail standing in for the SMTP server: the "Khiếu nại" button
 * on a delivered line, the form with a photo, the producer's offer on its complaints page, the shopper's accepting it
 * only once confirmed, an e-mail at each change, and each role's view over the API.
 */
@StorefrontTest
class ComplaintPagesTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String SHOPPER = "shopper@demo.ocop.vn";
    static final String PRODUCER = "producer@demo.ocop.vn";

    @RegisterExtension
    static final Mailbox.SmtpServer smtp = Mailbox.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        Mailbox.sendTo(smtp, properties);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    @Test
    void aShopperComplainsAboutADeliveredLineTheProducerOffersARefundAndTheShopperAcceptsItOnceConfirmed() throws Exception {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        String orderId = deliveredCodOrder();
        SignedIn shopper = SignedIn.as(web, SHOPPER, PASSWORD);

        String orderPage = shopper.page("/orders/" + orderId);
        assertThat(orderPage).contains("Khiếu nại").contains("/orders/" + orderId + "/complaints/new?line=1");
        String csrf = shopper.csrf("/orders/" + orderId + "/complaints/new?line=1");

        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("_csrf", csrf);
        parts.part("line", "1");
        parts.part("reason", "DAMAGED");
        parts.part("text", "Nắp hũ bị nứt, mật ong chảy ra ngoài");
        parts.part("photos", new ByteArrayResource(png()) {
            @Override
            public String getFilename() {
                return "nap-vo.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        URI complaint = shopper.request(web.post().uri("/orders/" + orderId + "/complaints").accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())))
                .expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation();
        String complaintId = complaint.getPath().substring("/complaints/".length());

        assertThat(shopper.page(complaint.getPath())).contains("Chờ nhà sản xuất trả lời").contains("Nắp hũ bị nứt")
                .contains("/api/v1/complaints/" + complaintId + "/photos/1");
        api(SHOPPER).get().uri("/api/v1/complaints/{id}/photos/1", complaintId).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.IMAGE_JPEG);
        assertThat(shopper.page("/orders/" + orderId)).as("one complaint a line").doesNotContain("/complaints/new?line=1")
                .contains("/complaints/" + complaintId);

        SignedIn producer = SignedIn.as(web, PRODUCER, PASSWORD);
        assertThat(producer.page("/producer/complaints")).contains("Hàng bị hư hỏng").contains("/producer/complaints/" + complaintId + "/offer")
                .contains("/api/v1/producer/complaints/" + complaintId + "/photos/1");
        api(PRODUCER).get().uri("/api/v1/producer/complaints/{id}/photos/1", complaintId).exchange().expectStatus().isOk();
        producer.post("/producer/complaints/" + complaintId + "/offer", form("_csrf", producer.csrf("/producer/complaints"),
                "amountVnd", "50000", "returnTo", "", "text", "Xin lỗi chị, shop hoàn một phần")).expectStatus().is3xxRedirection();
        api(PRODUCER).get().uri("/api/v1/producer/complaints/{id}", complaintId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.offerVnd").isEqualTo(50000).jsonPath("$.thread[0].by").doesNotExist()
                .consumeWith(r -> assertThat(new String(r.getResponseBody())).doesNotContain(SHOPPER));

        String unconfirmed = html(shopper.post(complaint.getPath() + "/accept", form("_csrf", shopper.csrf(complaint.getPath())))
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(unconfirmed).contains("Hãy đánh dấu ô xác nhận");
        shopper.post(complaint.getPath() + "/accept", form("_csrf", shopper.csrf(complaint.getPath()), "confirmed", "true"))
                .expectStatus().is3xxRedirection();

        assertThat(shopper.page(complaint.getPath())).contains("Đã giải quyết").contains("do nhà sản xuất hoàn lại tiền mặt");
        api(SHOPPER).get().uri("/api/v1/complaints/{id}", complaintId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("RESOLVED").jsonPath("$.refundVnd").isEqualTo(50000).jsonPath("$.refundVia").isEqualTo("PRODUCER");
        api(PRODUCER).get().uri("/api/v1/complaints/{id}", complaintId).exchange().expectStatus().isForbidden();
        api("admin@demo.ocop.vn").post().uri("/api/v1/admin/complaints/{id}/decision", complaintId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amountVnd", 1, "reason", "Quyết định khi đã giải quyết")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.code").isEqualTo("invalid-state");

        assertThat(smtp.waitForIncomingEmail(15_000, 7)).isTrue();
        List<String> subjects = Arrays.stream(smtp.getReceivedMessages()).map(ComplaintPagesTests::subject).toList();
        assertThat(subjects).anyMatch(s -> s.startsWith("Đã nhận khiếu nại về đơn hàng"))
                .anyMatch(s -> s.startsWith("Nhà sản xuất đề nghị hoàn tiền"))
                .anyMatch(s -> s.endsWith("đã được giải quyết") && s.startsWith("Khiếu nại"));
    }

    @Test
    void adminDecidesADisputedComplaintOnItsPageOnlyOnceConfirmed() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        String orderId = deliveredCodOrder();
        String complaintId = (String) api(SHOPPER).post().uri("/api/v1/orders/{id}/complaints", orderId).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form("line", "1", "reason", "WRONG_ITEM", "text", "Nhận được trà thay vì mật ong")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        api(PRODUCER).post().uri("/api/v1/producer/complaints/{id}/dispute", complaintId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Chúng tôi đã gửi đúng sản phẩm")).exchange().expectStatus().isOk();
        api(SHOPPER).post().uri("/api/v1/orders/{id}/complaints", orderId).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form("line", "1", "reason", "DAMAGED", "text", "Lần thứ hai cho cùng dòng hàng")))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.code").isEqualTo("already-complained");

        SignedIn admin = SignedIn.as(web, "admin@demo.ocop.vn", PASSWORD);
        assertThat(admin.page("/admin/complaints")).contains("Nhận được trà thay vì mật ong").contains("Chúng tôi đã gửi đúng sản phẩm")
                .contains("/admin/complaints/" + complaintId + "/decision");
        admin.post("/admin/complaints/" + complaintId + "/decision", form("_csrf", admin.csrf("/admin/complaints"), "amountVnd", "0",
                "returnTo", "", "text", "Ảnh và phiếu gửi cho thấy đúng sản phẩm")).expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
        admin.post("/admin/complaints/" + complaintId + "/decision", form("_csrf", admin.csrf("/admin/complaints"), "amountVnd", "0",
                "returnTo", "", "text", "Ảnh và phiếu gửi cho thấy đúng sản phẩm", "confirmed", "true")).expectStatus().is3xxRedirection();

        api(SHOPPER).get().uri("/api/v1/complaints/{id}", complaintId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REJECTED").jsonPath("$.thread[2].kind").isEqualTo("DECIDED");
        assertThat(admin.page("/admin/complaints")).doesNotContain("/admin/complaints/" + complaintId + "/decision");
    }

    /** A COD delivery of one of the demo producer's products, confirmed, shipped and delivered over the API. */
    private String deliveredCodOrder() {
        UUID product = new StockedProducts(db, inventory).productOf(PRODUCER, 2);
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

    private static String html(WebTestClient.ResponseSpec response) {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(response.expectBody(String.class).returnResult().getResponseBody());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
