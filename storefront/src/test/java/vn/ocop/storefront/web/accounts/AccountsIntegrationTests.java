package vn.ocop.storefront.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.onboarding.AnonymousForm;
import vn.ocop.storefront.web.producer.SignedIn;

/** Accounts others make: ADMIN's staff and council accounts and disabling any account; a producer owner's members. */
@StorefrontTest
class AccountsIntegrationTests {

    static final String DEMO_PASSWORD = "ocop-demo-2026";
    static final String PASSWORD = "Lua-moi-Dien-Bien-2026";
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @RegisterExtension
    static final Mailbox.SmtpServer smtp = Mailbox.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        Mailbox.sendTo(smtp, properties);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void adminMakesAStaffAccountForAnOutletWhoseHolderSetsAPasswordAndWorksThere() {
        UUID showroom = location("SHOWROOM", "TP. Hồ Chí Minh");

        var made = createAccount(Map.of("role", "STAFF", "email", "thu.ngan@example.vn", "displayName", "Lê Thu Ngân",
                "locationId", showroom.toString())).expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();

        assertThat(made).containsEntry("mailed", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) made.get("account");
        assertThat(account).containsEntry("role", "STAFF").containsEntry("passwordSet", false)
                .containsEntry("locationId", showroom.toString());
        MimeMessage mail = Mailbox.latestTo(smtp, "thu.ngan@example.vn");
        assertThat(Mailbox.subject(mail)).isEqualTo("Tài khoản Chợ OCOP của bạn");
        assertThat(Mailbox.text(mail)).contains("nhân viên của Showroom OCOP TP. Hồ Chí Minh (demo)");
        setPassword(mail);
        web.get().uri("/api/v1/staff/stock").headers(as("thu.ngan@example.vn", PASSWORD)).exchange().expectStatus().isOk();

        createAccount(Map.of("role", "STAFF", "email", "kho@example.vn", "displayName", "Kho", "locationId",
                location("WAREHOUSE", null).toString()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("locationId");
        createAccount(Map.of("role", "STAFF", "email", "kho@example.vn", "displayName", "Kho"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("locationId");
        createAccount(Map.of("role", "STAFF", "email", "staff@demo.ocop.vn", "displayName", "Trùng", "locationId", showroom.toString()))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("email-taken");
        assertThat(count("kho@example.vn")).isZero();
    }

    @Test
    void adminMakesACouncilAccountForAProvinceOrTheNation() {
        createAccount(Map.of("role", "COUNCIL", "email", "hoidong.hcm@example.vn", "displayName", "Hội đồng OCOP TP. HCM",
                "councilScope", "79"))
                .expectStatus().isCreated().expectBody().jsonPath("$.account.councilScope").isEqualTo("TP. Hồ Chí Minh");
        createAccount(Map.of("role", "COUNCIL", "email", "hoidong.tw@example.vn", "displayName", "Hội đồng OCOP Trung ương",
                "councilScope", "NATIONAL"))
                .expectStatus().isCreated().expectBody().jsonPath("$.account.councilScope").isEqualTo("NATIONAL");
        createAccount(Map.of("role", "COUNCIL", "email", "hoidong.x@example.vn", "displayName", "Không có tỉnh", "councilScope", "99"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("councilScope");
        createAccount(Map.of("role", "SHOPPER", "email", "x@example.vn", "displayName", "Khách")).expectStatus().isBadRequest();
        assertThat(Mailbox.text(Mailbox.latestTo(smtp, "hoidong.hcm@example.vn"))).contains("Hội đồng đánh giá OCOP TP. Hồ Chí Minh");
        assertThat(count("hoidong.x@example.vn")).isZero();
    }

    @Test
    void aDisabledAccountCannotSignInAndItsOpenSessionEndsAtItsNextRequest() {
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "khach.quen@example.vn", "displayName", "Khách quen", "password", PASSWORD))
                .exchange().expectStatus().isCreated();
        SignedIn browser = SignedIn.as(web, "khach.quen@example.vn", PASSWORD);
        browser.page("/orders");
        UUID id = accountId("khach.quen@example.vn");

        web.post().uri("/api/v1/admin/accounts/{id}/disable", id).headers(admin()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);

        // the page asking to sign in again says why
        browser.request(web.get().uri("/orders").accept(MediaType.TEXT_HTML)).expectStatus().is3xxRedirection()
                .expectHeader().location("/login?disabled");
        browser.request(web.get().uri("/orders").accept(MediaType.TEXT_HTML)).expectStatus().is3xxRedirection()
                .expectHeader().location("/login");
        web.get().uri("/api/v1/orders").headers(as("khach.quen@example.vn", PASSWORD)).exchange().expectStatus().isUnauthorized();
        AnonymousForm.at(web, "/login").post("/login", "username", "khach.quen@example.vn", "password", PASSWORD)
                .expectStatus().is3xxRedirection().expectHeader().location("/login?disabled");
        assertThat(AnonymousForm.html(web.get().uri("/login?disabled").accept(MediaType.TEXT_HTML).exchange()))
                .contains("Tài khoản này đã bị khóa");
        web.post().uri("/api/v1/admin/accounts/{id}/disable", id).headers(admin()).exchange().expectStatus().isEqualTo(409);

        web.post().uri("/api/v1/admin/accounts/{id}/enable", id).headers(admin()).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/orders").headers(as("khach.quen@example.vn", PASSWORD)).exchange().expectStatus().isOk();
    }

    @Test
    void nobodyButAdminManagesAccountsAndAdminCannotDisableItself() {
        UUID admin = accountId("admin@demo.ocop.vn");

        web.post().uri("/api/v1/admin/accounts/{id}/disable", admin).headers(admin()).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("not-yourself");
        web.post().uri("/api/v1/admin/accounts/{id}/disable", UUID.randomUUID()).headers(admin()).exchange().expectStatus().isNotFound();
        for (String who : new String[] {"shopper", "producer", "staff", "council"}) {
            web.get().uri("/api/v1/admin/accounts").headers(as(who + "@demo.ocop.vn", DEMO_PASSWORD)).exchange().expectStatus().isForbidden();
            web.post().uri("/api/v1/admin/accounts/{id}/disable", admin).headers(as(who + "@demo.ocop.vn", DEMO_PASSWORD)).exchange()
                    .expectStatus().isForbidden();
        }
        web.get().uri("/api/v1/admin/accounts?role=COUNCIL").headers(admin()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.email == 'council-province@demo.ocop.vn')].councilScope")
                .isEqualTo(java.util.List.of("TP. Hồ Chí Minh"));
    }

    @Test
    void ownerInvitesAMemberWhoActsForTheProducerUntilRemoved() {
        var invited = web.post().uri("/api/v1/producer/members").headers(owner()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "ban.hang@example.vn", "displayName", "Phạm Bán Hàng")).exchange()
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        assertThat(invited).containsEntry("mailed", true);
        MimeMessage mail = Mailbox.latestTo(smtp, "ban.hang@example.vn");
        assertThat(Mailbox.subject(mail)).startsWith("Lời mời tham gia gian hàng ");
        setPassword(mail);
        var member = as("ban.hang@example.vn", PASSWORD);
        String listings = web.get().uri("/api/v1/producer/products").headers(owner()).exchange().expectBody(String.class).returnResult().getResponseBody();
        web.get().uri("/api/v1/producer/products").headers(member).exchange().expectStatus().isOk().expectBody().json(listings);
        UUID memberId = accountId("ban.hang@example.vn");
        UUID owner = accountId("producer@demo.ocop.vn");

        web.post().uri("/api/v1/producer/members").headers(member).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nguoi.khac@example.vn", "displayName", "Người khác")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("not-owner");
        web.delete().uri("/api/v1/producer/members/{id}", owner).headers(member).exchange().expectStatus().isForbidden();
        web.delete().uri("/api/v1/producer/members/{id}", owner).headers(owner()).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("not-yourself");
        web.delete().uri("/api/v1/producer/members/{id}", accountId("staff@demo.ocop.vn")).headers(owner()).exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/producer/members").headers(owner()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "shopper@demo.ocop.vn", "displayName", "Khách")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("email-taken");

        SignedIn memberBrowser = SignedIn.as(web, "ban.hang@example.vn", PASSWORD);
        memberBrowser.page("/producer");
        web.delete().uri("/api/v1/producer/members/{id}", memberId).headers(owner()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);

        memberBrowser.request(web.get().uri("/producer").accept(MediaType.TEXT_HTML)).expectStatus().is3xxRedirection();
        web.get().uri("/api/v1/producer/products").headers(member).exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/producer/members").headers(owner()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.email == 'ban.hang@example.vn')]").doesNotExist();

        // invited back: enabled, without its old password, with a new link
        web.post().uri("/api/v1/producer/members").headers(owner()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "ban.hang@example.vn", "displayName", "Phạm Bán Hàng")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.account.passwordSet").isEqualTo(false);
        web.get().uri("/api/v1/producer/products").headers(member).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void accountPagesShowTheirFormsInVietnameseAndMistakesBesideTheField() {
        SignedIn admin = SignedIn.as(web, "admin@demo.ocop.vn", DEMO_PASSWORD);
        assertThat(admin.page("/admin/accounts")).contains("Tạo tài khoản nhân viên điểm bán", "Tạo tài khoản hội đồng OCOP",
                "council-province@demo.ocop.vn");
        assertThat(admin.page("/admin/producer-applications")).contains("Hồ sơ đăng ký bán hàng", "HTX Chè Tân Cương (demo)");
        assertThat(admin.page("/admin/producers?q=Xuân Nguyên")).contains("Công ty CP Tập đoàn Xuân Nguyên");
        String created = admin.post("/admin/accounts/council", SignedIn.form("_csrf", admin.csrf("/admin/accounts"), "role", "COUNCIL",
                        "email", "khong-phai-email", "displayName", "Hội đồng", "councilScope", "NATIONAL"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(created)).contains("Địa chỉ e-mail không hợp lệ.");
        admin.post("/admin/accounts/" + accountId("admin@demo.ocop.vn") + "/disable", SignedIn.form("_csrf", admin.csrf("/admin/accounts")))
                .expectStatus().isSeeOther().expectHeader().location("/admin/accounts?refused=NOT_YOURSELF");
        assertThat(admin.page("/admin/accounts?refused=NOT_YOURSELF")).contains("Bạn không thể khóa tài khoản của chính mình.");

        SignedIn owner = SignedIn.as(web, "producer@demo.ocop.vn", DEMO_PASSWORD);
        assertThat(owner.page("/producer")).contains("Thành viên");
        assertThat(owner.page("/producer/members")).contains("Mời thành viên", "producer@demo.ocop.vn", "(chủ gian hàng)");
    }

    private void setPassword(MimeMessage mail) {
        String link = Mailbox.linkPath(mail);
        AnonymousForm.at(web, link).post(link, "password", PASSWORD, "confirmPassword", PASSWORD)
                .expectStatus().isSeeOther().expectHeader().location("/login?passwordSet");
    }

    private WebTestClient.ResponseSpec createAccount(Map<String, String> body) {
        return web.post().uri("/api/v1/admin/accounts").headers(admin()).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private UUID location(String kind, String province) {
        return db.sql("select id from location where kind = :kind and (cast(:province as text) is null or province = :province) limit 1")
                .bind("kind", kind)
                .bind("province", org.springframework.r2dbc.core.Parameter.fromOrEmpty(province, String.class))
                .map((row, md) -> row.get("id", UUID.class)).one().block();
    }

    private UUID accountId(String email) {
        return db.sql("select id from account where email = :e").bind("e", email).map((row, md) -> row.get("id", UUID.class)).one().block();
    }

    private long count(String email) {
        return db.sql("select count(*) as n from account where email = :e").bind("e", email).map((row, md) -> row.get("n", Long.class)).one().block();
    }

    static Consumer<HttpHeaders> admin() {
        return as("admin@demo.ocop.vn", DEMO_PASSWORD);
    }

    static Consumer<HttpHeaders> owner() {
        return as("producer@demo.ocop.vn", DEMO_PASSWORD);
    }

    static Consumer<HttpHeaders> as(String email, String password) {
        return h -> h.setBasicAuth(email, password);
    }
}
