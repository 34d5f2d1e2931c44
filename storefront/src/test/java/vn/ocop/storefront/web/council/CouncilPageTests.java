package vn.ocop.storefront.web.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
class CouncilPageTests {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    Catalog catalog;

    String session;
    String csrfCookie;

    @BeforeEach
    void signInAsTheCouncil() {
        var login = web.get().uri("/login").accept(MediaType.TEXT_HTML).exchange().returnResult(String.class);
        csrfCookie = login.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        var signedIn = web.post().uri("/login").cookie("XSRF-TOKEN", csrfCookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("username", "council@demo.ocop.vn", "password", "ocop-demo-2026",
                        "_csrf", csrf(String.join("", login.getResponseBody().collectList().block())))))
                .exchange().expectStatus().is3xxRedirection().returnResult(String.class);
        session = signedIn.getResponseCookies().getFirst("SESSION").getValue();
    }

    @Test
    void deskListsRankingsEndingWithinSixtyDaysEachWithARevokeForm() {
        String html = get("/council");

        assertThat(html).contains("Hội đồng đánh giá OCOP", "Sắp hết hiệu lực trong 60 ngày", "Tìm sản phẩm để xếp hạng",
                "/css/council.css", "name=\"viewport\"").doesNotContain("Đã ghi nhận", "Đã thu hồi chứng nhận.");
        long expiring = db.sql("select count(*) as n from sellable_ranking(:today) where valid_until <= :until")
                .bind("today", catalog.today()).bind("until", catalog.today().plusDays(60))
                .map((row, md) -> row.get("n", Long.class)).one().block();
        assertThat(count(html, "Thu hồi chứng nhận")).isEqualTo(expiring);
    }

    @Test
    void searchFindsAProductOffSaleAndChoosingItOpensItsHistoryAndTheRecordForm() {
        String results = get("/council?q=cá đù 1 nắng");
        assertThat(results).contains("Cá đù 1 nắng", "Không bán: hết hiệu lực ngày 28/03/2026", "Chọn để xếp hạng");

        String chosen = get("/council?q=cá đù 1 nắng&product=" + productId("Cá đù 1 nắng"));
        assertThat(chosen).contains("Xếp hạng: Cá đù 1 nắng", "1066/QĐ-UBND", "Ghi nhận quyết định xếp hạng mới", "name=\"decisionNo\"");
    }

    @Test
    void mistakesAreShownOnTheRecordFormAndNothingIsWritten() {
        UUID product = productId("Khô cá lưỡi trâu");
        String page = get("/council?product=" + product);

        String html = post("/council/certifications?product=" + product, page, "productId", product.toString(),
                "decisionNo", "", "score", "95", "stars", "", "level", "PROVINCIAL", "issuingBody", "UBND TP. Hồ Chí Minh",
                "decisionProvince", "", "issuedOn", catalog.today().toString(), "validUntil", "")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("Nhập số quyết định.", "UBND TP. Hồ Chí Minh");
        String contradiction = post("/council/certifications?product=" + product, page, "productId", product.toString(),
                "decisionNo", "99/QĐ-UBND", "score", "95", "stars", "", "level", "PROVINCIAL", "issuingBody", "UBND TP. Hồ Chí Minh",
                "decisionProvince", "", "issuedOn", catalog.today().toString(), "validUntil", "")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(contradiction).contains("5 sao chỉ do cấp trung ương công nhận", "99/QĐ-UBND");
        assertThat(rankingsOf(product)).isEqualTo(1);
    }

    @Test
    void recordedDecisionPutsTheProductBackOnSale() {
        UUID product = productId("Hàu tươi");
        String page = get("/council?product=" + product);
        LocalDate issued = catalog.today().minusDays(3);

        post("/council/certifications?product=" + product, page, "productId", product.toString(),
                "decisionNo", "3001/QĐ-UBND", "score", "68", "stars", "3", "level", "PROVINCIAL",
                "issuingBody", "UBND TP. Hồ Chí Minh", "decisionProvince", "TP. Hồ Chí Minh",
                "issuedOn", issued.toString(), "validUntil", "")
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/council?product=" + product + "&recorded");

        assertThat(get("/council?product=" + product + "&recorded")).contains("Đã ghi nhận quyết định xếp hạng mới.",
                "3001/QĐ-UBND", "Đang bán: 3 sao");
    }

    @Test
    void revokingNeedsAReasonAndAConfirmationAndThenTakesEffect() {
        UUID product = productId("Trà tôm nõn hương quê");
        String page = get("/council?product=" + product);
        String ranking = Pattern.compile("/council/certifications/([0-9a-f-]{36})/revoke").matcher(page).results()
                .findFirst().orElseThrow().group(1);
        assertThat(page).contains("name=\"confirmed\"", "Tôi xác nhận thu hồi chứng nhận này.");

        String refused = post("/council/certifications/" + ranking + "/revoke?product=" + product, page, "reason", "sai", "confirmed", "true")
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("Lý do phải từ 5 đến 500 ký tự.", "<details open");

        String unconfirmed = post("/council/certifications/" + ranking + "/revoke?product=" + product, page, "reason", "Vi phạm ghi nhãn")
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        assertThat(unconfirmed).contains("Hãy đánh dấu ô „Tôi xác nhận“ trước khi thực hiện: chưa có gì thay đổi.", "<details open");
        assertThat(get("/council?product=" + product)).as("nothing revoked").doesNotContain("Không bán: bị thu hồi ngày");

        var done = post("/council/certifications/" + ranking + "/revoke?product=" + product, page, "reason", "Vi phạm ghi nhãn", "confirmed", "true")
                .expectStatus().isSeeOther().returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(get(done.toString())).contains("Đã thu hồi chứng nhận.", "Không bán: bị thu hồi ngày", "Lý do: Vi phạm ghi nhãn");
    }

    @Test
    void producerMayNotOpenTheDesk() {
        web.get().uri("/council").headers(h -> h.setBasicAuth("producer@demo.ocop.vn", "ocop-demo-2026"))
                .accept(MediaType.TEXT_HTML).exchange().expectStatus().isForbidden();
    }

    private String get(String uri) {
        return web.get().uri(uri).cookie("SESSION", session).cookie("XSRF-TOKEN", csrfCookie).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String uri, String pageWithToken, String... fields) {
        var data = form(fields);
        data.add("_csrf", csrf(pageWithToken));
        return web.post().uri(uri).cookie("SESSION", session).cookie("XSRF-TOKEN", csrfCookie).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(data)).exchange();
    }

    private UUID productId(String name) {
        return db.sql("select id from product where name = :name").bind("name", name)
                .map((row, md) -> row.get("id", UUID.class)).one().block();
    }

    private long rankingsOf(UUID product) {
        return db.sql("select count(*) as n from certification where product_id = :p").bind("p", product)
                .map((row, md) -> row.get("n", Long.class)).one().block();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static long count(String html, String text) {
        return Pattern.compile(Pattern.quote(text)).matcher(html).results().count();
    }

    private static LinkedMultiValueMap<String, String> form(String... kv) {
        var map = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            map.add(kv[i], kv[i + 1]);
        }
        return map;
    }
}
