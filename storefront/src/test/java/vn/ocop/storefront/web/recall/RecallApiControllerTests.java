package vn.ocop.storefront.web.recall;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.StorefrontTest;

/**
 * Recalling a lot through the API, the whole application on real PostgreSQL with GreenMail as the SMTP server: a
 * shipped order that received the lot gets a notice (on its JSON and its page) and one e-mail, however often the recall
 * is asked; someone else's lot and a council of another province get 404, a blank reason 400.
 */
@StorefrontTest
class RecallApiControllerTests {

    static final String PASSWORD = "ocop-demo-2026";

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
    Inventory inventory;
    @Autowired
    Lots lots;
    @Autowired
    Catalog catalog;

    @Test
    void aShippedOrderThatReceivedTheLotIsNoticedAndMailedOnceEvenWhenTheRecallIsRepeated() {
        WebTestClient shopper = as("shopper@demo.ocop.vn");
        WebTestClient producer = as("producer@demo.ocop.vn");
        ProductId product = demoProduct("Mật ong thu hồi");
        UUID lot = receive(product, "RC-2026-01", 5);
        Map<String, Object> line = Map.of("productId", product.value(), "quantity", 2);
        Map<?, ?> order = placeCod(shopper, "recall-1", "mai.recall@example.vn", line);
        assertThat((List<?>) order.get("recalls")).as("as placed: no recall has reached it").isEmpty();
        String parcel = (String) ((Map<?, ?>) ((List<?>) order.get("parcels")).get(0)).get("id");
        producer.post().uri("/api/v1/producer/fulfilments/{id}/confirm", parcel).exchange().expectStatus().isOk();
        producer.post().uri("/api/v1/producer/fulfilments/{id}/ship", parcel).exchange().expectStatus().isOk();
        assertThat(smtp.waitForIncomingEmail(10_000, 3)).as("placed, confirmed, shipped").isTrue();

        Map<?, ?> first = recall(producer, "/api/v1/producer/lots/{id}/recall", lot, "Phát hiện nhiễm nấm men").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(smtp.waitForIncomingEmail(10_000, 4)).isTrue();
        Map<?, ?> again = recall(producer, "/api/v1/producer/lots/{id}/recall", lot, "Phát hiện nhiễm nấm men").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again).as("asking again answers the same").isEqualTo(first);
        assertThat((List<?>) first.get("received")).singleElement()
                .satisfies(h -> assertThat(((Map<?, ?>) h).get("reference")).isEqualTo("order:" + order.get("id")));
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).toList();
        assertThat(mails).as("one recall e-mail").hasSize(4);
        assertThat(subject(mails.get(3))).isEqualTo("Thu hồi lô RC-2026-01 – đơn hàng " + order.get("code"));
        shopper.get().uri("/api/v1/orders/{id}", order.get("id")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.recalls[0].lotCode").isEqualTo("RC-2026-01")
                .jsonPath("$.recalls[0].received").isEqualTo(true)
                .jsonPath("$.recalls[0].reason").isEqualTo("Phát hiện nhiễm nấm men");
        // the same request sent again answers the order as it is now
        sendCod(shopper, "recall-1", "mai.recall@example.vn", line).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(order.get("id"))
                .jsonPath("$.recalls[0].lotCode").isEqualTo("RC-2026-01");
        String page = shopper.get().uri("/orders/{id}?lang=vi", order.get("id")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Thu hồi lô hàng", "RC-2026-01", "xin ngừng sử dụng");
        String english = shopper.get().uri("/orders/{id}?lang=en", order.get("id")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("Batch recall", "please stop using them").doesNotContain("??");
    }

    @Test
    void aLineNoOtherLotReplacesIsCancelledAloneAndShownSoToTheShopperTheProducerAndTheCouncil() {
        WebTestClient shopper = as("shopper@demo.ocop.vn");
        WebTestClient producer = as("producer@demo.ocop.vn");
        ProductId bad = demoProduct("Mật ong lô hỏng");
        ProductId good = demoProduct("Mật ong lô tốt");
        UUID lot = receive(bad, "RC-LINE-01", 4);
        receive(good, "RC-LINE-02", 4);
        Map<?, ?> order = placeCod(shopper, "recall-line-1", "mai.line@example.vn",
                Map.of("productId", bad.value(), "quantity", 1), Map.of("productId", good.value(), "quantity", 2));
        assertThat((List<?>) order.get("parcels")).as("one producer, one showroom: one parcel").hasSize(1);
        String parcel = (String) ((Map<?, ?>) ((List<?>) order.get("parcels")).get(0)).get("id");

        String answer = recall(as("council@demo.ocop.vn"), "/api/v1/council/lots/{id}/recall", lot, "Sai hạn dùng trên nhãn")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).as("the council sees what the recall did, not whose orders")
                .contains("\"heldBy\":\"ORDER\"", "\"orders\":{\"count\":1,\"received\":0,\"swapped\":0,\"cancelled\":1}")
                .doesNotContain("order:", (String) order.get("id"));
        String recallPage = as("council@demo.ocop.vn").get().uri("/council/lots/{id}/recall?lang=vi", lot).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(recallPage).contains("Đơn hàng liên quan: 1", "hủy sản phẩm: 1").doesNotContain((String) order.get("code"));
        assertThat(producer.get().uri("/producer/lots?lang=vi").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).as("a recalled lot links to its recall, to see what it reached")
                .contains("RC-LINE-01", "Xem thu hồi", "/producer/lots/" + lot + "/recall");

        Map<?, ?> after = shopper.get().uri("/api/v1/orders/{id}", order.get("id")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(after.get("status")).isEqualTo("PLACED");
        assertThat((List<?>) after.get("lines")).extracting(l -> ((Map<?, ?>) l).get("productId"), l -> ((Map<?, ?>) l).get("cancelled"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(bad.value().toString(), "RECALLED"),
                        org.assertj.core.groups.Tuple.tuple(good.value().toString(), null));
        assertThat((List<?>) after.get("timeline")).anySatisfy(e -> assertThat(((Map<?, ?>) e).get("kind")).isEqualTo("LINE_CANCELLED"));
        assertThat(((Map<?, ?>) ((List<?>) after.get("recalls")).get(0)).get("cancelled")).isEqualTo(true);
        String page = shopper.get().uri("/orders/{id}?lang=vi", order.get("id")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("line-cancelled", "Đã hủy: Lô hàng bị thu hồi, không tính tiền", "Đã hủy sản phẩm");
        String english = shopper.get().uri("/orders/{id}?lang=en", order.get("id")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("Cancelled: Batch recalled, not charged", "Item cancelled").doesNotContain("??");
        producer.get().uri("/api/v1/producer/fulfilments/{id}", parcel).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.lines.length()").isEqualTo(1)
                .jsonPath("$.lines[0].productId").isEqualTo(good.value().toString());
    }

    @Test
    void aLotWithNothingLeftIsStillListedForItsProducerSoItCanBeRecalled() {
        ProductId product = demoProduct("Mật ong đã bán hết");
        UUID lot = receive(product, "RC-GONE-01", 1);
        UUID showroom = one("select id from location where name like 'Showroom OCOP Hà Nội%' limit 1");
        inventory.recordAtLocation(new LocationId(showroom), List.of(Movement.count(UUID.randomUUID(), product, 1, 0, OffsetDateTime.now())),
                "staff").block();

        String page = as("producer@demo.ocop.vn").get().uri("/producer/lots?lang=vi").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("RC-GONE-01", "Không còn hàng: đã bán hoặc đã giao", "/producer/lots/" + lot + "/recall");
    }

    @Test
    void aControlCharacterTypedIntoTheRecallFormIsShownBesideTheReasonAndNothingIsRecalled() {
        ProductId product = demoProduct("Mật ong thử lý do");
        UUID lot = receive(product, "RC-FORM-01", 2);
        var producer = vn.ocop.storefront.web.producer.SignedIn.as(web, "producer@demo.ocop.vn", PASSWORD);
        String path = "/producer/lots/" + lot + "/recall";

        String page = org.springframework.web.util.HtmlUtils.htmlUnescape(producer.post(path + "?lang=vi",
                        vn.ocop.storefront.web.producer.SignedIn.form("reason", "Bao bì hỏng\u001b[2J", "confirmed", "true", "_csrf", producer.csrf(path)))
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody());

        assertThat(page).contains("Có ký tự không được phép");
        assertThat(db.sql("select recalled_at is null as open from lot where id = :id").bind("id", lot)
                .map((row, md) -> row.get("open", Boolean.class)).one().block()).as("the lot is not recalled").isTrue();
    }

    @Test
    void someoneElsesLotIsNotFoundAndABlankReasonIsABadRequest() {
        ProducerId stranger = new StockFixtures(db).catalog().producerIn("HTX Tỉnh Thử", "Tỉnh Thử Nghiệm").block();
        ProductId product = new StockFixtures(db).sellableProduct(stranger, "Trà thử", catalog.today()).block();
        UUID lot = receive(product, "RC-OTHER", 3);

        recall(as("producer@demo.ocop.vn"), "/api/v1/producer/lots/{id}/recall", lot, "Sai nhãn").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        recall(as("council-province@demo.ocop.vn"), "/api/v1/council/lots/{id}/recall", lot, "Sai nhãn").expectStatus().isNotFound();
        recall(as("council@demo.ocop.vn"), "/api/v1/council/lots/{id}/recall", lot, "  ").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(lots.get(new vn.ocop.catalog.LotId(lot)).block().recalledAt()).isNull();
        String council = recall(as("council@demo.ocop.vn"), "/api/v1/council/lots/{id}/recall", lot, "Sai nhãn").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(council).contains("\"recallReason\":\"Sai nhãn\"", "\"orders\":{\"count\":0").doesNotContain("reference", "order:");
    }

    /** A new product of the demo producer, on sale today. */
    private ProductId demoProduct(String name) {
        ProducerId demoProducer = new ProducerId(one("select producer_id as id from account where email = 'producer@demo.ocop.vn'"));
        return new StockFixtures(db).sellableProduct(demoProducer, name, catalog.today()).block();
    }

    /** A cash-on-delivery order of {@code lines} to Hàng Bạc, placed through the API; its JSON. */
    @SafeVarargs
    private Map<?, ?> placeCod(WebTestClient shopper, String key, String email, Map<String, Object>... lines) {
        return sendCod(shopper, key, email, lines).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SafeVarargs
    private WebTestClient.ResponseSpec sendCod(WebTestClient shopper, String key, String email, Map<String, Object>... lines) {
        return shopper.post().uri("/api/v1/orders").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", List.of(lines),
                        "contact", Map.of("name", "Nguyễn Thị Mai", "phone", "0912345678", "email", email),
                        "delivery", Map.of("provinceCode", "01", "communeCode", "00070", "street", "25 phố Hàng Bạc"), "payment", "COD"))
                .exchange();
    }

    private WebTestClient as(String email) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).defaultHeaders(h -> h.setBasicAuth(email, PASSWORD)).build();
    }

    private WebTestClient.ResponseSpec recall(WebTestClient who, String uri, UUID lot, String reason) {
        return who.post().uri(uri, lot).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", reason)).exchange();
    }

    /** Receives the lot at the showroom (use-by a year ahead); answers the lot's id. */
    private UUID receive(ProductId product, String code, int quantity) {
        UUID showroom = one("select id from location where name like 'Showroom OCOP Hà Nội%' limit 1");
        inventory.recordAtLocation(new LocationId(showroom), List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, quantity,
                OffsetDateTime.now(), null).ofLot(new LotRef(code, null, LocalDate.now().plusYears(1)))), "test").block();
        return lots.find(product, code).block().id().value();
    }

    private UUID one(String sql) {
        return db.sql(sql).map((r, m) -> r.get("id", UUID.class)).one().block();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
