package vn.ocop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;
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
    void theApiRefusesAPasswordUnderTenCharactersCommonOrContainingTheEmailName() {
        refusedPassword("thu.ha@example.vn", "ngan-123", "must have 10 to 128 characters");
        refusedPassword("thu.ha@example.vn", "PassWord123", "is one of the 10,000 most common passwords");
        refusedPassword("thu.ha@example.vn", "1234567890", "is one of the 10,000 most common passwords");
        refusedPassword("Thu.Ha@example.vn", "xin-chao-THU.HA", "must not contain the part of the e-mail address before the @");
        assertThat(accounts.findByEmail("thu.ha@example.vn").blockOptional()).isEmpty();
    }

    @Test
    void theApiAcceptsAGoodPasswordAndATwoLetterNameInside() {
        register("ngoc.anh@example.vn", "tra-sen-tay-ho-2026").expectStatus().isCreated();
        register("an@example.vn", "an-nhien-giua-pho").expectStatus().isCreated();
        assertThat(accounts.findByEmail("an@example.vn").blockOptional()).isPresent();
    }

    @Test
    void theRegistrationPageNamesEachPasswordRuleInVietnameseAndEnglish() {
        assertThat(registerOnThePage("", "ngan-123")).contains("Mật khẩu cần từ 10 đến 128 ký tự.");
        assertThat(registerOnThePage("", "qwertyuiop")).contains("Mật khẩu này nằm trong 10.000 mật khẩu phổ biến nhất.");
        assertThat(registerOnThePage("", "cuc-phuong-2026")).contains("Mật khẩu không được chứa phần trước dấu @ của e-mail.");
        assertThat(registerOnThePage("?lang=en", "ngan-123")).contains("The password needs 10 to 128 characters.");
        assertThat(registerOnThePage("?lang=en", "qwertyuiop")).contains("This password is among the 10,000 most common ones.");
        assertThat(registerOnThePage("?lang=en", "cuc-phuong-2026"))
                .contains("The password must not contain the part of your e-mail before the @.");
        assertThat(accounts.findByEmail("cuc@example.vn").blockOptional()).isEmpty();
    }

    private WebTestClient.ResponseSpec register(String email, String password) {
        return web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "displayName", "Thu Hà", "password", password))
                .exchange();
    }

    private void refusedPassword(String email, String password, String message) {
        register(email, password).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith(message));
    }

    private String registerOnThePage(String query, String password) {
        Form s = openForm("/register" + query);
        String html = web.post().uri("/register" + query).cookie("XSRF-TOKEN", s.csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("email", "cuc@example.vn", "displayName", "Cúc",
                        "password", password, "confirmPassword", password, "_csrf", s.csrf)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return HtmlUtils.htmlUnescape(html);
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
        Form s = openForm("/login");
        var login = web.post().uri("/login").cookie("XSRF-TOKEN", s.csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("username", "shopper@demo.ocop.vn", "password", "ocop-demo-2026", "_csrf", s.csrf)))
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class);
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/");
        String session = login.getResponseCookies().getFirst("SESSION").getValue();
        var home = web.get().uri("/").cookie("SESSION", session).cookie("XSRF-TOKEN", s.csrfCookie).accept(MediaType.TEXT_HTML).exchange()
                .returnResult(String.class);
        String page = String.join("", home.getResponseBody().collectList().block());
        assertThat(page).as("the header names the shopper, with no role code").contains("Nguyễn Thị Mai (khách demo)", "action=\"/logout\"")
                .doesNotContain(">SHOPPER<").doesNotContain("Khách mua hàng");

        var out = web.post().uri("/logout").cookie("SESSION", session).cookie("XSRF-TOKEN", s.csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("_csrf", csrfOf(page))))
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class);
        assertThat(out.getResponseHeaders().getLocation()).hasToString("/?loggedOut");
        assertThat(out.getResponseCookies().getFirst("SESSION").getMaxAge()).as("the session cookie is deleted").isZero();
        String after = web.get().uri("/").cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(after).as("the old cookie signs nobody in").doesNotContain("shopper@demo.ocop.vn");
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
        Form s = openForm("/login");
        web.post().uri("/login").cookie("XSRF-TOKEN", s.csrfCookie)
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
        Form s = openForm("/register");
        String html = web.post().uri("/register").cookie("XSRF-TOKEN", s.csrfCookie)
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
        Form s = openForm("/register");
        web.post().uri("/register").cookie("XSRF-TOKEN", s.csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("email", "binh@example.vn", "displayName", "Trần Bình", "phone", "+84 912 345 678",
                        "password", "password-1", "confirmPassword", "password-1", "_csrf", s.csrf)))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/login?registered");
        Account made = accounts.findByEmail("binh@example.vn").block();
        assertThat(made.role()).isEqualTo(Role.SHOPPER);
        assertThat(made.phone()).as("stored as its digits").isEqualTo("0912345678");
    }

    @Test
    void theRegistrationPageAsksForAVietnamesePhoneNumberAndSaysWhatIsWrong() {
        assertThat(registerWithPhone("", "gọi tôi")).contains("Số điện thoại chưa đúng: số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09");
        assertThat(registerWithPhone("", "0112 345 678")).contains("Số điện thoại chưa đúng");
        assertThat(registerWithPhone("", "")).contains("Nhập số điện thoại để người giao hàng liên lạc được với bạn.");
        assertThat(registerWithPhone("?lang=en", "+1 212 555 0100")).contains("This phone number is not valid: a mobile has 10 digits");
        assertThat(accounts.findByEmail("dao@example.vn").blockOptional()).isEmpty();
    }

    @Test
    void theApiTakesAPhoneWhenGivenAndRefusesABadOne() {
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "api.phone@example.vn", "displayName", "Khách API", "phone", "091.234.5678", "password", "tra-sen-tay-ho-2026"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.phone").isEqualTo("0912345678");
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "api.phone2@example.vn", "displayName", "Khách API", "phone", "12345", "password", "tra-sen-tay-ho-2026"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
        assertThat(accounts.findByEmail("api.phone2@example.vn").blockOptional()).isEmpty();
    }

    @Test
    void theHeaderShowsStaffRolesAsWords() {
        String page = signedInHome("admin@demo.ocop.vn");
        assertThat(page).contains("Quản trị viên (demo)").contains("<span class=\"role\">Quản trị viên</span>").doesNotContain(">ADMIN<");
    }

    private String signedInHome(String email) {
        Form s = openForm("/login");
        var login = web.post().uri("/login").cookie("XSRF-TOKEN", s.csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("username", email, "password", "ocop-demo-2026", "_csrf", s.csrf)))
                .exchange().expectStatus().is3xxRedirection().returnResult(String.class);
        String session = login.getResponseCookies().getFirst("SESSION").getValue();
        return HtmlUtils.htmlUnescape(web.get().uri("/").cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private String registerWithPhone(String query, String phone) {
        Form s = openForm("/register" + query);
        return HtmlUtils.htmlUnescape(web.post().uri("/register" + query).cookie("XSRF-TOKEN", s.csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("email", "dao@example.vn", "displayName", "Đào", "phone", phone,
                        "password", "hoa-dao-nhat-tan-2026", "confirmPassword", "hoa-dao-nhat-tan-2026", "_csrf", s.csrf)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** A form as a browser has it: the CSRF cookie the page set and the token the form carries. */
    private record Form(String csrfCookie, String csrf) {
    }

    private Form openForm(String path) {
        var result = web.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().returnResult(String.class);
        String html = String.join("", result.getResponseBody().collectList().block());
        assertThat(result.getResponseCookies().getFirst("SESSION")).as("no session for an anonymous visitor").isNull();
        return new Form(result.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), csrfOf(html));
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return m.group(1);
    }

    private static LinkedMultiValueMap<String, String> form(String... kv) {
        var map = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            map.add(kv[i], kv[i + 1]);
        }
        return map;
    }
}
