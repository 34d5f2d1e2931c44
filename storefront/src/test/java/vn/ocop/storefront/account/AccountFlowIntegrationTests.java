package vn.ocop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
class AccountFlowIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Accounts accounts;

    @Test
    void registeringThroughTheApiStoresADelegatingPasswordHash() {
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"email":"Lan.Nguyen@Example.vn","displayName":"Nguyễn Thị Lan","password":"mat-khau-123"}""")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.email").isEqualTo("lan.nguyen@example.vn").jsonPath("$.role").isEqualTo("SHOPPER");
        Account stored = accounts.findByEmail("lan.nguyen@example.vn").block();
        assertThat(stored.passwordHash()).startsWith("{bcrypt}").doesNotContain("mat-khau-123");
    }

    @Test
    void invalidRegistrationIsA400WithFieldErrorsAndWritesNothing() {
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"email":"not-an-email","displayName":"","password":"short"}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'displayName')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").exists();
        assertThat(accounts.findByEmail("not-an-email").blockOptional()).isEmpty();
    }

    @Test
    void registeringATakenEmailIsA409() {
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"email":"shopper@demo.ocop.vn","displayName":"Someone","password":"another-password"}""")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("email-taken");
    }

    @Test
    void demoShopperSignsInWithTheFormAndOut() {
        Session s = openForm("/login");
        var login = web.post().uri("/login").cookie("SESSION", s.session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("username", "shopper@demo.ocop.vn", "password", "ocop-demo-2026", "_csrf", s.csrf)))
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class);
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/");
        String session = cookie(login.getResponseCookies().getFirst("SESSION"), s.session);
        String home = web.get().uri("/").cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(home).contains("shopper@demo.ocop.vn", "SHOPPER", "action=\"/logout\"");
    }

    @Test
    void loginPageShowsOnlyTheNoticeItWasSentFor() {
        String plain = web.get().uri("/login").accept(MediaType.TEXT_HTML).exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(plain).doesNotContain("E-mail hoặc mật khẩu không đúng.", "Đã tạo tài khoản.", "Bạn đã đăng xuất.");
        String error = web.get().uri("/login?error").accept(MediaType.TEXT_HTML).exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(error).contains("E-mail hoặc mật khẩu không đúng.").doesNotContain("Bạn đã đăng xuất.");
    }

    @Test
    void wrongPasswordReturnsToTheLoginFormWithAMessage() {
        Session s = openForm("/login");
        web.post().uri("/login").cookie("SESSION", s.session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("username", "shopper@demo.ocop.vn", "password", "wrong", "_csrf", s.csrf)))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/login?error");
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        web.post().uri("/register").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("email", "x@example.vn", "displayName", "X", "password", "password-1", "confirmPassword", "password-1")))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(accounts.findByEmail("x@example.vn").blockOptional()).isEmpty();
    }

    @Test
    void registrationPageShowsMistakesOnTheFormAndCreatesNothing() {
        Session s = openForm("/register");
        String html = web.post().uri("/register").cookie("SESSION", s.session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("email", "hoa@example.vn", "displayName", "Hoa",
                        "password", "password-1", "confirmPassword", "password-2", "_csrf", s.csrf)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Hai mật khẩu không khớp.");
        assertThat(accounts.findByEmail("hoa@example.vn").blockOptional()).isEmpty();
    }

    @Test
    void registrationPageCreatesTheAccountAndSendsToSignIn() {
        Session s = openForm("/register");
        web.post().uri("/register").cookie("SESSION", s.session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("email", "binh@example.vn", "displayName", "Trần Bình",
                        "password", "password-1", "confirmPassword", "password-1", "_csrf", s.csrf)))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/login?registered");
        assertThat(accounts.findByEmail("binh@example.vn").block().role()).isEqualTo(Role.SHOPPER);
    }

    private record Session(String session, String csrf) {
    }

    private Session openForm(String path) {
        var result = web.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().returnResult(String.class);
        String html = String.join("", result.getResponseBody().collectList().block());
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return new Session(result.getResponseCookies().getFirst("SESSION").getValue(), m.group(1));
    }

    private static String cookie(ResponseCookie c, String fallback) {
        return c == null ? fallback : c.getValue();
    }

    private static LinkedMultiValueMap<String, String> form(String... kv) {
        var map = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            map.add(kv[i], kv[i + 1]);
        }
        return map;
    }
}
