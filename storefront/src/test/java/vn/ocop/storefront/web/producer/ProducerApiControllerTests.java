package vn.ocop.storefront.web.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
        assertThat(stored.getResponseBody().get("sizeBytes")).isEqualTo(served.length);
        assertThat(pixels(served)).as("a re-encoded copy, pixel for pixel").containsExactly(pixels(png));
        producer.get().uri("/api/v1/producer/products/{id}", id).exchange()
                .expectBody().jsonPath("$.images[0]").isEqualTo(url);
    }

    @Test
    void textFileCalledJpgIsRejectedWithA400NamingTheFilePart() {
        String id = createListing("Mật ong không ảnh");
        byte[] text = "not an image at all".getBytes(StandardCharsets.UTF_8);

        expectRejected(upload(id, image("anh.jpg", text)), "JPEG, PNG and WebP");
        assertThat(imagesOf(id)).isZero();
    }

    @Test
    void jpegWithAnHtmlTailIsServedAsAFreshJpegWithoutTheTail() {
        String id = createListing("Mật ong ảnh có đuôi");

        String url = (String) upload(id, image("mat-ong.jpg", TinyImages.jpegWithHtmlTail()))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("url");
        byte[] served = web.get().uri(url).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(url).endsWith(".jpg");
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("<html", "<script");
        assertThat(Arrays.copyOfRange(served, served.length - 2, served.length)).containsExactly(0xFF, 0xD9);
        assertThat(pixels(served)).hasSize(4);
    }

    @Test
    void pngWhoseHeaderClaimsAHundredThousandPixelsASideIsRefusedWithoutDecoding() {
        String id = createListing("Mật ong ảnh bom");

        expectRejected(upload(id, image("bom.png", TinyImages.pngClaiming(100_000, 100_000))), "at most 6000 pixels a side");
        assertThat(imagesOf(id)).isZero();
    }

    @Test
    void sixThousandPixelsWideIsKeptAndOneMoreIsRefused() {
        String id = createListing("Mật ong ảnh rộng");

        expectRejected(upload(id, image("rong.jpg", TinyImages.jpeg(6001, 8))), "6001 × 8 pixels");
        upload(id, image("vua.jpg", TinyImages.jpeg(6000, 8))).expectStatus().isCreated();
        assertThat(imagesOf(id)).isOne();
    }

    @Test
    void photosExifIsNotServed() {
        String id = createListing("Mật ong ảnh EXIF");

        String url = (String) upload(id, image("exif.jpg", TinyImages.jpegWithExif(16, 8, 1)))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("url");
        byte[] served = web.get().uri(url).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", TinyImages.CAMERA);
    }

    @Test
    void webpIsKeptAsAJpegOrPng() {
        String id = createListing("Mật ong ảnh WebP");

        upload(id, image("anh.webp", TinyImages.webp()))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.contentType").value(String.class, type -> assertThat(type).isIn("image/jpeg", "image/png"))
                .jsonPath("$.url").value(String.class, url -> assertThat(url).matches(".*\\.(jpg|png)"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void nineImagePartsInOneRequestAreA4xxProblemNamingTheLimitAndNothingIsStored(CapturedOutput log) {
        String id = createListing("Mật ong chín ảnh");
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        for (int i = 0; i < 9; i++) {
            parts.part("file", TinyImages.png()).filename("anh-" + i + ".png").contentType(MediaType.IMAGE_PNG);
        }

        upload(id, parts.build())
                .expectStatus().value(status -> assertThat(status).isIn(400, 413))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("too-many-parts")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("at most 8 parts"));
        assertThat(imagesOf(id)).isZero();
        assertThat(log.getAll().lines().filter(line -> line.contains("Too many parts") || line.contains("ProblemErrorHandler")))
                .as("at most one log line").hasSizeLessThanOrEqualTo(1);
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

    private WebTestClient.ResponseSpec upload(String id, MultiValueMap<String, HttpEntity<?>> parts) {
        return producer.post().uri("/api/v1/producer/products/{id}/images", id).body(BodyInserters.fromMultipartData(parts)).exchange();
    }

    private static void expectRejected(WebTestClient.ResponseSpec response, String detail) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("image-rejected")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains(detail))
                .jsonPath("$.errors[0].field").isEqualTo("file")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains(detail));
    }

    private long imagesOf(String id) {
        return count("select count(*) from product_image where product_id = '" + id + "'");
    }

    private static int[] pixels(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
