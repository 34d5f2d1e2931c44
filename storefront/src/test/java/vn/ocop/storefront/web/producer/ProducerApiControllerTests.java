package vn.ocop.storefront.web.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import vn.ocop.catalog.testing.TinyImages;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
@TestPropertySource(properties = "ocop.images-dir=target/test-images/producer-api")
class ProducerApiControllerTests {

    static final String XUAN_NGUYEN = "Công ty CP Tập đoàn Xuân Nguyên";
    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @LocalServerPort
    int port;

    WebTestClient producer;

    @BeforeEach
    void signInAsTheDemoProducer() {
        producer = web.mutate().defaultHeaders(h -> h.setBasicAuth("producer@demo.ocop.vn", PASSWORD)).build();
    }

    @Test
    void demoListingWhoseRankingLapsedSaysTheCertificateExpired() {
        producer.get().uri("/api/v1/producer/products").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.name == 'Mật ong nhân sâm')].onSale").isEqualTo(false)
                .jsonPath("$[?(@.name == 'Mật ong nhân sâm')].reasonCode").isEqualTo("EXPIRED")
                .jsonPath("$[?(@.name == 'Mật ong nhân sâm')].reason").isEqualTo("certificate expired on 2026-03-28")
                .jsonPath("$[?(@.name == 'Mật ong nhân sâm')].stars").isEqualTo(4)
                .jsonPath("$[?(@.name == 'Mật ong nhân sâm')].validUntil").isEqualTo("2026-03-28")
                .jsonPath("$[?(@.name == 'Mật ong nhân sâm')].demoWeight").isEqualTo(true)
                .jsonPath("$[?(@.name == 'Mật ong rừng sữa ong chúa')].onSale").isEqualTo(true)
                .jsonPath("$[?(@.reason == 'certificate expired on 2026-03-28')].name").value(List.class,
                        names -> assertThat(names).containsExactlyInAnyOrder("Mật ong nhân sâm", "Mật ong nghệ viên vàng",
                                "Mật ong nghệ viên đen", "Tinh bột nghệ vàng"));
    }

    @Test
    void anotherProducersProductIsA404ProblemAndStaysAsItWas() {
        UUID theirs = productOfAnotherProducer();
        Map<String, Object> before = product(theirs);

        expectNotFound(producer.get().uri("/api/v1/producer/products/{id}", theirs).exchange());
        expectNotFound(producer.put().uri("/api/v1/producer/products/{id}", theirs).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(honey("Hàng của người khác", 0L)).exchange());
        expectNotFound(producer.post().uri("/api/v1/producer/products/{id}/archive", theirs).exchange());
        expectNotFound(producer.post().uri("/api/v1/producer/products/{id}/publish", theirs).exchange());
        expectNotFound(producer.post().uri("/api/v1/producer/products/{id}/images", theirs)
                .body(BodyInserters.fromMultipartData(image("a.png", TinyImages.png()))).exchange());
        producer.get().uri("/producer/products/{id}/qr.png", theirs).exchange().expectStatus().isNotFound();

        assertThat(product(theirs)).isEqualTo(before);
        assertThat(count("select count(*) from product_image where product_id = '" + theirs + "'")).isZero();
    }

    @Test
    void shopperIsForbidden() {
        web.get().uri("/api/v1/producer/products").headers(h -> h.setBasicAuth("shopper@demo.ocop.vn", PASSWORD)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anonymousIsAskedToSignIn() {
        web.get().uri("/api/v1/producer/products").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/producer/products").contentType(MediaType.APPLICATION_JSON).bodyValue(honey("Mật ong", null)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void invalidListingIsA400WithFieldErrorsAndWritesNothing() {
        long before = count("select count(*) from product");

        producer.post().uri("/api/v1/producer/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "M", "priceVnd", 0, "salesUnit", "", "description", "x".repeat(5001)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'group')]").exists()
                .jsonPath("$.errors[?(@.field == 'priceVnd')]").exists()
                .jsonPath("$.errors[?(@.field == 'salesUnit')]").exists()
                .jsonPath("$.errors[?(@.field == 'shippingWeightGrams')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists();
        producer.post().uri("/api/v1/producer/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Mật ong", "group", "FOOD", "priceVnd", 1_000_000_001L, "salesUnit", "chai",
                        "shippingWeightGrams", 650))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("priceVnd");
        producer.post().uri("/api/v1/producer/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(weighing(honey("Mật ong không cân", null), 0))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1).jsonPath("$.errors[0].field").isEqualTo("shippingWeightGrams");

        assertThat(count("select count(*) from product")).isEqualTo(before);
    }

    @Test
    void listingIsCreatedEditedPublishedAndArchivedWithVersions() {
        var created = producer.post().uri("/api/v1/producer/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(honey("Mật ong bạc hà Hà Giang", null)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        String location = created.getResponseHeaders().getLocation().toString();
        assertThat(created.getResponseBody()).containsEntry("status", "DRAFT").containsEntry("version", 0)
                .containsEntry("onSale", false).containsEntry("reasonCode", "DRAFT")
                .containsEntry("shippingWeightGrams", 650).containsEntry("demoWeight", false);
        assertThat(location).isEqualTo("/api/v1/producer/products/" + created.getResponseBody().get("id"));

        producer.put().uri(location).contentType(MediaType.APPLICATION_JSON).bodyValue(weighing(honey("Mật ong nặng", 0L), 50_001)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("shippingWeightGrams");
        producer.put().uri(location).contentType(MediaType.APPLICATION_JSON).bodyValue(weighing(honey("Mật ong bạc hà", 0L), 1_200)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.name").isEqualTo("Mật ong bạc hà")
                .jsonPath("$.shippingWeightGrams").isEqualTo(1_200);
        producer.put().uri(location).contentType(MediaType.APPLICATION_JSON).bodyValue(honey("Mật ong cũ", 0L)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("stale-version");
        producer.put().uri(location).contentType(MediaType.APPLICATION_JSON).bodyValue(honey("Không phiên bản", null)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
        producer.post().uri(location + "/publish").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE").jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.reasonCode").isEqualTo("NO_RANKING");
        producer.post().uri(location + "/publish").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("invalid-state");
        producer.post().uri(location + "/archive").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ARCHIVED").jsonPath("$.version").isEqualTo(3);
        producer.put().uri(location).contentType(MediaType.APPLICATION_JSON).bodyValue(honey("Mật ong lưu trữ", 3L)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("invalid-state");
    }

    @Test
    void uploadedImageIsStoredAndServedToAnyoneWithItsBytesAndType() {
        String id = createListing("Mật ong có ảnh");
        byte[] png = TinyImages.png();

        var stored = producer.post().uri("/api/v1/producer/products/{id}/images", id)
                .body(BodyInserters.fromMultipartData(image("mat-ong.png", png))).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        String url = (String) stored.getResponseBody().get("url");

        assertThat(url).matches("/images/products/[0-9a-f-]{36}\\.png");
        assertThat(stored.getResponseHeaders().getLocation()).hasToString(url);
        byte[] served = web.get().uri(url).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(png);
        producer.get().uri("/api/v1/producer/products/{id}", id).exchange()
                .expectBody().jsonPath("$.images[0]").isEqualTo(url);
    }

    @Test
    void textFileCalledPngIsRejectedWithA400() {
        String id = createListing("Mật ong không ảnh");
        byte[] text = "not an image at all".getBytes(StandardCharsets.UTF_8);

        producer.post().uri("/api/v1/producer/products/{id}/images", id)
                .body(BodyInserters.fromMultipartData(image("anh.png", text))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("image-rejected")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("JPEG, PNG and WebP"));
        assertThat(count("select count(*) from product_image where product_id = '" + id + "'")).isZero();
    }

    @Test
    void uploadFarBeyondTheLimitIsRefusedWhileItIsRead() {
        String id = createListing("Mật ong ảnh lớn");
        byte[] huge = Arrays.copyOf(TinyImages.png(), 5 * 1024 * 1024);

        producer.post().uri("/api/v1/producer/products/{id}/images", id)
                .body(BodyInserters.fromMultipartData(image("lon.png", huge))).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/producer/products/{id}/images", id)
                .body(BodyInserters.fromMultipartData(image("lon.png", huge))).exchange()
                .expectStatus().is4xxClientError();
        assertThat(count("select count(*) from product_image where product_id = '" + id + "'")).isZero();
    }

    @Test
    void imageJustOverTwoMegabytesIsRejectedWithA400() {
        String id = createListing("Mật ong ảnh hơi lớn");
        byte[] large = Arrays.copyOf(TinyImages.png(), 2 * 1024 * 1024 + 1);

        producer.post().uri("/api/v1/producer/products/{id}/images", id)
                .body(BodyInserters.fromMultipartData(image("lon.png", large))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("image-rejected");
    }

    @Test
    void imageNamesThatAreNotOursAreNotFound() {
        web.get().uri("/images/products/{file}", UUID.randomUUID() + ".png").exchange().expectStatus().isNotFound();
        web.get().uri("/images/products/..%2F..%2Fpom.xml").exchange().expectStatus().is4xxClientError();
        web.get().uri("/images/products/passwd.png").exchange().expectStatus().isNotFound();
    }

    @Test
    void qrCodeDecodesToTheAbsoluteVerificationAddress() throws Exception {
        String id = createListing("Mật ong có mã QR");
        String code = producer.get().uri("/api/v1/producer/products/{id}", id).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("verificationCode").toString();

        byte[] png = producer.get().uri("/producer/products/{id}/qr.png", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(decodeQr(png)).isEqualTo("http://localhost:" + port + "/verify/" + code);
    }

    @Test
    void expiringRankingsAndNoticesAreListed() {
        producer.get().uri("/api/v1/producer/rankings/expiring?days=365").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$").isArray();
        producer.get().uri("/api/v1/producer/rankings/expiring?days=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("days");
        producer.get().uri("/api/v1/producer/notices").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$").isArray();
    }

    @Test
    void producerEndpointsAreInTheOpenApiDocument() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/producer/products'].post.summary").isEqualTo("Create a listing")
                .jsonPath("$.paths['/api/v1/producer/products/{id}/images'].post").exists()
                .jsonPath("$.paths['/api/v1/producer/rankings/expiring'].get").exists();
    }

    private String createListing(String name) {
        return producer.post().uri("/api/v1/producer/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(honey(name, null)).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody()
                .get("id").toString();
    }

    private static Map<String, Object> honey(String name, Long version) {
        var body = new HashMap<String, Object>(Map.of("name", name, "description", "Mật ong nguyên chất",
                "group", "FOOD", "priceVnd", 250_000, "salesUnit", "chai 500 ml", "shippingWeightGrams", 650));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private static Map<String, Object> weighing(Map<String, Object> body, int grams) {
        body.put("shippingWeightGrams", grams);
        return body;
    }

    private static MultiValueMap<String, HttpEntity<?>> image(String name, byte[] bytes) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", bytes).filename(name).contentType(MediaType.IMAGE_PNG);
        return parts.build();
    }

    private static void expectNotFound(WebTestClient.ResponseSpec response) {
        response.expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    private UUID productOfAnotherProducer() {
        return db.sql("select p.id from product p join producer pr on pr.id = p.producer_id where pr.name <> :name order by p.name limit 1")
                .bind("name", XUAN_NGUYEN)
                .map((row, md) -> row.get("id", UUID.class)).one().block();
    }

    private Map<String, Object> product(UUID id) {
        return db.sql("select * from product where id = :id").bind("id", id).fetch().one().block();
    }

    private long count(String sql) {
        return db.sql(sql).map((row, md) -> ((Number) row.get(0)).longValue()).one().block();
    }

    static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
