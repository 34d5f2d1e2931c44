package vn.ocop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.storefront.StorefrontTest;

/**
 * Sign-in and registration send the shopper back where they were (the cart, the checkout, a product page), and only
 * ever to a page of the shop: the {@code return} the header's links carry, or the page an anonymous visitor was
 * stopped at.
 */
@StorefrontTest
class SignInReturnIntegrationTests {

    static final String SHOPPER = "shopper@demo.ocop.vn";
    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    Accounts accounts;

    @Test
    void theHeaderOfAPageOffersSignInAndRegistrationThatComeBackToIt() {
        String cart = page("/cart");
        assertThat(cart).contains("href=\"/login?return=/cart\"").contains("href=\"/register?return=/cart\"");
        String login = page("/login?return=/cart");
        assertThat(login).contains("name=\"return\" value=\"/cart\"").contains("href=\"/register?return=/cart\"");
    }

    @Test
    void signingInFromTheCartReturnsToTheCart() {
        assertThat(signIn("/login?return=/cart", SHOPPER, PASSWORD, "/cart", null)).hasToString("/cart");
    }

    @Test
    void anAnonymousVisitorStoppedAtCheckoutReturnsThereAfterSigningIn() {
        var stopped = web.get().uri("/checkout").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection()
                .returnResult(String.class);
        assertThat(stopped.getResponseHeaders().getLocation()).hasToString("/login");
        ResponseCookie saved = stopped.getResponseCookies().getFirst("REDIRECT_URI");
        assertThat(saved).as("the page to return to, kept in a cookie").isNotNull();

        assertThat(signIn("/login", SHOPPER, PASSWORD, null, saved.getValue())).hasToString("/checkout");
    }

    @Test
    void registeringFromCheckoutLeadsToSignInAndBackToCheckout() {
        Form form = open("/register?return=/checkout");
        assertThat(form.html).contains("name=\"return\" value=\"/checkout\"");
        var registered = web.post().uri("/register").cookie("XSRF-TOKEN", form.csrfCookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("email", "quay.lai@example.vn", "displayName", "Đỗ Quay Lại", "phone", "0987 654 321",
                        "password", "che-thai-nguyen-2026", "confirmPassword", "che-thai-nguyen-2026", "return", "/checkout", "_csrf", form.csrf)))
                .exchange().expectStatus().is3xxRedirection().returnResult(String.class);
        URI toSignIn = registered.getResponseHeaders().getLocation();
        assertThat(toSignIn).hasToString("/login?registered&return=/checkout");

        assertThat(page(toSignIn.toString())).contains("name=\"return\" value=\"/checkout\"");
        assertThat(signIn(toSignIn.toString(), "quay.lai@example.vn", "che-thai-nguyen-2026", "/checkout", null)).hasToString("/checkout");
    }

    @Test
    void anotherSiteIsRefusedAndSignInGoesHome() {
        for (String elsewhere : new String[] {"https://evil.example/checkout", "//evil.example/cart", "/\\evil.example"}) {
            assertThat(signIn("/login", SHOPPER, PASSWORD, elsewhere, null)).as(elsewhere).hasToString("/");
            assertThat(html(web.get().uri(b -> b.path("/login").queryParam("return", "{target}").build(elsewhere))))
                    .as("not carried by the form").doesNotContain("name=\"return\"").doesNotContain("evil.example");
        }
        Form form = open("/register");
        web.post().uri("/register").cookie("XSRF-TOKEN", form.csrfCookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("email", "ra.ngoai@example.vn", "displayName", "Ra Ngoài", "phone", "0912345678",
                        "password", "nuoc-mam-phu-quoc-2026", "confirmPassword", "nuoc-mam-phu-quoc-2026", "return", "//evil.example", "_csrf", form.csrf)))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/login?registered");
    }

    @Test
    void aWrongPasswordKeepsThePageToReturnTo() {
        Form form = open("/login?return=/cart");
        web.post().uri("/login").cookie("XSRF-TOKEN", form.csrfCookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("username", SHOPPER, "password", "sai-mat-khau", "return", "/cart", "_csrf", form.csrf)))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/login?error&return=/cart");
    }

    /** Signs in through the form of that page (with the saved-request cookie, if any); where the answer sends the browser. */
    private URI signIn(String loginPage, String email, String password, String returnTo, String savedRequest) {
        Form form = open(loginPage);
        var fields = form("username", email, "password", password, "_csrf", form.csrf);
        if (returnTo != null) {
            fields.add("return", returnTo);
        }
        var post = web.post().uri("/login").cookie("XSRF-TOKEN", form.csrfCookie);
        if (savedRequest != null) {
            post = post.cookie("REDIRECT_URI", savedRequest);
        }
        EntityExchangeResult<byte[]> result = post.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(fields))
                .exchange().expectStatus().is3xxRedirection().expectBody().returnResult();
        assertThat(result.getResponseCookies().getFirst("SESSION")).as("signed in").isNotNull();
        return result.getResponseHeaders().getLocation();
    }

    private String page(String path) {
        return html(web.get().uri(path));
    }

    private String html(WebTestClient.RequestHeadersSpec<?> request) {
        return HtmlUtils.htmlUnescape(request.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private record Form(String csrfCookie, String csrf, String html) {
    }

    private Form open(String path) {
        var result = web.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
        String html = HtmlUtils.htmlUnescape(String.join("", result.getResponseBody().collectList().block()));
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return new Form(result.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), m.group(1), html);
    }

    private static LinkedMultiValueMap<String, String> form(String... kv) {
        var map = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            map.add(kv[i], kv[i + 1]);
        }
        return map;
    }
}
