package vn.ocop.storefront.web.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.catalog.testing.TinyImages;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
@TestPropertySource(properties = "ocop.images-dir=target/test-images/producer-pages")
class ProducerPagesTests {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    SignedIn producer;

    @BeforeEach
    void signInWithTheForm() {
        producer = SignedIn.as(web, "producer@demo.ocop.vn", "ocop-demo-2026");
    }

    @Test
    void dashboardSaysWhichListingsAreOffSaleAndWhy() {
        String html = producer.page("/producer");

        assertThat(html).contains("Mật ong nhân sâm", "Chứng nhận hết hạn ngày 28/03/2026", "Mật ong rừng sữa ong chúa",
                "Xếp hạng hết hạn trong 60 ngày tới", "Thông báo");
    }

    @Test
    void dashboardSpeaksEnglishWhenAsked() {
        assertThat(producer.page("/producer?lang=en")).contains("My listings", "Certificate expired on 28/03/2026");
    }

    @Test
    void listingCreatedThroughTheFormIsADraft() {
        String csrf = producer.csrf("/producer/products/new");

        String location = producer.post("/producer/products", SignedIn.form("name", "Chè Shan tuyết cổ thụ", "group", "DRINKS",
                        "priceVnd", "180.000", "salesUnit", "gói 200g", "shippingWeightGrams", "250", "description", "Chè Shan tuyết Hà Giang",
                        "_csrf", csrf))
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        assertThat(location).matches("/producer/products/[0-9a-f-]{36}\\?created");
        assertThat(producer.page(location)).contains("Chè Shan tuyết cổ thụ", "Bản nháp", "Đã tạo bản nháp.", "value=\"180000\"",
                "Khối lượng gửi hàng (g)", "cả bao bì", "value=\"250\"", "enctype=\"multipart/form-data\"", "/qr.png", "/verify/");
        assertThat(producer.page(location)).doesNotContain("Đã lưu thay đổi.", "Người khác vừa sửa", "khối lượng demo");
        assertThat(productsNamed("Chè Shan tuyết cổ thụ")).isEqualTo(1);
    }

    @Test
    void badPriceIsShownOnTheFormAndCreatesNothing() {
        String csrf = producer.csrf("/producer/products/new");

        String html = producer.post("/producer/products", SignedIn.form("name", "Trà sen Tây Hồ", "group", "DRINKS",
                        "priceVnd", "0", "salesUnit", "hộp", "shippingWeightGrams", "300", "_csrf", csrf))
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String notANumber = producer.post("/producer/products", SignedIn.form("name", "Trà sen Tây Hồ", "group", "DRINKS",
                        "priceVnd", "nhiều tiền", "salesUnit", "hộp", "shippingWeightGrams", "300", "_csrf", csrf))
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(HtmlUtils.htmlUnescape(html)).contains("Giá bán phải từ 1 ₫ đến 1.000.000.000 ₫.", "value=\"Trà sen Tây Hồ\"");
        assertThat(HtmlUtils.htmlUnescape(notANumber)).contains("Hãy nhập giá bán bằng chữ số", "value=\"Trà sen Tây Hồ\"");
        assertThat(productsNamed("Trà sen Tây Hồ")).isZero();
    }

    @Test
    void badWeightIsShownOnTheFormAndCreatesNothing() {
        String csrf = producer.csrf("/producer/products/new");

        String zero = producer.post("/producer/products", SignedIn.form("name", "Trà sen không cân", "group", "DRINKS",
                        "priceVnd", "95000", "salesUnit", "hộp", "shippingWeightGrams", "0", "_csrf", csrf))
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String notANumber = producer.post("/producer/products", SignedIn.form("name", "Trà sen không cân", "group", "DRINKS",
                        "priceVnd", "95000", "salesUnit", "hộp", "shippingWeightGrams", "1,5 kg", "_csrf", csrf))
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(HtmlUtils.htmlUnescape(zero)).contains("Khối lượng gửi hàng phải từ 1 g đến 50.000 g.", "value=\"Trà sen không cân\"");
        assertThat(HtmlUtils.htmlUnescape(notANumber)).contains("Hãy nhập khối lượng gửi hàng bằng số gam");
        assertThat(productsNamed("Trà sen không cân")).isZero();
    }

    @Test
    void aDemoListingSaysItsWeightIsADemoWeightUntilItIsSaved() {
        Map<String, Object> demo = db.sql("""
                        select p.id, p.name, p.description, p.ocop_group, p.price_vnd, p.sales_unit, p.shipping_weight_g, p.version
                        from product p join producer pr on pr.id = p.producer_id
                        where pr.name = :name and p.demo_weight order by p.name desc limit 1""")
                .bind("name", ProducerApiControllerTests.XUAN_NGUYEN)
                .fetch().one().block();
        String page = "/producer/products/" + demo.get("id");
        String before = producer.page(page);

        producer.post(page, SignedIn.form("name", demo.get("name").toString(), "group", demo.get("ocop_group").toString(),
                        "priceVnd", demo.get("price_vnd").toString(), "salesUnit", demo.get("sales_unit").toString(),
                        "description", demo.get("description").toString(),
                        "shippingWeightGrams", demo.get("shipping_weight_g").toString(), "version", demo.get("version").toString(),
                        "_csrf", producer.csrf(page)))
                .expectStatus().is3xxRedirection().expectHeader().location(page + "?saved");

        assertThat(before).contains("khối lượng demo", "value=\"" + demo.get("shipping_weight_g") + "\"");
        assertThat(producer.page(page)).doesNotContain("khối lượng demo");
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        producer.post("/producer/products", SignedIn.form("name", "Không token", "group", "FOOD", "priceVnd", "1000", "salesUnit", "hộp",
                        "shippingWeightGrams", "500"))
                .expectStatus().isForbidden();
        assertThat(productsNamed("Không token")).isZero();
    }

    @Test
    void listingIsEditedPublishedAndGivenAnImageThroughItsPage() {
        String page = createDraft("Mắm tép Hà Nội");
        String csrf = producer.csrf(page);

        producer.post(page, SignedIn.form("name", "Mắm tép chưng thịt", "group", "FOOD", "priceVnd", "95000", "salesUnit", "hũ 200g",
                "shippingWeightGrams", "1.200", "version", "0", "_csrf", csrf)).expectStatus().is3xxRedirection().expectHeader().location(page + "?saved");
        producer.post(page, SignedIn.form("name", "Mắm tép cũ", "group", "FOOD", "priceVnd", "95000", "salesUnit", "hũ 200g",
                "shippingWeightGrams", "240", "version", "0", "_csrf", csrf)).expectStatus().is3xxRedirection().expectHeader().location(page + "?stale");
        producer.post(page + "/publish", SignedIn.form("_csrf", csrf)).expectStatus().is3xxRedirection()
                .expectHeader().location(page + "?published");
        MultipartBodyBuilder upload = new MultipartBodyBuilder();
        upload.part("_csrf", csrf);
        upload.part("file", TinyImages.jpeg()).filename("mam-tep.jpg").contentType(MediaType.IMAGE_JPEG);
        producer.request(web.post().uri(page + "/images").body(BodyInserters.fromMultipartData(upload.build())))
                .expectStatus().is3xxRedirection().expectHeader().location(page + "?imageAdded");

        String html = producer.page(page + "?imageAdded");
        assertThat(html).contains("Mắm tép chưng thịt", "Đã đăng", "Phiên bản 2", "Đã thêm ảnh.", "value=\"1200\"")
                .containsPattern("/images/products/[0-9a-f-]{36}\\.jpg");
    }

    @Test
    void rejectedImageIsExplainedOnThePage() {
        String page = createDraft("Bánh cáy Thái Bình");
        MultipartBodyBuilder upload = new MultipartBodyBuilder();
        upload.part("_csrf", producer.csrf(page));
        upload.part("file", "plain text".getBytes()).filename("banh.png").contentType(MediaType.IMAGE_PNG);

        String location = producer.request(web.post().uri(page + "/images").body(BodyInserters.fromMultipartData(upload.build())))
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        assertThat(producer.page(location)).contains("Chỉ nhận ảnh JPEG, PNG hoặc WebP");
    }

    @Test
    void imageTooLargeToDecodeOrNotDecodingIsExplainedOnThePage() {
        String page = createDraft("Bánh gai Ninh Giang");

        assertThat(producer.page(uploadRejected(page, "bom.png", TinyImages.pngClaiming(100_000, 100_000))))
                .contains("Ảnh rộng hoặc cao hơn 6.000 điểm ảnh");
        assertThat(producer.page(uploadRejected(page, "hong.jpg", Arrays.copyOf(TinyImages.jpeg(), 3))))
                .contains("Không đọc được tệp ảnh");
    }

    private String uploadRejected(String page, String name, byte[] bytes) {
        MultipartBodyBuilder upload = new MultipartBodyBuilder();
        upload.part("_csrf", producer.csrf(page));
        upload.part("file", bytes).filename(name).contentType(MediaType.IMAGE_JPEG);
        String location = producer.request(web.post().uri(page + "/images").body(BodyInserters.fromMultipartData(upload.build())))
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        assertThat(location).contains("imageRejected=");
        return location;
    }

    @Test
    void anotherProducersListingPageIsNotFound() {
        UUID theirs = db.sql("select p.id from product p join producer pr on pr.id = p.producer_id where pr.name <> :name limit 1")
                .bind("name", ProducerApiControllerTests.XUAN_NGUYEN)
                .map((row, md) -> row.get("id", UUID.class)).one().block();

        producer.request(web.get().uri("/producer/products/{id}", theirs).accept(MediaType.TEXT_HTML)).expectStatus().isNotFound();
    }

    @Test
    void shopperCannotOpenTheDashboard() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");

        shopper.request(web.get().uri("/producer").accept(MediaType.TEXT_HTML)).expectStatus().isForbidden();
    }

    private String createDraft(String name) {
        String csrf = producer.csrf("/producer/products/new");
        String location = producer.post("/producer/products", SignedIn.form("name", name, "group", "FOOD",
                        "priceVnd", "120000", "salesUnit", "hộp", "shippingWeightGrams", "500", "_csrf", csrf))
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        return location.substring(0, location.indexOf('?'));
    }

    private long productsNamed(String name) {
        return db.sql("select count(*) as n from product where name = :name").bind("name", name)
                .map((row, md) -> row.get("n", Long.class)).one().block();
    }
}
