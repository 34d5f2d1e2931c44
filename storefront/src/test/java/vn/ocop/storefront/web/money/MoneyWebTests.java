package vn.ocop.storefront.web.money;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Money over HTTP: a till sale synced with its price reaches the producer's statement (API, page with its chart, CSV),
 * a producer sees only its own, ADMIN sets commission rates (bad ones are 400 with the field named, nothing saved) and
 * records payouts (more than owed is 409 unless said so; the same payout twice is one).
 */
@StorefrontTest
class MoneyWebTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String DEMO_TILL_KEY = "ocop-demo-till-hanoi-showroom-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    WebTestClient producer;
    WebTestClient admin;
    UUID producerId;
    UUID product;
    UUID showroom;
    LocalDate today;

    @BeforeEach
    void demoProducerAndShowroom() {
        // the first requests of a fresh app on a busy machine can take more than WebTestClient's 5 s
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
        producer = web.mutate().defaultHeaders(h -> h.setBasicAuth("producer@demo.ocop.vn", PASSWORD)).build();
        admin = web.mutate().defaultHeaders(h -> h.setBasicAuth("admin@demo.ocop.vn", PASSWORD)).build();
        producerId = db.sql("select producer_id from account where email = 'producer@demo.ocop.vn'").map((r, m) -> r.get("producer_id", UUID.class)).one().block();
        product = db.sql("select id from product where producer_id = :p order by id limit 1").bind("p", producerId)
                .map((r, m) -> r.get("id", UUID.class)).one().block();
        showroom = db.sql("select id from location where name like 'Showroom OCOP Hà Nội%'").map((r, m) -> r.get("id", UUID.class)).one().block();
        today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private void tillSale(int quantity, long unitPrice) {
        Map<String, Object> sale = Map.of("id", UUID.randomUUID(), "type", "SALE", "productId", product, "quantity", quantity,
                "unitPrice", unitPrice, "occurredAt", OffsetDateTime.now().toString());
        web.post().uri("/api/v1/locations/{id}/sync", showroom).header(HttpHeaders.AUTHORIZATION, "Bearer " + DEMO_TILL_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("deviceId", "quay-1", "movements", List.of(sale)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.results[0].status").isEqualTo("applied");
    }

    private long collected() {
        return producer.get().uri("/api/v1/producer/statement?from={d}&to={d}", today, today).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody() instanceof Map<?, ?> body
                ? ((Number) ((Map<?, ?>) body.get("totals")).get("collectedVnd")).longValue() : -1;
    }

    @Test
    void aTillSaleSyncedWithItsPriceIsOnTheProducersStatementHeldByTheShowroom() {
        long before = collected();
        tillSale(3, 77_000);

        assertThat(collected()).isEqualTo(before + 231_000);
        producer.get().uri("/api/v1/producer/statement?from={d}&to={d}", today, today).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.producer.id").isEqualTo(producerId.toString())
                .jsonPath("$.lines[?(@.channel == 'TILL')].holder.kind").isEqualTo("SHOWROOM")
                .jsonPath("$.balances[?(@.counterparty.kind == 'SHOWROOM')].closingDirection").isEqualTo("OWES_PRODUCER")
                .jsonPath("$.weeks").isNotEmpty();
    }

    @Test
    void theStatementPageShowsTheWeeklyChartAndPrintsAndItsCsvListsTheSale() {
        tillSale(2, 55_000);
        SignedIn signedIn = SignedIn.as(web, "producer@demo.ocop.vn", PASSWORD);

        String page = signedIn.page("/producer/statements");
        assertThat(page).contains("Sao kê:", "Ai giữ tiền, ai nợ ai", "Điểm bán nợ bạn", "<svg", "class=\"bar\"", "id=\"print\"")
                .doesNotContain("??");
        assertThat(signedIn.page("/producer/statements?lang=en")).contains("Who holds the money, who owes whom", "The outlet owes you");
        assertThat(signedIn.page("/producer")).as("the dashboard's summary").contains("Tiền hàng 8 tuần gần đây", "<svg");

        var csv = signedIn.request(web.get().uri("/producer/statements/statement.csv?from={d}&to={d}", today, today))
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sao-ke-.*\\.csv\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFtime,kind,channel,location,holder,reference,amount_vnd")
                .contains(",TILL_SALE,TILL,", ",110000,", "OPENING_BALANCE", "CLOSING_BALANCE");
    }

    @Test
    void aBadPeriodIsA400NamingTheField() {
        producer.get().uri("/api/v1/producer/statement?from=2026-12-01&to=2026-11-01").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        producer.get().uri("/api/v1/producer/statement?from=2025-01-01&to=2026-12-31").exchange().expectStatus().isBadRequest();
        producer.get().uri("/api/v1/producer/statement?from=yesterday").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aProducerSeesOnlyItsOwnAndOthersNone() {
        web.get().uri("/api/v1/producer/statement").exchange().expectStatus().isUnauthorized();
        web.mutate().defaultHeaders(h -> h.setBasicAuth("shopper@demo.ocop.vn", PASSWORD)).build()
                .get().uri("/api/v1/producer/statement").exchange().expectStatus().isForbidden();
        producer.get().uri("/api/v1/admin/money/producers/{id}/statement", producerId).exchange().expectStatus().isForbidden();
        admin.get().uri("/api/v1/admin/money/producers/{id}/statement", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        admin.get().uri("/api/v1/admin/money/producers/{id}/statement", producerId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.producer.id").isEqualTo(producerId.toString());
    }

    @Test
    void commissionRatesAreCheckedFieldByFieldAndKeptAsHistory() {
        admin.post().uri("/api/v1/admin/money/commission-rates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "ONLINE", "group", "FOOD", "percent", "50.5")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("percent");
        admin.post().uri("/api/v1/admin/money/commission-rates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "ONLINE", "group", "FOOD", "percent", "12.345")).exchange().expectStatus().isBadRequest();
        admin.post().uri("/api/v1/admin/money/commission-rates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "ONLINE", "percent", "10")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("group");
        admin.post().uri("/api/v1/admin/money/commission-rates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "ONLINE", "group", "HERBAL", "percent", "8", "effectiveFrom", today.minusDays(1).toString()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("effectiveFrom");
        producer.post().uri("/api/v1/admin/money/commission-rates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "ONLINE", "group", "HERBAL", "percent", "8")).exchange().expectStatus().isForbidden();

        admin.post().uri("/api/v1/admin/money/commission-rates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "ONLINE", "group", "HERBAL", "percent", "8.25")).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.percent").isEqualTo("8.25").jsonPath("$.effectiveFrom").isEqualTo(today.toString());
        admin.get().uri("/api/v1/admin/money/commission-rates").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.inForce[?(@.group == 'HERBAL')].percent").isEqualTo("8.25")
                .jsonPath("$.history[?(@.group == 'HERBAL')].setBy").isEqualTo("admin@demo.ocop.vn");
    }

    @Test
    void theAdminPageSetsARateOnTheFormAndRefusesABadOneBesideItsField() {
        SignedIn signedIn = SignedIn.as(web, "admin@demo.ocop.vn", PASSWORD);
        String csrf = signedIn.csrf("/admin/money");

        signedIn.post("/admin/money/commission", form("_csrf", csrf, "scope", "ONLINE", "group", "DRINKS", "percent", "abc"))
                .expectStatus().isBadRequest().expectBody(String.class).value(html -> assertThat(html).contains("Nhập tỷ lệ từ 0 đến 50"));
        signedIn.post("/admin/money/commission", form("_csrf", csrf, "scope", "CONSIGNMENT", "locationId", showroom.toString(), "percent", "12,5"))
                .expectStatus().is3xxRedirection();
        assertThat(signedIn.page("/admin/money")).contains("Phần ký gửi của điểm bán", "12.5 %", "admin@demo.ocop.vn");
    }

    @Test
    void aPayoutOfMoreThanOwedIs409UnlessSaidAndTheSamePayoutTwiceIsOne() {
        Map<String, Object> tooMuch = Map.of("amountVnd", 1_000_000_000L, "paidOn", today.toString(), "bankReference", "VCB 2026-001");
        admin.post().uri("/api/v1/admin/money/producers/{id}/payouts", producerId).contentType(MediaType.APPLICATION_JSON).bodyValue(tooMuch)
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("more-than-owed");
        admin.post().uri("/api/v1/admin/money/producers/{id}/payouts", producerId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amountVnd", 0, "paidOn", today.toString(), "bankReference", "")).exchange().expectStatus().isBadRequest();

        UUID id = UUID.randomUUID();
        Map<String, Object> advance = Map.of("id", id, "amountVnd", 50_000, "paidOn", today.toString(), "bankReference", "VCB 2026-002",
                "payMoreThanOwed", true);
        for (int i = 0; i < 2; i++) {
            admin.post().uri("/api/v1/admin/money/producers/{id}/payouts", producerId).contentType(MediaType.APPLICATION_JSON).bodyValue(advance)
                    .exchange().expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo(id.toString());
        }
        producer.get().uri("/api/v1/producer/statement?from={d}&to={d}", today, today).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.payouts[?(@.bankReference == 'VCB 2026-002')].amountVnd").isEqualTo(50_000)
                .jsonPath("$.payouts.length()").isEqualTo(1);
        admin.get().uri("/api/v1/admin/money/producers").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + producerId + "')]").exists();
    }

    @Test
    void theTaxFileOfAMonthIsAvailableToTheProducerAndAdmin() {
        producer.get().uri("/api/v1/producer/tax-withheld?month={m}", today.toString().substring(0, 7)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.producer.id").isEqualTo(producerId.toString()).jsonPath("$.lines").isArray();
        SignedIn signedIn = SignedIn.as(web, "admin@demo.ocop.vn", PASSWORD);
        signedIn.request(web.get().uri("/admin/money/producers/{id}/tax.csv", producerId)).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv");
    }
}
