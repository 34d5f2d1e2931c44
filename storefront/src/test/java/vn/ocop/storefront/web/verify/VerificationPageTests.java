package vn.ocop.storefront.web.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.rankings.CouncilScope;
import vn.ocop.catalog.councils.Rankings;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
class VerificationPageTests {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    Rankings rankings;

    @Autowired
    Catalog catalog;

    @Test
    void validRankingShowsUntilWhenWithTheDecisionBehindIt() {
        String html = page("/verify/" + codeOf("Trà tôm nõn hương quê"));

        assertThat(html).contains("Trà tôm nõn hương quê", "Hợp tác xã Nông sản Phú Lương", "Thái Nguyên",
                "Còn hiệu lực đến 26/06/2028", "★★★★★", "2361/QĐ-BNNMT", "Bộ Nông nghiệp và Môi trường", "26/06/2025",
                "verify-valid", "/css/council.css");
    }

    @Test
    void expiredRankingSaysOnWhichDay() {
        String html = page("/verify/" + codeOf("Cá đù 1 nắng"));

        assertThat(html).contains("Cá đù 1 nắng", "HTX Cần Giờ Tương Lai", "TP. Hồ Chí Minh",
                "Đã hết hiệu lực ngày 28/03/2026", "1066/QĐ-UBND", "UBND TP. Hồ Chí Minh", "verify-expired")
                .doesNotContain("Còn hiệu lực");
    }

    @Test
    void revokedRankingSaysWhenAndWhy() {
        String code = codeOf("Mật hoa dừa", "Công ty TNHH Trà Vinh FARM");
        rankings.revoke(CouncilScope.NATIONAL, rankingOf(code), "Sản phẩm không đạt chỉ tiêu an toàn thực phẩm khi hậu kiểm").block();
        String today = catalog.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        String html = page("/verify/" + code);

        assertThat(html).contains("Mật hoa dừa", "Đã bị thu hồi ngày " + today,
                "Lý do: Sản phẩm không đạt chỉ tiêu an toàn thực phẩm khi hậu kiểm", "verify-revoked")
                .contains("Vĩnh Long", "trước đây Trà Vinh");
    }

    @Test
    void codeTypedInLowerCaseFindsTheProductAndEnglishIsAvailable() {
        String html = page("/verify/" + codeOf("Trà tôm nõn hương quê").toLowerCase(Locale.ROOT) + "?lang=en");

        assertThat(html).contains("Valid until 26/06/2028", "Issued by");
    }

    @Test
    void unknownCodeIsTheNotFoundPage() {
        String html = web.get().uri("/verify/KHONGCOMA9").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("404", "Không tìm thấy trang này");
    }

    @Test
    void apiAnswersTheSameAsJsonForAnyone() {
        web.get().uri("/api/v1/verify/{code}", codeOf("Cá đù 1 nắng")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("EXPIRED")
                .jsonPath("$.statusDate").isEqualTo("2026-03-28")
                .jsonPath("$.product").isEqualTo("Cá đù 1 nắng")
                .jsonPath("$.ranking.decisionNo").isEqualTo("1066/QĐ-UBND")
                .jsonPath("$.ranking.stars").isEqualTo(3);
        web.get().uri("/api/v1/verify/KHONGCOMA9").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    private String page(String uri) {
        return web.get().uri(uri).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String codeOf(String productName) {
        return db.sql("select verification_code from product where name = :name")
                .bind("name", productName)
                .map((row, md) -> row.get("verification_code", String.class))
                .one().block();
    }

    private String codeOf(String productName, String producerName) {
        return db.sql("select p.verification_code from product p join producer pr on pr.id = p.producer_id"
                        + " where p.name = :name and pr.name = :producer")
                .bind("name", productName)
                .bind("producer", producerName)
                .map((row, md) -> row.get("verification_code", String.class))
                .one().block();
    }

    private CertificationId rankingOf(String code) {
        return db.sql("select c.id from certification c join product p on p.id = c.product_id where p.verification_code = :code")
                .bind("code", code)
                .map((row, md) -> new CertificationId(row.get("id", UUID.class)))
                .one().block();
    }
}
