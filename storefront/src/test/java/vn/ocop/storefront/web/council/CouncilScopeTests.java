package vn.ocop.storefront.web.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * A council ranks within its scope: the demo's provincial council (council-province@, the demo producer's province,
 * TP. Hồ Chí Minh) sees and ranks only that province's producers, PROVINCIAL 3 and 4 stars; 5 stars and NATIONAL
 * rankings are the national council's (council@).
 */
@StorefrontTest
class CouncilScopeTests {

    static final String PROVINCE = "TP. Hồ Chí Minh";
    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Catalog catalog;

    @Test
    void provincialCouncilFindsAndSeesExpiringOnlyItsProvincesProducts() {
        List<Map<String, Object>> mine = get("/api/v1/council/products?q=a&limit=100", provincial());
        List<Map<String, Object>> all = get("/api/v1/council/products?q=a&limit=100", national());
        List<Map<String, Object>> expiring = get("/api/v1/council/certifications/expiring?days=365", provincial());

        assertThat(mine).isNotEmpty().allSatisfy(p -> assertThat(p.get("province")).isEqualTo(PROVINCE));
        assertThat(all).anySatisfy(p -> assertThat(p.get("province")).isNotEqualTo(PROVINCE));
        assertThat(expiring).allSatisfy(e -> assertThat(provinceOfProduct((String) e.get("productId"))).isEqualTo(PROVINCE));
    }

    @Test
    void provincialCouncilRecordsProvincialRankingsOfItsOwnProducersOnly() {
        UUID own = product(true);
        UUID elsewhere = product(false);
        long certifications = certificationCount();

        record(provincial(), elsewhere, 75, "PROVINCIAL", catalog.today()).expectStatus().isNotFound();
        record(provincial(), own, 95, "NATIONAL", catalog.today())
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("outside-mandate");
        record(provincial(), own, 55, "DISTRICT", LocalDate.of(2025, 3, 1))
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("outside-mandate");
        assertThat(certificationCount()).isEqualTo(certifications);

        record(provincial(), own, 75, "PROVINCIAL", catalog.today()).expectStatus().isCreated().expectBody().jsonPath("$.stars").isEqualTo(4);
        record(national(), elsewhere, 95, "NATIONAL", catalog.today()).expectStatus().isCreated().expectBody().jsonPath("$.stars").isEqualTo(5);
    }

    @Test
    void districtLevelIsRefusedForDecisionsIssuedFromTheFirstOfJuly2025() {
        UUID product = product(false);

        record(national(), product, 55, "DISTRICT", LocalDate.of(2025, 7, 1))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-ranking");
        record(national(), product, 55, "DISTRICT", LocalDate.of(2025, 6, 30)).expectStatus().isCreated();
    }

    @Test
    void provincialCouncilCannotSeeAnotherProvincesRankingNorRevokeANationalOne() {
        UUID own = product(true);
        String national = id(record(national(), own, 92, "NATIONAL", catalog.today()));
        String elsewhere = id(record(national(), product(false), 80, "PROVINCIAL", catalog.today()));

        web.get().uri("/api/v1/council/certifications/{id}", elsewhere).headers(provincial()).exchange().expectStatus().isNotFound();
        revoke(provincial(), elsewhere).expectStatus().isNotFound();
        web.get().uri("/api/v1/council/certifications/{id}", national).headers(provincial()).exchange().expectStatus().isOk();
        revoke(provincial(), national).expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("outside-mandate");
        revoke(national(), national).expectStatus().isOk();
    }

    @Test
    void deskSaysTheCouncilsScopeAndOffersOnlyTheLevelItMayGrant() {
        SignedIn council = SignedIn.as(web, "council-province@demo.ocop.vn", PASSWORD);
        UUID elsewhere = product(false);

        String desk = council.page("/council?product=" + product(true));
        assertThat(desk).contains("Hội đồng " + PROVINCE + ": chỉ thấy và xếp hạng sản phẩm của chủ thể tại " + PROVINCE);
        assertThat(desk).contains("value=\"PROVINCIAL\"").doesNotContain("value=\"NATIONAL\"", "value=\"DISTRICT\"");
        council.request(web.get().uri("/council?product=" + elsewhere).accept(MediaType.TEXT_HTML)).expectStatus().isNotFound();
        assertThat(SignedIn.as(web, "council@demo.ocop.vn", PASSWORD).page("/council?product=" + elsewhere))
                .contains("Hội đồng Trung ương", "value=\"NATIONAL\"", "value=\"PROVINCIAL\"");
    }

    private WebTestClient.ResponseSpec record(Consumer<HttpHeaders> who, UUID product, int score, String level, LocalDate issuedOn) {
        return web.post().uri("/api/v1/council/certifications").headers(who).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"productId": "%s", "decisionNo": "88/QĐ-UBND", "score": %d, "level": "%s",
                         "issuingBody": "UBND", "issuedOn": "%s"}""".formatted(product, score, level, issuedOn))
                .exchange();
    }

    private WebTestClient.ResponseSpec revoke(Consumer<HttpHeaders> who, String ranking) {
        return web.post().uri("/api/v1/council/certifications/{id}/revoke", ranking).headers(who)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Không còn đáp ứng tiêu chí")).exchange();
    }

    private static String id(WebTestClient.ResponseSpec created) {
        return (String) created.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private List<Map<String, Object>> get(String uri, Consumer<HttpHeaders> who) {
        return web.get().uri(uri).headers(who).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
    }

    /** A product of a producer in the province (or not), a different one each time. */
    private UUID product(boolean inProvince) {
        return db.sql("select p.id from product p join producer pr on pr.id = p.producer_id where (pr.province = :province) = :inside"
                        + " and not exists (select 1 from certification c where c.product_id = p.id and c.decision_no = '88/QĐ-UBND')"
                        + " order by p.id limit 1")
                .bind("province", PROVINCE).bind("inside", inProvince)
                .map((row, md) -> row.get("id", UUID.class)).one().block();
    }

    private String provinceOfProduct(String product) {
        return db.sql("select pr.province from product p join producer pr on pr.id = p.producer_id where p.id = :id")
                .bind("id", UUID.fromString(product)).map((row, md) -> row.get("province", String.class)).one().block();
    }

    private long certificationCount() {
        return db.sql("select count(*) as n from certification").map((row, md) -> row.get("n", Long.class)).one().block();
    }

    private static Consumer<HttpHeaders> provincial() {
        return h -> h.setBasicAuth("council-province@demo.ocop.vn", PASSWORD);
    }

    private static Consumer<HttpHeaders> national() {
        return h -> h.setBasicAuth("council@demo.ocop.vn", PASSWORD);
    }
}
