package vn.ocop.storefront.web.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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

@StorefrontTest
class CouncilApiControllerTests {

    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    vn.ocop.catalog.changes.CatalogChanges changes;

    @Autowired
    DatabaseClient db;

    @Autowired
    Catalog catalog;

    @Test
    void onlyTheCouncilMayRankProducersAndShoppersAreForbiddenAndAnonymousMustSignIn() {
        String body = decision(UUID.randomUUID(), 75, "PROVINCIAL", catalog.today());
        for (String who : List.of("producer@demo.ocop.vn", "shopper@demo.ocop.vn")) {
            web.post().uri("/api/v1/council/certifications").headers(as(who)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectStatus().isForbidden();
            web.get().uri("/api/v1/council/certifications/expiring").headers(as(who)).exchange().expectStatus().isForbidden();
        }
        web.post().uri("/api/v1/council/certifications").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/council/products?q=mật ong").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void recordedRankingIs201WithLocationAndPutsTheProductOnSale() {
        UUID product = productNotOnSale(0);
        long onSale = totalOnSale();
        LocalDate issued = catalog.today().minusDays(1);

        var created = web.post().uri("/api/v1/council/certifications").headers(council()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(decision(product, 75, "PROVINCIAL", issued))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.stars").isEqualTo(4)
                .jsonPath("$.score").isEqualTo(75)
                .jsonPath("$.validUntil").isEqualTo(issued.plusMonths(36).toString())
                .returnResult();

        String location = created.getResponseHeaders().getLocation().toString();
        assertThat(location).matches("/api/v1/council/certifications/[0-9a-f-]{36}");
        web.get().uri(location).headers(council()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.decisionNo").isEqualTo("1234/QĐ-UBND");
        assertThat(totalOnSale()).isEqualTo(onSale + 1);
    }

    @Test
    void invalidBodyIsA400WithFieldErrorsAndWritesNothing() {
        long certifications = certificationCount();

        web.post().uri("/api/v1/council/certifications").headers(council()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"productId": "%s", "decisionNo": "", "score": 140, "stars": 9, "issuingBody": "x"}"""
                        .formatted(productNotOnSale(1)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[?(@.field == 'decisionNo')]").exists()
                .jsonPath("$.errors[?(@.field == 'score')]").exists()
                .jsonPath("$.errors[?(@.field == 'stars')]").exists()
                .jsonPath("$.errors[?(@.field == 'level')]").exists()
                .jsonPath("$.errors[?(@.field == 'issuingBody')]").exists()
                .jsonPath("$.errors[?(@.field == 'issuedOn')]").exists();
        assertThat(certificationCount()).isEqualTo(certifications);
    }

    @Test
    void rankingWhoseFactsDoNotAddUpIsA400InvalidRankingAndWritesNothing() {
        long certifications = certificationCount();

        web.post().uri("/api/v1/council/certifications").headers(council()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(decision(productNotOnSale(1), 95, "PROVINCIAL", catalog.today()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("invalid-ranking")
                .jsonPath("$.detail").isEqualTo("5 stars are granted only at the NATIONAL level");
        web.post().uri("/api/v1/council/certifications").headers(council()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(decision(UUID.randomUUID(), 75, "PROVINCIAL", catalog.today()))
                .exchange()
                .expectStatus().isNotFound();
        assertThat(certificationCount()).isEqualTo(certifications);
    }

    @Test
    void revokedRankingTakesTheProductOffSaleAndVerificationSaysWhy() {
        Map<String, Object> found = sellableProductAsTheCouncilFindsIt(7);
        String ranking = (String) ((Map<?, ?>) found.get("ranking")).get("id");
        String reason = "Kiểm tra phát hiện nhãn sai thành phần";

        web.post().uri("/api/v1/council/certifications/{id}/revoke", ranking).headers(council())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", reason))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.revocationReason").isEqualTo(reason).jsonPath("$.revokedAt").exists();

        assertThat(allProductIdsOnSale()).doesNotContain((String) found.get("id"));
        web.get().uri("/api/v1/verify/{code}", found.get("verificationCode")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.revocationReason").isEqualTo(reason)
                .jsonPath("$.statusDate").isEqualTo(catalog.today().toString());
        web.post().uri("/api/v1/council/certifications/{id}/revoke", ranking).headers(council())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Thu hồi lần thứ hai"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("invalid-state");
    }

    @Test
    void revocationNeedsAReason() {
        Map<String, Object> found = sellableProductAsTheCouncilFindsIt(8);
        String ranking = (String) ((Map<?, ?>) found.get("ranking")).get("id");

        web.post().uri("/api/v1/council/certifications/{id}/revoke", ranking).headers(council())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "sai"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        web.post().uri("/api/v1/council/certifications/{id}/revoke", UUID.randomUUID()).headers(council())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Không có chứng nhận này"))
                .exchange()
                .expectStatus().isNotFound();
        assertThat(allProductIdsOnSale()).contains((String) found.get("id"));
    }

    @Test
    void expiringRankingsComeSoonestFirstWithinTheDaysAsked() {
        List<Map<String, Object>> expiring = web.get().uri("/api/v1/council/certifications/expiring?days=365").headers(council())
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();

        assertThat(expiring).isNotEmpty();
        List<String> dates = expiring.stream().map(e -> (String) e.get("validUntil")).toList();
        assertThat(dates).isSorted().allSatisfy(d -> assertThat(LocalDate.parse(d)).isBetween(catalog.today(), catalog.today().plusDays(365)));
        web.get().uri("/api/v1/council/certifications/expiring?days=0").headers(council()).exchange().expectStatus().isBadRequest();
    }

    @Test
    void councilFindsProductsOfAnyStatusWithWhetherTheyAreOnSale() {
        web.get().uri("/api/v1/council/products?q={q}", "CÁ ĐÙ 1 NẮNG").headers(council())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].name").isEqualTo("Cá đù 1 nắng")
                .jsonPath("$[0].onSale").isEqualTo(false)
                .jsonPath("$[0].notOnSale.kind").isEqualTo("EXPIRED")
                .jsonPath("$[0].ranking.decisionNo").isEqualTo("1066/QĐ-UBND");
    }

    @Test
    void councilAndVerificationEndpointsAreDocumentedInOpenApi() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/council/certifications'].post.summary").isEqualTo("Record a ranking decision")
                .jsonPath("$.paths['/api/v1/council/certifications/{id}/revoke'].post").exists()
                .jsonPath("$.paths['/api/v1/council/certifications/expiring'].get").exists()
                .jsonPath("$.paths['/api/v1/council/products'].get").exists()
                .jsonPath("$.paths['/api/v1/verify/{code}'].get").exists();
    }

    private Map<String, Object> sellableProductAsTheCouncilFindsIt(int index) {
        Map<String, Object> listed = productsOnSalePage(0).get(index);
        List<Map<String, Object>> found = web.get().uri("/api/v1/council/products?q={q}&limit=100", listed.get("name")).headers(council())
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        Map<String, Object> product = found.stream().filter(p -> p.get("id").equals(listed.get("id"))).findFirst().orElseThrow();
        assertThat(product.get("onSale")).isEqualTo(true);
        return product;
    }

    private List<String> allProductIdsOnSale() {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = productsOnSalePage(page);
            items.forEach(i -> ids.add((String) i.get("id")));
            if (items.size() < 100) {
                return ids;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> productsOnSalePage(int page) {
        vn.ocop.storefront.SearchIndexReady.drained(changes);
        return (List<Map<String, Object>>) web.get().uri("/api/v1/products?size=100&page={page}", page).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
    }

    /** Search answers the product API: what it says is current once the indexer has drained the outbox. */
    private long totalOnSale() {
        vn.ocop.storefront.SearchIndexReady.drained(changes);
        return ((Number) web.get().uri("/api/v1/products?size=1").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("total")).longValue();
    }

    private UUID productNotOnSale(int index) {
        return db.sql("""
                        select p.id from product p where p.id not in (select product_id from sellable_ranking(:today))
                        order by p.name, p.id offset :index limit 1""")
                .bind("today", catalog.today())
                .bind("index", index)
                .map((row, md) -> row.get("id", UUID.class))
                .one().block();
    }

    private long certificationCount() {
        return db.sql("select count(*) as n from certification").map((row, md) -> row.get("n", Long.class)).one().block();
    }

    private static String decision(UUID product, int score, String level, LocalDate issuedOn) {
        return """
                {"productId": "%s", "decisionNo": "1234/QĐ-UBND", "score": %d, "level": "%s",
                 "issuingBody": "UBND tỉnh Thái Nguyên", "decisionProvince": "Thái Nguyên", "issuedOn": "%s"}"""
                .formatted(product, score, level, issuedOn);
    }

    private static Consumer<HttpHeaders> council() {
        return as("council@demo.ocop.vn");
    }

    private static Consumer<HttpHeaders> as(String email) {
        return h -> h.setBasicAuth(email, PASSWORD);
    }
}
