package vn.ocop.storefront.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import vn.ocop.storefront.StorefrontTest;

/**
 * What a hostile or broken client sends is a 4xx problem naming the field, nothing is written, and the log stays
 * quiet: malformed Content-Types, NUL and escape codes in any text, duplicate JSON keys, links that are not URIs.
 */
@StorefrontTest
@ExtendWith(OutputCaptureExtension.class)
class InputHardeningTests {

    static final String NUL = "Mật ong\u0000rừng";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void aMalformedContentTypeIsA400NamingTheHeaderOnEveryRouteEvenAGetAndLogsNothing(CapturedOutput output) {
        for (String type : List.of("garbage", "text/", "a/b; charset=xx")) {
            for (var route : List.of(Map.entry(HttpMethod.GET, "/"), Map.entry(HttpMethod.GET, "/api/v1/products"),
                    Map.entry(HttpMethod.POST, "/api/v1/cart/lines"), Map.entry(HttpMethod.POST, "/login"),
                    Map.entry(HttpMethod.GET, "/actuator/health"))) {
                web.method(route.getKey()).uri(route.getValue()).header(HttpHeaders.CONTENT_TYPE, type).accept(MediaType.APPLICATION_JSON)
                        .exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.errors[0].field").isEqualTo("Content-Type");
            }
        }
        assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    @Test
    void nulInAnyTextFieldIsA400NamingTheFieldAndNothingIsWritten() {
        String email = "nul-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "displayName", NUL, "password", "nuoc mam phu quoc ngon 2026"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("displayName");
        assertThat(count("select count(*) as n from account where email = '" + email + "'")).isZero();

        long products = count("select count(*) as n from product");
        for (String field : List.of("name", "description", "salesUnit")) {
            Map<String, Object> listing = new java.util.HashMap<>(Map.of("name", "Mật ong hoa nhãn", "description", "Mật ong nguyên chất",
                    "group", "FOOD", "priceVnd", 150000, "salesUnit", "chai 500ml", "shippingWeightGrams", 800));
            listing.put(field, NUL);
            as("producer").post().uri("/api/v1/producer/products").contentType(MediaType.APPLICATION_JSON).bodyValue(listing)
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        }
        assertThat(count("select count(*) as n from product")).isEqualTo(products);

        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).withNano(0);
        as("producer").post().uri("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", NUL, "videoUrl", "https://youtu.be/dQw4w9WgXcQ", "plannedStart", start.toString(),
                        "plannedEnd", start.plusHours(1).toString()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("title");

        UUID showroom = db.sql("select id from location where name like 'Showroom OCOP Hà Nội%'").map((r, m) -> r.get("id", UUID.class)).one().block();
        as("staff").post().uri("/api/v1/locations/{id}/till-keys", showroom).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "Quầy\u00001")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("label");
        as("admin").post().uri("/api/v1/admin/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "SALES_POINT", "name", "Điểm bán thử", "province", "Hà Nội", "address", "1 Tràng Tiền",
                        "openingHours", "8:00\u0000-17:00", "pickupAllowed", true))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("openingHours");
        assertThat(count("select count(*) as n from location where name = 'Điểm bán thử'")).isZero();

        long orders = count("select count(*) as n from customer_order");
        as("shopper").post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", List.of(Map.of("productId", UUID.randomUUID(), "quantity", 1)),
                        "contact", Map.of("name", "Lan", "phone", "0912345678", "email", "lan@example.vn"),
                        "delivery", Map.of("provinceCode", "01", "communeCode", "00004", "street", "12\u0000 Hàng Bạc"), "payment", "COD"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("delivery.street");
        assertThat(count("select count(*) as n from customer_order")).isEqualTo(orders);
    }

    @Test
    void aControlCharacterTypedIntoAFormIsShownOnTheFormAndNothingIsWritten() {
        var page = web.get().uri("/register").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
        String html = String.join("", page.getResponseBody().collectList().block());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(csrf.find()).isTrue();
        String email = "form-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        var form = new LinkedMultiValueMap<String, String>();
        form.add("email", email);
        form.add("displayName", "Lan\u001b[2J");
        form.add("password", "nuoc mam phu quoc ngon 2026");
        form.add("_csrf", csrf.group(1));
        String answer = web.post().uri("/register").accept(MediaType.TEXT_HTML)
                .cookies(c -> page.getResponseCookies().forEach((name, values) -> c.add(name, values.get(0).getValue())))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).contains("ký tự không được phép");
        assertThat(count("select count(*) as n from account where email = '" + email + "'")).isZero();
    }

    @Test
    void duplicateJsonKeysAreRefusedNamingTheKey() {
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@example.vn\",\"email\":\"b@example.vn\",\"displayName\":\"An\",\"password\":\"nuoc mam phu quoc ngon\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email")
                .jsonPath("$.errors[0].message").isEqualTo("is given more than once");
    }

    @Test
    void aVideoLinkThatIsNotAUriIsRefusedNotA500() {
        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).withNano(0);
        for (String link : List.of("https://facebook.com/x{y", "https://www.facebook.com/\"><script>", "https://fb.watch/a<b")) {
            as("producer").post().uri("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("title", "Phiên live thử", "videoUrl", link, "plannedStart", start.toString(), "plannedEnd", start.plusHours(1).toString()))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-request");
        }
        assertThat(count("select count(*) as n from live_event where title = 'Phiên live thử'")).isZero();
    }

    @Test
    void aNotFoundProblemEchoesNeitherTheHostNorTheExceptionText() {
        String body = web.get().uri("/api/v1/no-such-thing").header(HttpHeaders.HOST, "evil.example").exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("evil.example").doesNotContain("no-such-thing").doesNotContain("static resource");
        web.get().uri("/api/v1/products/not-an-id").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id").jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("Type mismatch"));
    }

    @Test
    void theStripeWebhookWithoutItsSecretIs503AndNamesNoSetting() {
        String body = web.post().uri("/api/v1/payments/stripe/webhook").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("STRIPE").doesNotContain("secret");
    }

    private WebTestClient as(String role) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(role + "@demo.ocop.vn", "ocop-demo-2026")).build();
    }

    private long count(String sql) {
        return db.sql(sql).map((r, m) -> r.get("n", Long.class)).one().block();
    }
}
