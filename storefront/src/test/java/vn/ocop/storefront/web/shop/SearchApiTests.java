package vn.ocop.storefront.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.locations.LocationDetails;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProductId;
import vn.ocop.storefront.SearchIndexReady;
import vn.ocop.storefront.StorefrontTest;

/** Search through the app's HTTP API and pages, with the real index kept in step by the running indexer. */
@StorefrontTest
class SearchApiTests {

    @Autowired
    WebTestClient web;
    @Autowired
    CatalogChanges changes;
    @Autowired
    Locations locations;
    @Autowired
    Inventory inventory;
    @Autowired
    DatabaseClient db;

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
    void inStockKeepsWhatSomeLocationCanSupplyAndEveryItemSaysItsStock() {
        var all = web.get().uri("/api/v1/products?size=100").exchange().expectStatus().isOk()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody();
        var inStock = web.get().uri("/api/v1/products?inStock=true&size=100").exchange().expectStatus().isOk()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody();

        assertThat(inStock.get("total").asLong()).as("the facet counts what the filter finds")
                .isEqualTo(all.get("facets").get("inStock").asLong()).isLessThan(all.get("total").asLong());
        assertThat(inStock.get("items")).isNotEmpty().allSatisfy(i -> assertThat(i.get("stockState").asString()).isIn("LOW", "IN_STOCK"));
        assertThat(all.get("items")).allSatisfy(i -> assertThat(i.get("stock").get("available").asInt() > 0)
                .isEqualTo(!i.get("stockState").asString().equals("OUT_OF_STOCK")));
    }

    /**
     * Searching without credentials takes the light security chain (no session, no CSRF cookie), still with the
     * security headers; credentials take the full chain, so a wrong password is still refused.
     */
    @Test
    void searchingIsPublicLightAndStillChecksCredentialsSent() {
        web.get().uri("/api/v1/products?q=mat ong").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().valueEquals("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        web.get().uri("/api/v1/products/suggestions?q=mat").exchange().expectStatus().isOk().expectHeader().doesNotExist("Set-Cookie");
        web.get().uri("/api/v1/products?q=mat ong").headers(h -> h.setBasicAuth("shopper@demo.ocop.vn", "wrong-password"))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/products?q=mat ong").headers(h -> h.setBasicAuth("shopper@demo.ocop.vn", "ocop-demo-2026"))
                .exchange().expectStatus().isOk();
        // only reading is light: writing under the same path still needs the full chain
        web.post().uri("/api/v1/products").exchange().expectStatus().value(s -> assertThat(s).isIn(401, 403));
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
        web.get().uri("/api/v1/products?availableAt=showroom").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void availableAtFiltersByPickupLocationAndCountsIt() {
        LocationId showroom = locations.open(new LocationDetails(LocationKind.SHOWROOM, "Showroom OCOP Bắc Kạn thử nghiệm", "Thái Nguyên",
                "Phường Đức Xuân, tỉnh Thái Nguyên", null, null, null, true, null)).block().id();
        ProductId biXanh = new ProductId(db.sql("select id from product where name = 'Bí xanh thơm Ba Bể'")
                .map((r, m) -> r.get("id", UUID.class)).first().block());
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, biXanh, 6, OffsetDateTime.now(), null)),
                "test").block();
        SearchIndexReady.drained(changes);
        String id = showroom.value().toString();

        web.get().uri("/api/v1/products?availableAt={id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].name").isEqualTo("Bí xanh thơm Ba Bể")
                .jsonPath("$.facets.availableAt[?(@.locationId == '" + id + "')].name").isEqualTo(List.of("Showroom OCOP Bắc Kạn thử nghiệm"))
                .jsonPath("$.facets.availableAt[?(@.locationId == '" + id + "')].count").isEqualTo(List.of(1));
        String html = web.get().uri("/search?q=bi xanh&availableAt={id}", id).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Nhận hàng tại", "aria-current=\"true\" class=\"on\">Showroom OCOP Bắc Kạn thử nghiệm (1)", "<mark>Bí</mark> <mark>xanh</mark>")
                .as("the other facets and the sort keep the filter")
                .contains("/search?q=bi%20xanh&amp;group=FOOD&amp;availableAt=" + id, "name=\"availableAt\" value=\"" + id + "\"");
    }

    @Test
    void suggestionsCompleteWithoutDiacritics() {
        web.get().uri("/api/v1/products/suggestions?q=nuoc mam p").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.degraded").isEqualTo(false)
                .jsonPath("$.names[0]").value(first -> assertThat((String) first).startsWith("Nước mắm Phú Quốc"));
        String html = web.get().uri("/search/suggestions?q=tra hoa").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("role=\"option\" id=\"search-suggestion-0\"", "Trà hoa vàng")
                .containsPattern("<p id=\"search-suggestions-status\" hx-swap-oob=\"innerHTML\">\\d gợi ý</p>");
    }

    @Test
    void whenNoProductHasEveryWordTheClosestAreMarkedPartial() {
        web.get().uri("/api/v1/products?q=bi xanh").exchange().expectBody().jsonPath("$.partial").isEqualTo(false);
        web.get().uri("/api/v1/products?q=bi xanh qwzx").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.partial").isEqualTo(true)
                .jsonPath("$.items[0].name").isEqualTo("Bí xanh thơm Ba Bể");
        String html = web.get().uri("/search?q=bi xanh qwzx").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Không có sản phẩm khớp mọi từ; gần đúng:", "<mark>Bí</mark> <mark>xanh</mark> thơm Ba Bể");
        String english = web.get().uri("/search?q=bi xanh qwzx&lang=en").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("No product matches every word; closest:");
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
    void healthShowsTheOutboxLagToAnAdministrator() {
        web.get().uri("/actuator/health").headers(h -> h.setBasicAuth("admin@demo.ocop.vn", "ocop-demo-2026")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.searchIndex.status").isEqualTo("UP")
                .jsonPath("$.components.searchIndex.details.outboxPending").isEqualTo(0);
    }
}
