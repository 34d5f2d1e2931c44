package vn.ocop.storefront.web.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.testing.ProducerApplications;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.SearchIndexReady;
import vn.ocop.storefront.StorefrontTest;

/** Producers on board, through the API and the pages: apply, decide, the one-time link, suspension. */
@StorefrontTest
class OnboardingIntegrationTests {

    static final String DEMO_PASSWORD = "ocop-demo-2026";
    static final String PASSWORD = "Tra-Tan-Cuong-ngon-2026";

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
    @Autowired
    Catalog catalog;
    @Autowired
    CatalogChanges changes;

    @Test
    void approvalCreatesTheProducerAndItsOwnerWhoSetsAPasswordThroughTheMailedLinkOnce() throws Exception {
        String email = "htx.tancuong@example.vn";
        UUID application = apply(body("0100109106", email));
        assertThat(pending()).contains(application.toString());

        Map<String, Object> approved = approve(application).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();

        assertThat(approved).containsEntry("mailed", true);
        UUID producer = UUID.fromString((String) approved.get("producerId"));
        assertThat(one("select status || ' ' || tax_code || ' ' || payout_bank || ' ' || payout_account_no as v from producer where id = :id", producer))
                .isEqualTo("ACTIVE 0100109106 VBA 1500205012345");
        assertThat(one("select role || ' ' || producer_owner || ' ' || (password_hash is null) as v from account where email = :id", email))
                .isEqualTo("PRODUCER true true");
        MimeMessage mail = Mailbox.latestTo(smtp, email);
        assertThat(Mailbox.subject(mail)).isEqualTo("Hồ sơ bán hàng trên Chợ OCOP đã được duyệt");
        String link = Mailbox.linkPath(mail);
        String token = link.substring(link.lastIndexOf('/') + 1);

        // only the token's SHA-256 is kept, for 72 hours
        assertThat(one("select encode(l.token_hash, 'hex') as v from account_link l join account a on a.id = l.account_id where a.email = :id", email))
                .isEqualTo(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII))));
        assertThat(one("select extract(epoch from l.expires_at - l.created_at)::int / 3600 || ' h' as v from account_link l join account a on a.id = l.account_id where a.email = :id",
                email)).isEqualTo("72 h");

        var page = AnonymousForm.at(web, link);
        assertThat(AnonymousForm.html(page.post(link, "password", "password123", "confirmPassword", "password123").expectStatus().isOk()))
                .contains("10.000 mật khẩu phổ biến");
        assertThat(AnonymousForm.html(page.post(link, "password", "HTX.TanCuong-2026", "confirmPassword", "HTX.TanCuong-2026").expectStatus().isOk()))
                .as("the e-mail's part before the @").contains("không được chứa phần trước dấu @");
        page.post(link, "password", PASSWORD, "confirmPassword", PASSWORD)
                .expectStatus().isSeeOther().expectHeader().location("/login?passwordSet");

        web.get().uri("/api/v1/producer/products").headers(as(email, PASSWORD)).exchange()
                .expectStatus().isOk().expectBody().json("[]");
        String reused = AnonymousForm.html(web.get().uri(link).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(410));
        assertThat(reused).contains("Liên kết này đã được dùng để đặt mật khẩu");
        page.post(link, "password", "Mat-khau-khac-2026", "confirmPassword", "Mat-khau-khac-2026").expectStatus().isEqualTo(410);
        web.get().uri("/api/v1/producer/products").headers(as(email, "Mat-khau-khac-2026")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredOrUnknownLinkIsRefusedWithAPageThatSaysSo() {
        String email = "hkd.minhanh@example.vn";
        approve(apply(body("4601234560", email))).expectStatus().isOk();
        String link = Mailbox.linkPath(Mailbox.latestTo(smtp, email));
        db.sql("update account_link set created_at = created_at - interval '73 hours', expires_at = expires_at - interval '73 hours'"
                        + " where account_id = (select id from account where email = :email)")
                .bind("email", email).then().block();

        String expired = AnonymousForm.html(web.get().uri(link).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(410));
        String unknown = AnonymousForm.html(web.get().uri("/account/set-password/" + "A".repeat(43)).accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isNotFound());

        assertThat(expired).contains("Liên kết này đã hết hạn", "72 giờ");
        assertThat(unknown).contains("Liên kết này không hợp lệ");
        assertThat(one("select (password_hash is null)::text as v from account where email = :id", email)).isEqualTo("true");
    }

    @Test
    void approvingTwiceOrDecidingADecidedApplicationIsAConflict() {
        UUID application = apply(body("0301234562", "htx.que@example.vn"));
        approve(application).expectStatus().isOk();
        long producers = count("select count(*) as n from producer");

        approve(application).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("already-decided");
        reject(application, "Đổi ý sau khi duyệt").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("already-decided");
        approve(UUID.randomUUID()).expectStatus().isNotFound();
        assertThat(count("select count(*) as n from producer")).isEqualTo(producers);
        assertThat(Mailbox.countTo(smtp, "htx.que@example.vn")).isEqualTo(1);
    }

    @Test
    void rejectionTellsTheApplicantWhyByEmail() {
        UUID application = apply(body("0101234565", "thuy.bee@example.vn"));

        reject(application, "x").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        reject(application, "Giấy chứng nhận đăng ký HTX đã hết hiệu lực").expectStatus().isOk()
                .expectBody().jsonPath("$.application.status").isEqualTo("REJECTED").jsonPath("$.mailed").isEqualTo(true);

        MimeMessage mail = Mailbox.latestTo(smtp, "thuy.bee@example.vn");
        assertThat(Mailbox.subject(mail)).isEqualTo("Hồ sơ bán hàng trên Chợ OCOP chưa được duyệt");
        assertThat(Mailbox.text(mail)).contains("Giấy chứng nhận đăng ký HTX đã hết hiệu lực", "/producers/apply");
        approve(application).expectStatus().isEqualTo(409);
    }

    @Test
    void invalidApplicationIsA400WithAFieldErrorForEachBrokenRuleAndStoresNothing() {
        long applications = count("select count(*) as n from producer_application");
        String bad = """
                {"kind": "HOUSEHOLD", "name": "Hộ kinh doanh Minh Anh", "registrationNumber": "27B-80/01",
                 "taxCode": "0100109107", "representative": "Trần Minh Anh", "provinceCode": "19", "communeCode": "00004",
                 "phone": "0112345678", "email": "minh.anh@example.vn", "bank": "XYZ", "accountNumber": "12 34",
                 "accountHolder": "MINH ANH"}""";

        web.post().uri("/api/v1/producer-applications").contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[?(@.field == 'registrationNumber')]").exists()
                .jsonPath("$.errors[?(@.field == 'taxCode')].message").isEqualTo(List.of(
                        "the check digit (the 10th) does not match the first nine digits: please check the number"))
                .jsonPath("$.errors[?(@.field == 'phone')]").exists()
                .jsonPath("$.errors[?(@.field == 'bank')]").exists()
                .jsonPath("$.errors[?(@.field == 'accountNumber')]").exists()
                .jsonPath("$.errors[?(@.field == 'communeCode')]").exists()
                .jsonPath("$.errors[?(@.field == 'name')]").doesNotExist();
        web.post().uri("/api/v1/producer-applications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("0100109106", "a@example.vn").replace("\"COOPERATIVE\"", "\"GUILD\"")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        assertThat(count("select count(*) as n from producer_application")).isEqualTo(applications);
    }

    @Test
    void applicationPageShowsEachMistakeBesideItsFieldInVietnamese() {
        long applications = count("select count(*) as n from producer_application");
        var form = AnonymousForm.at(web, "/producers/apply");

        String page = AnonymousForm.html(form.post("/producers/apply", "kind", "ENTERPRISE", "name", "Công ty Trà Thái", "registrationNumber", "ABC123",
                "taxCode", "0100109107", "representative", "Lê Văn Thái", "provinceCode", "19", "communeCode", "05503", "phone", "12345",
                "email", "tra.thai@example.vn", "bank", "VCB", "accountNumber", "0011001234567", "accountHolder", "CONG TY TRA THAI")
                .expectStatus().isOk());

        assertThat(page).contains("Mã số không đúng với loại hình", "chữ số thứ 10 phải đúng số kiểm tra", "Số điện thoại không hợp lệ");
        assertThat(page).doesNotContain("ApplicationRules", "check digit");
        assertThat(count("select count(*) as n from producer_application")).isEqualTo(applications);

        form.post("/producers/apply", "kind", "ENTERPRISE", "name", "Công ty Trà Thái", "registrationNumber", "4001234569",
                        "taxCode", "4001234569", "representative", "Lê Văn Thái", "provinceCode", "19", "communeCode", "05503",
                        "phone", "0987 654 321", "email", "tra.thai@example.vn", "bank", "VCB", "accountNumber", "0011001234567",
                        "accountHolder", "CONG TY TRA THAI")
                .expectStatus().isSeeOther().expectHeader().location("/producers/apply/sent");
        assertThat(one("select contact_phone as v from producer_application where tax_code = :id", "4001234569")).isEqualTo("0987654321");
    }

    @Test
    void anEmailThatAlreadyHasAnAccountOrATaxCodeAlreadyWaitingIsAConflict() {
        long applications = count("select count(*) as n from producer_application");

        web.post().uri("/api/v1/producer-applications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("5701234566", "shopper@demo.ocop.vn")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("email-taken")
                .jsonPath("$.detail").isEqualTo("An account with e-mail shopper@demo.ocop.vn already exists.");
        web.post().uri("/api/v1/producer-applications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("0000000017", "other@example.vn")).exchange() // the demo application's, waiting
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("already-registered");
        assertThat(count("select count(*) as n from producer_application")).isEqualTo(applications);
    }

    @Test
    void onlyAdminSeesAndDecidesApplications() {
        String demo = pending().get(0);
        for (String who : List.of("shopper", "producer", "staff", "council")) {
            web.get().uri("/api/v1/admin/producer-applications").headers(as(who + "@demo.ocop.vn", DEMO_PASSWORD)).exchange()
                    .expectStatus().isForbidden();
            web.post().uri("/api/v1/admin/producer-applications/{id}/approve", demo).headers(as(who + "@demo.ocop.vn", DEMO_PASSWORD))
                    .exchange().expectStatus().isForbidden();
        }
        web.get().uri("/api/v1/admin/producer-applications/{id}", demo).exchange().expectStatus().isUnauthorized();
        web.get().uri("/admin/producer-applications").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection();
        web.get().uri("/api/v1/admin/producer-applications/{id}", UUID.randomUUID()).headers(admin()).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/admin/producer-applications/{id}", demo).headers(admin()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("HTX Chè Tân Cương (demo)");
    }

    @Test
    void suspendingAProducerTakesItsProductsOffSaleAtOnceAndOutOfSearchAndReactivatingBringsThemBack() {
        UUID producer = UUID.fromString(one("""
                select p.producer_id::text as v from sellable_ranking(:id) s join product p on p.id = s.product_id
                group by p.producer_id order by count(*) desc, p.producer_id limit 1""", catalog.today()));
        List<String> onSale = db.sql("select s.product_id::text as id from sellable_ranking(:today) s join product p on p.id = s.product_id"
                        + " where p.producer_id = :producer")
                .bind("today", catalog.today()).bind("producer", producer)
                .map((row, md) -> row.get("id", String.class)).all().collectList().block();
        long total = searchTotal();

        web.post().uri("/api/v1/admin/producers/{id}/suspend", producer).headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Vi phạm quy định ghi nhãn")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUSPENDED");

        onSale.forEach(id -> web.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isNotFound());
        assertThat(searchTotal()).isEqualTo(total - onSale.size());
        web.post().uri("/api/v1/admin/producers/{id}/suspend", producer).headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Lần thứ hai")).exchange().expectStatus().isEqualTo(409);

        web.post().uri("/api/v1/admin/producers/{id}/reactivate", producer).headers(admin()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        onSale.forEach(id -> web.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isOk());
        assertThat(searchTotal()).isEqualTo(total);
        web.post().uri("/api/v1/admin/producers/{id}/suspend", UUID.randomUUID()).headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Không tồn tại")).exchange().expectStatus().isNotFound();
    }

    @Test
    void adminDecidesOnTheApplicationsPageAndARefusalIsSaidThere() {
        UUID application = apply(body("3100000016", "htx.dao@example.vn"));
        var admin = vn.ocop.storefront.web.producer.SignedIn.as(web, "admin@demo.ocop.vn", DEMO_PASSWORD);
        String page = "/admin/producer-applications/" + application;
        assertThat(admin.page("/admin/producer-applications")).contains("HTX 3100000016", "Chờ duyệt");
        assertThat(admin.page(page)).contains("HTX 3100000016", "Xã Tân Cương, Thái Nguyên", "Agribank", "Duyệt hồ sơ");

        String noReason = admin.post(page + "/reject", vn.ocop.storefront.web.producer.SignedIn.form("_csrf", admin.csrf(page), "reason", ""))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(noReason).contains("Không được để trống.");
        admin.post(page + "/approve", vn.ocop.storefront.web.producer.SignedIn.form("_csrf", admin.csrf(page)))
                .expectStatus().isSeeOther().expectHeader().location(page + "?approved");

        assertThat(admin.page(page + "?approved")).contains("Đã duyệt hồ sơ", "Xem chủ thể đã tạo").doesNotContain("approve-form");
        String again = org.springframework.web.util.HtmlUtils.htmlUnescape(admin.post(page + "/approve",
                        vn.ocop.storefront.web.producer.SignedIn.form("_csrf", admin.csrf(page)))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(again).contains("Hồ sơ này đã được quyết định trước đó");
    }

    @Test
    void adminSuspendsFromTheProducersPageAndTheProducersDashboardSaysWhy() {
        UUID producer = UUID.fromString(one("select producer_id::text as v from account where email = :id", "producer@demo.ocop.vn"));
        var admin = vn.ocop.storefront.web.producer.SignedIn.as(web, "admin@demo.ocop.vn", DEMO_PASSWORD);
        var owner = vn.ocop.storefront.web.producer.SignedIn.as(web, "producer@demo.ocop.vn", DEMO_PASSWORD);
        String page = "/admin/producers/" + producer;
        assertThat(admin.page(page)).contains("Tạm ngừng bán hàng", "Đang hoạt động");

        admin.post(page + "/suspend", vn.ocop.storefront.web.producer.SignedIn.form("_csrf", admin.csrf(page), "reason", "Sai nhãn hàng hóa"))
                .expectStatus().isSeeOther().expectHeader().location(page + "?suspended");

        assertThat(owner.page("/producer")).contains("Gian hàng đang bị tạm ngừng từ", "Sai nhãn hàng hóa");
        admin.post(page + "/reactivate", vn.ocop.storefront.web.producer.SignedIn.form("_csrf", admin.csrf(page)))
                .expectStatus().isSeeOther().expectHeader().location(page + "?reactivated");
        assertThat(owner.page("/producer")).doesNotContain("Gian hàng đang bị tạm ngừng");
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private UUID apply(String body) {
        Map<String, Object> receipt = web.post().uri("/api/v1/producer-applications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(receipt).containsEntry("status", "PENDING");
        return UUID.fromString((String) receipt.get("id"));
    }

    private WebTestClient.ResponseSpec approve(UUID application) {
        return web.post().uri("/api/v1/admin/producer-applications/{id}/approve", application).headers(admin()).exchange();
    }

    private WebTestClient.ResponseSpec reject(UUID application, String reason) {
        return web.post().uri("/api/v1/admin/producer-applications/{id}/reject", application).headers(admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", reason)).exchange();
    }

    private List<String> pending() {
        return web.get().uri("/api/v1/admin/producer-applications?status=PENDING").headers(admin()).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody()
                .stream().map(a -> (String) a.get("id")).toList();
    }

    private long searchTotal() {
        SearchIndexReady.drained(changes);
        return ((Number) web.get().uri("/api/v1/products?size=1").exchange().expectBody(MAP).returnResult().getResponseBody().get("total"))
                .longValue();
    }

    private String one(String sql, Object id) {
        var spec = db.sql(sql);
        if (id != null) {
            spec = spec.bind("id", id);
        }
        return spec.map((row, md) -> String.valueOf(row.get("v"))).one().block(Duration.ofSeconds(10));
    }

    private long count(String sql) {
        return db.sql(sql).map((row, md) -> row.get("n", Long.class)).one().block();
    }

    static String body(String taxCode, String email) {
        var a = ProducerApplications.coop(taxCode);
        return """
                {"kind": "COOPERATIVE", "name": "HTX %s", "registrationNumber": "%s", "taxCode": "%s",
                 "representative": "Nguyễn Thị Hoa", "provinceCode": "19", "communeCode": "05503", "phone": "0912 345 678",
                 "email": "%s", "bank": "VBA", "accountNumber": "1500 2050 12345", "accountHolder": "HTX CHE TAN CUONG"}"""
                .formatted(taxCode, taxCode, a.taxCode().value(), email);
    }

    static Consumer<HttpHeaders> admin() {
        return as("admin@demo.ocop.vn", DEMO_PASSWORD);
    }

    static Consumer<HttpHeaders> as(String email, String password) {
        return h -> h.setBasicAuth(email, password);
    }
}
