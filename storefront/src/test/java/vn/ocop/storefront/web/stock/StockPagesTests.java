package vn.ocop.storefront.web.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/** The stock pages through the browser's forms: staff, producer, administrator, and the product page's pickup points. */
@StorefrontTest
class StockPagesTests {

    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    UUID showroom;
    UUID warehouse;

    @BeforeEach
    void demoLocations() {
        showroom = db.sql("select id from location where name like 'Showroom OCOP Hà Nội%'").map((r, m) -> r.get("id", UUID.class)).one().block();
        warehouse = db.sql("select id from location where kind = 'WAREHOUSE'").map((r, m) -> r.get("id", UUID.class)).one().block();
    }

    @Test
    void staffReceiveGoodsThroughTheFormAndSeeTheStockRise() {
        SignedIn staff = SignedIn.as(web, "staff@demo.ocop.vn", PASSWORD);
        UUID product = unstockedSellableProduct();
        String csrf = staff.csrf("/staff/stock");

        staff.post("/staff/stock", SignedIn.form("_csrf", csrf, "id", UUID.randomUUID().toString(), "type", "RECEIPT",
                "productCode", product.toString(), "quantity", "12")).expectStatus().is3xxRedirection();

        assertThat(onHand(showroom, product)).isEqualTo(12);
        assertThat(staff.page("/staff/stock/" + product)).contains("Nhập hàng").contains("staff@demo.ocop.vn");
    }

    @Test
    void aBadQuantityIsExplainedOnTheFormAndRecordsNothing() {
        SignedIn staff = SignedIn.as(web, "staff@demo.ocop.vn", PASSWORD);
        UUID product = unstockedSellableProduct();

        String html = HtmlUtils.htmlUnescape(staff.post("/staff/stock", SignedIn.form("_csrf", staff.csrf("/staff/stock"),
                        "id", UUID.randomUUID().toString(), "type", "COUNT", "productCode", product.toString(), "counted", "3"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(html).contains("kiểm kê cần cả số sổ sách và số đếm được");
        assertThat(onHand(showroom, product)).isZero();
    }

    @Test
    void staffResolveADiscrepancyThatATillRaised() {
        SignedIn staff = SignedIn.as(web, "staff@demo.ocop.vn", PASSWORD);
        UUID product = unstockedSellableProduct();
        web.post().uri("/api/v1/locations/{id}/sync", showroom).header("Authorization", "Bearer " + SyncApiControllerTests.DEMO_TILL_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SyncApiControllerTests.batch(null, SyncApiControllerTests.sale(product, 2)))
                .exchange().expectStatus().isOk();
        UUID id = db.sql("select id from stock_discrepancy where product_id = :p").bind("p", product).map((r, m) -> r.get("id", UUID.class)).one().block();
        assertThat(staff.page("/staff/discrepancies")).contains("Bán quá số tồn").contains("tồn sau khi bán -2");

        String empty = HtmlUtils.htmlUnescape(staff.post("/staff/discrepancies/" + id + "/resolve",
                        SignedIn.form("_csrf", staff.csrf("/staff/discrepancies"), "resolution", ""))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        staff.post("/staff/discrepancies/" + id + "/resolve", SignedIn.form("_csrf", staff.csrf("/staff/discrepancies"),
                "resolution", "Kiểm kê lại: hàng nhận chưa ghi sổ")).expectStatus().is3xxRedirection();

        assertThat(empty).contains("Ghi rõ cách xử lý");
        assertThat(staff.page("/staff/discrepancies")).contains("Xử lý bởi staff@demo.ocop.vn: Kiểm kê lại: hàng nhận chưa ghi sổ");
    }

    @Test
    void staffMakeATillKeyThatIsShownOnceAndWorksForSync() {
        SignedIn staff = SignedIn.as(web, "staff@demo.ocop.vn", PASSWORD);

        var made = staff.post("/staff/till-keys", SignedIn.form("_csrf", staff.csrf("/staff/till-keys"), "label", "Quầy 9"))
                .expectStatus().isSeeOther().returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(made).as("Post/Redirect/Get: the secret is not in the URL").hasToString("/staff/till-keys");
        String html = staff.page(made.toString());
        String secret = html.replaceAll("(?s).*<code>(ocop_till_[^<]+)</code>.*", "$1");

        assertThat(secret).startsWith("ocop_till_");
        assertThat(staff.page("/staff/till-keys")).as("shown once: a refresh no longer shows it").contains("Quầy 9").doesNotContain(secret);
        web.post().uri("/api/v1/locations/{id}/sync", showroom).header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SyncApiControllerTests.batch(null)).exchange().expectStatus().isOk();

        String keys = staff.page("/staff/till-keys");
        String key = java.util.regex.Pattern.compile("<strong>Quầy 9</strong>[\\s\\S]*?/staff/till-keys/([0-9a-f-]{36})/revoke").matcher(keys)
                .results().findFirst().orElseThrow().group(1);
        String unconfirmed = HtmlUtils.htmlUnescape(staff.post("/staff/till-keys/" + key + "/revoke", SignedIn.form("_csrf", staff.csrf("/staff/till-keys")))
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody());
        assertThat(unconfirmed).contains("Hãy đánh dấu ô „Tôi xác nhận“ trước khi thực hiện: chưa có gì thay đổi.");
        web.post().uri("/api/v1/locations/{id}/sync", showroom).header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SyncApiControllerTests.batch(null)).exchange()
                .expectStatus().isOk(); // the unconfirmed revocation changed nothing

        var revoked = staff.post("/staff/till-keys/" + key + "/revoke", SignedIn.form("_csrf", staff.csrf("/staff/till-keys"), "confirmed", "true"))
                .expectStatus().isSeeOther().returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(staff.page(revoked.toString())).contains("Đã thu hồi khóa.");
        web.post().uri("/api/v1/locations/{id}/sync", showroom).header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SyncApiControllerTests.batch(null)).exchange().expectStatus().is4xxClientError();
    }

    @Test
    void aProducerSendsGoodsToTheShowroomAndShoppersSeeWhereToPickThemUp() {
        SignedIn producer = SignedIn.as(web, "producer@demo.ocop.vn", PASSWORD);
        UUID product = db.sql("select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                        + "join location l on l.producer_id = p.producer_id order by p.name limit 1")
                .map((r, m) -> r.get("product_id", UUID.class)).one().block();
        producer.post("/producer/stock", SignedIn.form("_csrf", producer.csrf("/producer/stock"), "id", UUID.randomUUID().toString(),
                "locationId", warehouse.toString(), "type", "RECEIPT", "productId", product.toString(), "quantity", "30"))
                .expectStatus().is3xxRedirection();

        String tooMany = HtmlUtils.htmlUnescape(producer.post("/producer/stock/transfers", SignedIn.form("_csrf", producer.csrf("/producer/stock"),
                        "id", UUID.randomUUID().toString(), "fromLocationId", warehouse.toString(), "toLocationId", showroom.toString(),
                        "productId", product.toString(), "quantity", "31"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        producer.post("/producer/stock/transfers", SignedIn.form("_csrf", producer.csrf("/producer/stock"), "id", UUID.randomUUID().toString(),
                "fromLocationId", warehouse.toString(), "toLocationId", showroom.toString(), "productId", product.toString(), "quantity", "6"))
                .expectStatus().is3xxRedirection();

        assertThat(tooMany).contains("Kho không đủ hàng có thể chuyển");
        assertThat(onHand(warehouse, product)).isEqualTo(24);
        assertThat(producer.page("/producer/stock")).contains("Showroom OCOP Hà Nội (demo)");
        String page = HtmlUtils.htmlUnescape(web.get().uri("/products/{id}", product).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(page).contains("Nhận hàng tại").contains("Showroom OCOP Hà Nội (demo)").contains("Còn 6");
    }

    @Test
    void staffReceiveALotWithItsDatesAndSeeItUnderItsProductOnTheExpiringListAndOnTheProductPage() {
        SignedIn staff = SignedIn.as(web, "staff@demo.ocop.vn", PASSWORD);
        UUID product = unstockedSellableProduct();
        LocalDate today = today();
        String code = "L" + today.getYear() + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        staff.post("/staff/stock", SignedIn.form("_csrf", staff.csrf("/staff/stock"), "id", UUID.randomUUID().toString(), "type", "RECEIPT",
                "productCode", product.toString(), "quantity", "5", "lotCode", code.toLowerCase(),
                "producedOn", today.minusDays(60).toString(), "useBy", today.plusDays(10).toString())).expectStatus().is3xxRedirection();

        String page = staff.page("/staff/stock");
        String expiring = page.substring(page.indexOf("id=\"expiring\""));
        assertThat(page).contains(code).contains("Sắp hết hạn");
        assertThat(page.substring(0, page.indexOf("id=\"expiring\""))).as("the product's own row lists its lots under it")
                .contains("class=\"lots-row\"").contains(code);
        assertThat(expiring).contains(code).contains(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today.plusDays(10)));
        staff.request(web.get().uri("/api/v1/staff/lots/expiring")).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.lotCode == '" + code + "')].onHand").isEqualTo(5)
                .jsonPath("$[?(@.lotCode == '" + code + "')].expired").isEqualTo(false);
        String productPage = HtmlUtils.htmlUnescape(web.get().uri("/products/{id}", product).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(productPage).contains("HSD từ " + DateTimeFormatter.ofPattern("MM/yyyy").format(today.plusDays(10)));
        web.get().uri("/api/v1/products/{id}", product).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.useByFrom").isEqualTo(today.plusDays(10).toString());
        web.get().uri("/api/v1/products/{id}/availability", product).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.locationId == '" + showroom + "')].useByFrom").isEqualTo(today.plusDays(10).toString());
    }

    @Test
    void aBadLotCodeOrAUseByBeforeItsProductionDateIsExplainedOnTheFormAndRecordsNothing() {
        SignedIn staff = SignedIn.as(web, "staff@demo.ocop.vn", PASSWORD);
        UUID product = unstockedSellableProduct();

        String badCode = HtmlUtils.htmlUnescape(staff.post("/staff/stock", SignedIn.form("_csrf", staff.csrf("/staff/stock"),
                        "id", UUID.randomUUID().toString(), "type", "RECEIPT", "productCode", product.toString(), "quantity", "3",
                        "lotCode", "lô số 1"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        String badDates = HtmlUtils.htmlUnescape(staff.post("/staff/stock", SignedIn.form("_csrf", staff.csrf("/staff/stock"),
                        "id", UUID.randomUUID().toString(), "type", "RECEIPT", "productCode", product.toString(), "quantity", "3",
                        "lotCode", "L1", "producedOn", "2026-11-01", "useBy", "2026-10-01"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(badCode).contains("Số lô gồm 1–40 chữ cái");
        assertThat(badDates).contains("Hạn sử dụng không thể trước ngày sản xuất");
        assertThat(onHand(showroom, product)).isZero();
    }

    @Test
    void aTillSaleOfAnExpiredLotIsFlaggedOnTheDiscrepanciesPageInBothLanguages() {
        SignedIn staff = SignedIn.as(web, "staff@demo.ocop.vn", PASSWORD);
        UUID product = unstockedSellableProduct();
        staff.post("/staff/stock", SignedIn.form("_csrf", staff.csrf("/staff/stock"), "id", UUID.randomUUID().toString(), "type", "RECEIPT",
                "productCode", product.toString(), "quantity", "4", "lotCode", "HET-HAN-1", "useBy", today().minusDays(1).toString()))
                .expectStatus().is3xxRedirection();
        var sale = new java.util.HashMap<String, Object>(SyncApiControllerTests.sale(product, 1));
        sale.put("lotCode", "HET-HAN-1");

        web.post().uri("/api/v1/locations/{id}/sync", showroom).header("Authorization", "Bearer " + SyncApiControllerTests.DEMO_TILL_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SyncApiControllerTests.batch(null, sale))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].status").isEqualTo("applied")
                .jsonPath("$.results[0].discrepancies[0]").isEqualTo("EXPIRED_LOT");

        assertThat(staff.page("/staff/discrepancies")).contains("Bán hàng thuộc lô đã hết hạn sử dụng");
        assertThat(staff.page("/staff/discrepancies?lang=en")).contains("Sold from a lot past its use-by date");
    }

    @Test
    void anAdministratorOpensALocationAndMistakesStayOnTheForm() {
        SignedIn admin = SignedIn.as(web, "admin@demo.ocop.vn", PASSWORD);
        String csrf = admin.csrf("/admin/locations");

        String refused = HtmlUtils.htmlUnescape(admin.post("/admin/locations", SignedIn.form("_csrf", csrf, "kind", "WAREHOUSE",
                        "name", "Kho không chủ", "province", "Hà Nội", "address", "Số 1 phố Huế"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        String location = admin.post("/admin/locations", SignedIn.form("_csrf", csrf, "kind", "SALES_POINT", "name", "Điểm bán OCOP Hội An (thử)",
                        "province", "Đà Nẵng", "address", "Phố cổ Hội An", "pickupAllowed", "true", "openingHours", "08:00–22:00"))
                .expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().getPath();

        assertThat(refused).as("the rule in the page's language, not the module's English").contains("chỉ kho hàng thuộc về một chủ thể")
                .doesNotContain("a WAREHOUSE belongs to one producer");
        assertThat(admin.page(location)).contains("Điểm bán OCOP Hội An (thử)").contains("Khóa máy bán hàng");
        web.get().uri("/api/v1/locations?province=Đà Nẵng").exchange().expectBody()
                .jsonPath("$[0].pickupAllowed").isEqualTo(true);
    }

    @Test
    void otherRolesCannotReachTheStaffOrAdminPages() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", PASSWORD);
        shopper.request(web.get().uri("/staff/stock").accept(MediaType.TEXT_HTML)).expectStatus().isForbidden();
        shopper.request(web.get().uri("/admin/locations").accept(MediaType.TEXT_HTML)).expectStatus().isForbidden();
        web.get().uri("/staff/stock").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection();
    }

    private UUID unstockedSellableProduct() {
        return db.sql("select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                        + "where not exists (select 1 from stock s where s.product_id = r.product_id) "
                        + "and not exists (select 1 from location l where l.producer_id = p.producer_id) order by random() limit 1")
                .map((r, m) -> r.get("product_id", UUID.class)).one().block();
    }

    private LocalDate today() {
        return db.sql("select catalog_today() as d").map((r, m) -> r.get("d", LocalDate.class)).one().block();
    }

    private int onHand(UUID location, UUID product) {
        return db.sql("select on_hand from stock where location_id = :l and product_id = :p").bind("l", location).bind("p", product)
                .map((r, m) -> r.get("on_hand", Integer.class)).one().defaultIfEmpty(0).block();
    }
}
