package vn.ocop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@StorefrontTest
class StorefrontIntegrationTests {

    @Autowired
    WebTestClient web;
    @Autowired
    vn.ocop.catalog.changes.CatalogChanges changes;

    @Test
    void homePageListsRealOcopProductsWithTheirStarsAndPrices() {
        String html = page("/");
        assertThat(html).contains("Đặc sản OCOP đang bán", "Trà hoa vàng Ba Chẽ", "★★★★★", " ₫", "giá demo");
        assertThat(html).contains("lang=\"vi\"", "name=\"viewport\"", "action=\"/search\"", "href=\"/login\"");
    }

    @Test
    void englishIsOneClickAwayAndRemembered() {
        var result = web.get().uri("/?lang=en").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectCookie().valueEquals("ocop_lang", "en")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(result).contains("OCOP specialties on sale", "lang=\"en\"");
        String again = web.get().uri("/").cookie("ocop_lang", "en").accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).contains("OCOP specialties on sale");
    }

    @Test
    void healthIsUpWithDatabaseAndElasticsearch() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.elasticsearch.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAndOpenApiArePublished() {
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/products']").exists()
                .jsonPath("$.paths['/api/v1/accounts']").exists();
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void productApiListsOnlySellableProductsFiveStarsFirst() {
        SearchIndexReady.drained(changes);
        web.get().uri("/api/v1/products?size=5").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(5)
                .jsonPath("$.items[0].stars").isEqualTo(5)
                .jsonPath("$.total").value(total -> assertThat(((Number) total).longValue()).isBetween(150L, 317L));
    }

    private String page(String uri) {
        return web.get().uri(uri).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
