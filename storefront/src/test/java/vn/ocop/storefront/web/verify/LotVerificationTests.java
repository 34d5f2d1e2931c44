package vn.ocop.storefront.web.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * A lot's label: the verify page and API show the lot's dates, its state and its path (who, what, where, when) and
 * nothing private; its producer prints a sheet of its QR labels, nobody else can.
 */
@StorefrontTest
class LotVerificationTests {

    static final String PRODUCER = "producer@demo.ocop.vn";
    static final String PASSWORD = "ocop-demo-2026";
    static final String TILL_KEY = "ocop-demo-till-hanoi-showroom-2026";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The path every test reads, made once per class: received, sent to the Hà Nội showroom, sold there, sent to a buyer. */
    record Trail(UUID product, String code, String producerName, String warehouseName, UUID lot, UUID recalledLot, UUID slashLot,
                 LocalDate producedOn, LocalDate useBy) {
    }

    static Trail trail;

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;

    @BeforeEach
    void aLotWithAPath() {
        if (trail == null) {
            trail = seed();
        }
    }

    @Test
    void theLotsPageShowsItsDatesAndEachStepsWhoWhatWhereWhenWithoutAccountsTillsOrOrders() {
        String html = page("/verify/" + trail.code.toLowerCase() + "?lot=l-trace-01");

        assertThat(html).contains("Còn hiệu lực đến", "Lô hàng L-TRACE-01", "Mã lô", "L-TRACE-01",
                "Ngày sản xuất (NSX)", DAY.format(trail.producedOn), "Hạn sử dụng (HSD)", DAY.format(trail.useBy), "Còn hạn",
                "TCVN 12850:2019");
        assertThat(html).contains("Sản xuất", "Cơ sở sản xuất", "Nhập kho", "40 sản phẩm", trail.warehouseName, trail.producerName,
                "Xuất chuyển đi", "Nhận hàng chuyển đến", "30 sản phẩm", "Showroom OCOP Hà Nội", "Bán", "bán tại quầy",
                "Giao hàng", "giao cho người mua (đơn hàng trực tuyến)", "Khi nào", "Ai", "Ở đâu", DAY.format(catalog.today()));
        assertThat(count(html, "lot-step-sold")).as("two counter sales on one day are one step").isEqualTo(1);
        assertThat(html).as("the day's counter sales summed").contains("5 sản phẩm");
        assertThat(html).doesNotContain("@demo.ocop.vn", "till-trace", "order:TRACE");
    }

    @Test
    void aRecalledLotSaysRecalledWithItsReasonAndDay() {
        db.sql("update lot set recalled_at = '2026-12-01T10:00:00+07', recall_reason = 'Phát hiện nấm mốc khi hậu kiểm' where id = :id")
                .bind("id", trail.recalledLot).then().block();

        String html = page("/verify/" + trail.code + "?lot=L-RECALL-02");
        assertThat(html).contains("ĐÃ THU HỒI", "ngày 01/12/2026", "Lý do thu hồi: Phát hiện nấm mốc khi hậu kiểm", "lot-recalled")
                .doesNotContain("Còn hạn");
        assertThat(page("/verify/" + trail.code + "?lot=L-RECALL-02&lang=en"))
                .contains("Recalled", "on 01/12/2026", "Reason for the recall: Phát hiện nấm mốc khi hậu kiểm");
        web.get().uri("/api/v1/verify/{code}/lot?lot=L-RECALL-02", trail.code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("RECALLED")
                .jsonPath("$.recalledOn").isEqualTo("2026-12-01")
                .jsonPath("$.recallReason").isEqualTo("Phát hiện nấm mốc khi hậu kiểm");
    }

    @Test
    void anUnknownLotIsTheProductsPageWithANoteNotAnError() {
        String html = page("/verify/" + trail.code + "?lot=KHONG-CO-LO-NAY");

        assertThat(html).contains("Còn hiệu lực đến", "Không tìm thấy lô „KHONG-CO-LO-NAY“ của sản phẩm này")
                .doesNotContain("Hành trình của lô hàng");
        assertThat(page("/verify/" + trail.code + "?lot=KHONG-CO-LO-NAY&lang=en")).contains("This product has no lot “KHONG-CO-LO-NAY”");
        web.get().uri("/api/v1/verify/{code}/lot?lot=KHONG-CO-LO-NAY", trail.code).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void theLotsPageSpeaksEnglish() {
        String html = page("/verify/" + trail.code + "?lot=L-TRACE-01&lang=en");

        assertThat(html).contains("Lot L-TRACE-01", "Production date", "Use by", "Within its use-by date", "The lot’s path",
                "Received into stock", "Sent on", "Arrived", "sold over the counter", "handed to the buyer (online order)", "40 items");
    }

    @Test
    void theApiAnswersTheLotWithPublicFieldsOnly() {
        String json = web.get().uri("/api/v1/verify/{code}/lot?lot=l-trace-01", trail.code.toLowerCase()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        web.get().uri("/api/v1/verify/{code}/lot?lot=L-TRACE-01", trail.code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.product.code").isEqualTo(trail.code)
                .jsonPath("$.product.status").isEqualTo("VALID")
                .jsonPath("$.lot").isEqualTo("L-TRACE-01")
                .jsonPath("$.producedOn").isEqualTo(trail.producedOn.toString())
                .jsonPath("$.useBy").isEqualTo(trail.useBy.toString())
                .jsonPath("$.status").isEqualTo("ON_SALE")
                .jsonPath("$.path[0].event").isEqualTo("PRODUCED")
                .jsonPath("$.path[0].who").isEqualTo(trail.producerName)
                .jsonPath("$.path[1].event").isEqualTo("RECEIVED")
                .jsonPath("$.path[1].who").isEqualTo(trail.producerName)
                .jsonPath("$.path[1].place").isEqualTo(trail.warehouseName)
                .jsonPath("$.path[1].quantity").isEqualTo(40)
                .jsonPath("$.path[?(@.event == 'ARRIVED')].who").isEqualTo(List.of(showroomName()))
                .jsonPath("$.path[?(@.event == 'SOLD')].quantity").isEqualTo(List.of(5))
                .jsonPath("$.path[?(@.event == 'SOLD')].actor").isEqualTo(List.of("COUNTER"))
                .jsonPath("$.path[?(@.event == 'DELIVERED')].actor").isEqualTo(List.of("ONLINE_ORDER"));
        assertThat(json).doesNotContain("@demo.ocop.vn", "recordedBy", "reference", "till-trace", "order:TRACE");
    }

    @Test
    void aLotCodeWithASlashIsFoundByPageAndApi() {
        assertThat(page("/verify/" + trail.code + "?lot=lx/01")).contains("Lô hàng LX/01");
        web.get().uri("/api/v1/verify/{code}/lot?lot={lot}", trail.code, "lx/01").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.lot").isEqualTo("LX/01");
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/verify/{code}/lot'].get.parameters[?(@.name == 'lot')].in").isEqualTo(List.of("query"));
    }

    @Test
    void theProducerPrintsTwentyFourLabelsAPageWithTheLotsQrCode() throws Exception {
        SignedIn producer = SignedIn.as(web, PRODUCER, PASSWORD);
        String lots = producer.page("/producer/lots");
        assertThat(lots).contains("L-TRACE-01", "/producer/lots/" + trail.lot + "/labels");

        String sheet = producer.page("/producer/lots/" + trail.lot + "/labels");
        assertThat(count(sheet, "class=\"lot-label\"")).isEqualTo(24);
        assertThat(count(sheet, "src=\"/producer/lots/" + trail.lot + "/qr.svg\"")).isEqualTo(24);
        assertThat(sheet).contains("Lô: L-TRACE-01", "NSX: " + DAY.format(trail.producedOn), "HSD: " + DAY.format(trail.useBy),
                "Mã xác thực: " + trail.code, "data-verify=\"/verify/" + trail.code + "?lot=L-TRACE-01\"", "/css/traceability.css");
        assertThat(web.get().uri("/css/traceability.css").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).as("24 labels of 70 × 37.125 mm fill an A4 page").contains("@page { size: A4; margin: 0; }",
                "grid-template-columns: repeat(3, 70mm)", "grid-auto-rows: 37.125mm");
        assertThat(count(producer.page("/producer/lots/" + trail.lot + "/labels?pages=2"), "class=\"lot-label\"")).isEqualTo(48);

        String svg = producer.request(web.get().uri("/producer/lots/{id}/qr.svg", trail.lot)).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("image/svg+xml"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(svg).startsWith("<?xml").contains("<svg", "<path");
        assertThat(decode(svg)).as("the absolute address of the lot's verification page, as product labels carry")
                .matches("http://localhost:\\d+/verify/" + trail.code + "\\?lot=L-TRACE-01");
    }

    @Test
    void someoneElsesLotIsNotFoundAndAnonymousIsSentToSignIn() {
        UUID othersLot = db.sql("select l.id from lot l join producer p on p.id = l.producer_id "
                        + "where l.producer_id <> (select producer_id from account where email = :email) limit 1")
                .bind("email", PRODUCER).map((r, m) -> r.get("id", UUID.class)).one().block();
        SignedIn producer = SignedIn.as(web, PRODUCER, PASSWORD);
        producer.request(web.get().uri("/producer/lots/{id}/labels", othersLot).accept(MediaType.TEXT_HTML)).expectStatus().isNotFound();
        producer.request(web.get().uri("/producer/lots/{id}/qr.svg", othersLot)).expectStatus().isNotFound();
        producer.request(web.get().uri("/producer/lots/{id}/labels", UUID.randomUUID()).accept(MediaType.TEXT_HTML)).expectStatus().isNotFound();

        web.get().uri("/producer/lots/{id}/labels", trail.lot).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/login.*");
    }

    private Trail seed() {
        ProducerId producer = new ProducerId(one("select producer_id as v from account where email = '" + PRODUCER + "'", UUID.class));
        UUID warehouse = one("select id as v from location where kind = 'WAREHOUSE' and producer_id = '" + producer.value() + "'", UUID.class);
        UUID product = one("select r.product_id as v from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                + "where p.producer_id = '" + producer.value() + "' order by p.name limit 1", UUID.class);
        UUID showroom = one("select id as v from location where name like 'Showroom OCOP Hà Nội%'", UUID.class);
        LocalDate today = catalog.today();
        LocalDate producedOn = today.minusDays(15);
        LocalDate useBy = today.plusDays(3);
        ProductId p = new ProductId(product);
        OffsetDateTime at = OffsetDateTime.now().minusHours(1);
        inventory.recordAtWarehouse(producer, new LocationId(warehouse), List.of(
                Movement.of(UUID.randomUUID(), MovementType.RECEIPT, p, 40, at, null).ofLot(new LotRef("L-TRACE-01", producedOn, useBy)),
                Movement.of(UUID.randomUUID(), MovementType.RECEIPT, p, 5, at, null).ofLot(new LotRef("L-RECALL-02", producedOn, today.plusDays(90))),
                Movement.of(UUID.randomUUID(), MovementType.RECEIPT, p, 5, at, null).ofLot(new LotRef("LX/01", producedOn, today.plusDays(120)))),
                PRODUCER).block();
        // the earliest use-by goes first: the transfer takes L-TRACE-01
        inventory.transfer(producer, UUID.randomUUID(), new LocationId(warehouse), new LocationId(showroom), p, 30, PRODUCER).block();
        web.post().uri("/api/v1/locations/{id}/sync", showroom).header(HttpHeaders.AUTHORIZATION, "Bearer " + TILL_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("deviceId", "till-trace", "movements", List.of(sale(product, 2), sale(product, 3))))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.results[1].status").isEqualTo("applied");
        inventory.reserve(UUID.randomUUID(), new LocationId(showroom), p, 2, "order:TRACE", "shopper@demo.ocop.vn").block();
        inventory.fulfil(UUID.randomUUID(), new LocationId(showroom), p, 2, "order:TRACE", "staff@demo.ocop.vn").block();
        return new Trail(product, one("select verification_code as v from product where id = '" + product + "'", String.class),
                one("select name as v from producer where id = '" + producer.value() + "'", String.class),
                one("select name as v from location where id = '" + warehouse + "'", String.class),
                lot(product, "L-TRACE-01"), lot(product, "L-RECALL-02"), lot(product, "LX/01"), producedOn, useBy);
    }

    private static Map<String, Object> sale(UUID product, int quantity) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", UUID.randomUUID());
        m.put("type", "SALE");
        m.put("productId", product);
        m.put("quantity", quantity);
        m.put("occurredAt", OffsetDateTime.now().toString());
        m.put("lotCode", "L-TRACE-01");
        return m;
    }

    private UUID lot(UUID product, String code) {
        return db.sql("select id from lot where product_id = :p and code = :c").bind("p", product).bind("c", code)
                .map((r, m) -> r.get("id", UUID.class)).one().block();
    }

    private String showroomName() {
        return one("select name as v from location where name like 'Showroom OCOP Hà Nội%'", String.class);
    }

    private <T> T one(String sql, Class<T> type) {
        return db.sql(sql).map((r, m) -> r.get("v", type)).one().block();
    }

    private String page(String uri) {
        return HtmlUtils.htmlUnescape(web.get().uri(uri).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** What a phone reads from the SVG QR code: its modules drawn 4 px each, decoded by ZXing. */
    private static String decode(String svg) throws Exception {
        java.util.regex.Matcher box = java.util.regex.Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int[] pixels = new int[modules * scale * modules * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        java.util.regex.Matcher dark = java.util.regex.Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (dark.find()) {
            int x = Integer.parseInt(dark.group(1));
            int y = Integer.parseInt(dark.group(2));
            for (int dy = 0; dy < scale; dy++) {
                java.util.Arrays.fill(pixels, (y * scale + dy) * modules * scale + x * scale, (y * scale + dy) * modules * scale + (x + 1) * scale, 0xFF000000);
            }
        }
        var source = new com.google.zxing.RGBLuminanceSource(modules * scale, modules * scale, pixels);
        return new com.google.zxing.qrcode.QRCodeReader()
                .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source))).getText();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
