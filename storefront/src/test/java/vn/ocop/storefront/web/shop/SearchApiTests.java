package vn.ocop.storefront.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.catalog.CatalogChanges;
import vn.ocop.storefront.SearchIndexReady;
import vn.ocop.storefront.StorefrontTest;

/** Search through the app's HTTP API and pages, with the real index kept in step by the running indexer. */
@StorefrontTest
class SearchApiTests {

    @Autowired
    WebTestClient web;
    @Autowired
    CatalogChanges changes;

    @BeforeEach
    void indexed() {
        SearchIndexReady.drained(changes);
    }

    @Test
    void biXanhFindsBiXanhThomBaBeFirstWithFacets() {
        web.get().uri("/api/v1/products?q=bi xanh").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].name").isEqualTo("Bí xanh thơm Ba Bể")
                .jsonPath("$.items[0].highlightedName").isEqualTo("<mark>Bí</mark> <mark>xanh</mark> thơm Ba Bể")
                .jsonPath("$.degraded").isEqualTo(false)
                .jsonPath("$.facets.groups.FOOD").exists()
                .jsonPath("$.facets.stars").exists();
    }

    @Test
    void filtersAndSortsAreApplied() {
        web.get().uri("/api/v1/products?q=mat ong&stars=4&sort=PRICE_ASC&size=50").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].stars").value(stars -> assertThat((java.util.List<Integer>) stars).isNotEmpty().allMatch(s -> s == 4));
    }

    @Test
    void badSortOrStarsIsABadRequestProblem() {
        web.get().uri("/api/v1/products?stars=7").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/products?sort=CHEAPEST").exchange().expectStatus().isBadRequest();
    }

    @Test
    void suggestionsCompleteWithoutDiacritics() {
        web.get().uri("/api/v1/products/suggestions?q=nuoc mam p").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0]").value(first -> assertThat((String) first).startsWith("Nước mắm Phú Quốc"));
        String html = web.get().uri("/search/suggestions?q=tra hoa").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<ul class=\"suggestions\">", "Trà hoa vàng");
    }

    @Test
    void searchPageHighlightsMatchesAndShowsFacets() {
        String html = web.get().uri("/search?q=tra hoa vang").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<mark>Trà</mark> <mark>hoa</mark> <mark>vàng</mark>", "Nhóm sản phẩm", "Hạng sao")
                .doesNotContain("chế độ dự phòng");
    }

    @Test
    void onlyAdminsReindexAndTheIndexMatchesTheDatabase() {
        web.post().uri("/api/v1/admin/search/reindex").headers(h -> h.setBasicAuth("shopper@demo.ocop.vn", "ocop-demo-2026"))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/admin/search/reindex").headers(h -> h.setBasicAuth("admin@demo.ocop.vn", "ocop-demo-2026"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.index").value(i -> assertThat((String) i).contains("-v"));
        web.get().uri("/api/v1/products?q=bi xanh").exchange().expectBody().jsonPath("$.items[0].name").isEqualTo("Bí xanh thơm Ba Bể");
        web.get().uri("/api/v1/admin/search/consistency").headers(h -> h.setBasicAuth("admin@demo.ocop.vn", "ocop-demo-2026"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.consistent").isEqualTo(true)
                .jsonPath("$.products").isEqualTo(319)
                .jsonPath("$.documents").isEqualTo(319);
    }

    @Test
    void healthShowsTheOutboxLag() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.searchIndex.status").isEqualTo("UP")
                .jsonPath("$.components.searchIndex.details.outboxPending").isEqualTo(0);
    }
}
