package vn.ocop.storefront.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.storefront.StorefrontTest;

/** Shoppers browse by group and province (new or old name) and open product pages; nothing off sale shows. */
@StorefrontTest
class ProductBrowsingTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    vn.ocop.catalog.changes.CatalogChanges changes;

    @org.junit.jupiter.api.BeforeEach
    void indexed() {
        vn.ocop.storefront.SearchIndexReady.drained(changes);
    }

    @Test
    void groupFilterListsOnlyThatGroup() {
        Map<String, Object> page = api("/api/v1/products?group=DRINKS&size=100");
        List<Map<String, Object>> items = items(page);
        assertThat(items).isNotEmpty().allSatisfy(i -> assertThat(i.get("group")).isEqualTo("DRINKS"));
        assertThat(((Number) page.get("total")).longValue()).isLessThan(total("/api/v1/products"));
    }

    @Test
    void provinceFindsProductsByItsNameBeforeAndAfterThe2025Merger() {
        List<Map<String, Object>> byOldName = items(api("/api/v1/products?province=Bắc Kạn&size=100"));
        assertThat(byOldName).isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("formerProvince")).isEqualTo("Bắc Kạn"))
                .allSatisfy(i -> assertThat(i.get("province")).isEqualTo("Thái Nguyên"));
        List<Object> byNewName = items(api("/api/v1/products?province=Thái Nguyên&size=100")).stream().map(i -> i.get("id")).toList();
        assertThat(byNewName).containsAll(byOldName.stream().map(i -> i.get("id")).toList());
    }

    @Test
    void productApiShowsTheRankingThatPutsItOnSale() {
        UUID id = productId("Trà hoa vàng Ba Chẽ");
        web.get().uri("/api/v1/products/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Trà hoa vàng Ba Chẽ")
                .jsonPath("$.ranking.decisionNo").isEqualTo("377/QĐ-BNN-VPĐP")
                .jsonPath("$.ranking.stars").isEqualTo(5)
                .jsonPath("$.ranking.validUntil").isEqualTo("2028-01-17")
                .jsonPath("$.producer.province").isEqualTo("Quảng Ninh")
                .jsonPath("$.verificationUrl").value(url -> assertThat((String) url).startsWith("/verify/"));
    }

    @Test
    void productPageShowsStarsDecisionIssuingBodyValidityAndProducer() {
        UUID id = productId("Trà hoa vàng Ba Chẽ");
        String html = web.get().uri("/products/{id}", id).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("★★★★★", "5 sao OCOP", "377/QĐ-BNN-VPĐP", "Bộ Nông nghiệp và Phát triển nông thôn",
                "17/01/2028", "Quảng Ninh", "/verify/");
    }

    @Test
    void productWithAnExpiredRankingIsNotFoundAndInNoList() {
        UUID expired = productId("Mật ong nhân sâm"); // 1066/QĐ-UBND of 2023-03-28: expired 2026-03-28
        web.get().uri("/api/v1/products/{id}", expired).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        web.get().uri("/products/{id}", expired).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        for (int page = 0; page * 100 < total("/api/v1/products"); page++) {
            assertThat(items(api("/api/v1/products?size=100&page=" + page))).noneMatch(i -> expired.toString().equals(i.get("id")));
        }
        assertThat(web.get().uri("/products?province=TP. Hồ Chí Minh").accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain("Mật ong nhân sâm");
    }

    @Test
    void browsePageFiltersByGroupAndProvince() {
        String html = web.get().uri("/products?group=HERBAL&province=Bắc Kạn").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Trà hoa vàng Bắc Kạn", "trước đây Bắc Kạn").doesNotContain("Tinh bột nghệ nếp đỏ Bắc Kạn");
    }

    @Test
    void aMalformedIdIsABadRequestProblem() {
        web.get().uri("/api/v1/products/not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private UUID productId(String name) {
        return db.sql("select id from product where name = :n").bind("n", name).map((r, m) -> r.get("id", UUID.class)).first().block();
    }

    private long total(String uri) {
        return ((Number) api(uri).get("total")).longValue();
    }

    private Map<String, Object> api(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
