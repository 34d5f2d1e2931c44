package vn.ocop.storefront.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
class ProblemDetailsTests {

    @Autowired
    WebTestClient web;

    @Test
    void knownPathsStillNeedSigningIn() {
        web.get().uri("/api/v1/test-failure").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unknownApiPathIsA404Problem() {
        web.get().uri("/api/v1/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://ocop.vn/problems/not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("not-found")
                .jsonPath("$.title").isEqualTo("Not Found");
    }

    @Test
    void invalidParameterIsA400ProblemNamingTheField() {
        web.get().uri("/api/v1/products?size=1000").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void serverErrorShowsNoStackTraceNorSql() {
        String body = web.get().uri("/api/v1/test-failure").headers(h -> h.setBasicAuth("admin@demo.ocop.vn", "ocop-demo-2026")).exchange()
                .expectStatus().is5xxServerError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("internal-error", "logged as")
                .doesNotContain("select", "secret_table", "Exception", "at vn.ocop");
    }

    @Test
    void unauthenticatedApiWriteIsA401Problem() {
        web.post().uri("/api/v1/anything-private").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("nobody@x.vn:wrong".getBytes()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void pagesGetAFriendlyErrorPageInstead() {
        String html = web.get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("404", "Không tìm thấy trang này", "Về trang chủ", "Chợ OCOP");
    }
}
