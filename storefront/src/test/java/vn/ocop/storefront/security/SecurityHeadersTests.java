package vn.ocop.storefront.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Every answer carries a Content-Security-Policy that allows no inline script and lets Stripe in only on the order
 * pages (and the video players only on live pages), a Permissions-Policy, and no page of the shop has an inline
 * script or event handler for it to block. A page route takes no JSON body in place of its CSRF token.
 */
@StorefrontTest
class SecurityHeadersTests {

    static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=\\s*[\"']", Pattern.CASE_INSENSITIVE);

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void pagesRunNoInlineScriptAndOnlyOrderPagesLetStripeIn() {
        UUID product = db.sql("select product_id from sellable_ranking(current_date) limit 1").map((r, m) -> r.get("product_id", UUID.class)).one().block();
        for (String page : List.of("/", "/search?q=mat+ong", "/products", "/products/" + product, "/live", "/login", "/register", "/cart")) {
            var answer = web.get().uri(page).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
            String csp = answer.getResponseHeaders().getFirst("Content-Security-Policy");
            assertThat(csp).as(page).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("stripe", "unsafe-inline");
            assertThat(answer.getResponseHeaders().getFirst("Permissions-Policy")).as(page).contains("camera=()", "geolocation=()");
            assertThat(INLINE_SCRIPT.matcher(answer.getResponseBody()).find()).as(page + " has an inline script or handler").isFalse();
        }
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");
        String orderPageCsp = shopper.request(web.get().uri("/orders/" + UUID.randomUUID()).accept(MediaType.TEXT_HTML))
                .returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(orderPageCsp).contains("script-src 'self' https://js.stripe.com", "frame-src https://js.stripe.com https://hooks.stripe.com");
        assertThat(web.get().uri("/api/v1/products").exchange().returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy"))
                .doesNotContain("stripe");
    }

    @Test
    void aJsonBodyStandsInForTheCsrfTokenOnApiRoutesOnlyNotOnPages() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");
        UUID order = UUID.randomUUID();

        shopper.request(web.post().uri("/orders/{id}/cancel", order).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"OTHER\"}"))
                .expectStatus().isForbidden();
        shopper.request(web.post().uri("/api/v1/orders/{id}/cancel", order).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"OTHER\"}"))
                .expectStatus().isNotFound();
    }
}
