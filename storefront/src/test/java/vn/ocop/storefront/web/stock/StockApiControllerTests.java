package vn.ocop.storefront.web.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.storefront.StorefrontTest;

/** Locations, till keys, producers' and staff's stock, and availability over the JSON API, with who may do what. */
@StorefrontTest
class StockApiControllerTests {

    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    WebTestClient admin;
    WebTestClient staff;
    WebTestClient producer;
    WebTestClient shopper;
    UUID showroom;
    UUID otherShowroom;
    UUID warehouse;
    List<UUID> ownProducts;
    UUID foreignProduct;
    UUID consignedProduct;

    @BeforeEach
    void demoAccounts() {
        admin = as("admin");
        staff = as("staff");
        producer = as("producer");
        shopper = as("shopper");
        showroom = id("select id from location where name like 'Showroom OCOP Hà Nội%'");
        otherShowroom = id("select id from location where name like 'Showroom OCOP TP. Hồ Chí Minh%'");
        warehouse = id("select id from location where kind = 'WAREHOUSE'");
        UUID member = id("select producer_id from location where kind = 'WAREHOUSE'");
        ownProducts = db.sql("select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                        + "where p.producer_id = :p order by p.name limit 2")
                .bind("p", member).map((r, m) -> r.get("product_id", UUID.class)).all().collectList().block();
        List<UUID> others = db.sql("select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                        + "where p.producer_id <> :p and not exists (select 1 from stock s where s.product_id = p.id) order by p.name limit 2")
                .bind("p", member).map((r, m) -> r.get("product_id", UUID.class)).all().collectList().block();
        foreignProduct = others.get(0);
        consignedProduct = others.get(1);
    }

    @Test
    void anyoneListsOutletsButNeverAWarehouse() {
        web.get().uri("/api/v1/locations?kind=SHOWROOM").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].kind").value(List.class, kinds -> assertThat(kinds).isNotEmpty().containsOnly("SHOWROOM"));
        web.get().uri("/api/v1/locations?province=Cần Thơ").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].name").value(List.class, names -> assertThat(names).containsExactly("Điểm bán OCOP Bến Ninh Kiều (demo)"));
        web.get().uri("/api/v1/locations").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.kind == 'WAREHOUSE')]").isEmpty();
        web.get().uri("/api/v1/locations/{id}", warehouse).exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAnAdministratorOpensALocationAndBadDetailsAre400() {
        Map<String, Object> stop = Map.of("kind", "HIGHWAY_STOP", "name", "Trạm dừng nghỉ Km 100 (thử)", "province", "Ninh Bình",
                "address", "Km 100 cao tốc Bắc – Nam", "latitude", 20.25, "longitude", 105.97, "openingHours", "06:00–22:00", "pickupAllowed", true);

        shopper.post().uri("/api/v1/admin/locations").contentType(MediaType.APPLICATION_JSON).bodyValue(stop).exchange().expectStatus().isForbidden();
        admin.post().uri("/api/v1/admin/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "WAREHOUSE", "name", "Kho không chủ", "province", "Hà Nội", "address", "Số 1 phố Huế"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-location");
        admin.post().uri("/api/v1/admin/locations").contentType(MediaType.APPLICATION_JSON).bodyValue(stop).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.kind").isEqualTo("HIGHWAY_STOP");

        web.get().uri("/api/v1/locations?province=Ninh Bình").exchange().expectBody()
                .jsonPath("$[*].name").value(List.class, names -> assertThat(names).contains("Trạm dừng nghỉ Km 100 (thử)"));
    }

    @Test
    void staffManageTheirOwnLocationsTillKeysOnly() {
        staff.post().uri("/api/v1/locations/{id}/till-keys", showroom).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "Quầy 2")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.secret").value(String.class, s -> assertThat(s).startsWith("ocop_till_"));
        staff.get().uri("/api/v1/locations/{id}/till-keys", showroom).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].label").value(List.class, labels -> assertThat(labels).contains("Quầy 2"))
                .jsonPath("$[*].secret").doesNotExist();

        staff.post().uri("/api/v1/locations/{id}/till-keys", otherShowroom).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "Quầy lạ")).exchange().expectStatus().isNotFound();
        producer.get().uri("/api/v1/locations/{id}/till-keys", showroom).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/locations/{id}/till-keys", showroom).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aProducerReceivesAtItsWarehouseSendsToTheShowroomAndShoppersSeeWhereToPickUp() {
        UUID product = ownProducts.get(0);
        producer.put().uri("/api/v1/producer/stock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("locationId", warehouse, "movements", List.of(Map.of("id", UUID.randomUUID(), "type", "RECEIPT",
                        "productId", product, "quantity", 20)))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].applied").isEqualTo(true);
        Map<String, Object> transfer = Map.of("id", UUID.randomUUID(), "fromLocationId", warehouse, "toLocationId", showroom,
                "productId", product, "quantity", 8);
        producer.post().uri("/api/v1/producer/transfers").contentType(MediaType.APPLICATION_JSON).bodyValue(transfer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(true);
        producer.post().uri("/api/v1/producer/transfers").contentType(MediaType.APPLICATION_JSON).bodyValue(transfer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(false);

        producer.get().uri("/api/v1/producer/stock").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.productId == '" + product + "' && @.locationId == '" + warehouse + "')].onHand").isEqualTo(12)
                .jsonPath("$[?(@.productId == '" + product + "' && @.locationId == '" + showroom + "')].available").isEqualTo(8);
        web.get().uri("/api/v1/products/{id}/availability", product).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.locationId == '" + showroom + "')].available").isEqualTo(8)
                .jsonPath("$[?(@.locationId == '" + warehouse + "')]").isEmpty();
        producer.post().uri("/api/v1/producer/transfers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", UUID.randomUUID(), "fromLocationId", warehouse, "toLocationId", showroom, "productId", product, "quantity", 13))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("insufficient-stock");
    }

    @Test
    void aProducerCannotRecordAnotherProducersGoodsOrAtSomeoneElsesLocation() {
        producer.put().uri("/api/v1/producer/stock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("locationId", warehouse, "movements", List.of(Map.of("id", UUID.randomUUID(), "type", "RECEIPT",
                        "productId", foreignProduct, "quantity", 5)))).exchange().expectStatus().isNotFound();
        producer.put().uri("/api/v1/producer/stock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("locationId", showroom, "movements", List.of(Map.of("id", UUID.randomUUID(), "type", "RECEIPT",
                        "productId", ownProducts.get(1), "quantity", 5)))).exchange().expectStatus().isNotFound();
        producer.put().uri("/api/v1/producer/stock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("locationId", warehouse, "movements", List.of(Map.of("id", UUID.randomUUID(), "type", "RECEIPT",
                        "productId", ownProducts.get(1), "quantity", 0)))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-movement");

        assertThat(db.sql("select count(*) as n from stock_movement where product_id = any(:p)")
                .bind("p", new UUID[] {foreignProduct, ownProducts.get(1)}).map((r, m) -> r.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void staffCountAtTheirLocationSeeTheHistoryAndResolveDiscrepancies() {
        UUID product = consignedProduct;
        staff.put().uri("/api/v1/staff/stock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("movements", List.of(Map.of("id", UUID.randomUUID(), "type", "RECEIPT", "productId", product, "quantity", 2))))
                .exchange().expectStatus().isOk();
        web.post().uri("/api/v1/locations/{id}/sync", showroom).header("Authorization", "Bearer " + SyncApiControllerTests.DEMO_TILL_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SyncApiControllerTests.batch(null, SyncApiControllerTests.sale(product, 5)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.results[0].discrepancies[0]").isEqualTo("NEGATIVE_STOCK");

        staff.get().uri("/api/v1/staff/stock/history?productId={p}", product).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].type").value(List.class, types -> assertThat(types).containsExactly("SALE", "RECEIPT"));
        List<Map<String, Object>> open = staff.get().uri("/api/v1/staff/discrepancies").exchange().expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        String id = open.stream().filter(d -> product.toString().equals(d.get("productId"))).map(d -> (String) d.get("id")).findFirst().orElseThrow();
        staff.post().uri("/api/v1/staff/discrepancies/{id}/resolve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "")).exchange().expectStatus().isBadRequest();
        staff.post().uri("/api/v1/staff/discrepancies/{id}/resolve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "Kiểm kê lại: 3 hộp nhận chưa ghi sổ")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.resolvedBy").isEqualTo("staff@demo.ocop.vn");
        producer.get().uri("/api/v1/staff/discrepancies").exchange().expectStatus().isForbidden();
    }

    @Test
    void aProducerSendsANamedLotThatArrivesAsTheSameLotAndSeesItOnItsExpiringList() {
        java.time.LocalDate today = db.sql("select catalog_today() as d").map((r, m) -> r.get("d", java.time.LocalDate.class)).one().block();
        // a product of its own, named to sort after ownProducts (other tests count their stock exactly)
        var member = new vn.ocop.catalog.ProducerId(id("select producer_id from location where kind = 'WAREHOUSE'"));
        UUID product = new vn.ocop.catalog.testing.StockFixtures(db).sellableProduct(member, "ZZZ lô thử " + UUID.randomUUID(), today).block().value();
        String code = "API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        producer.put().uri("/api/v1/producer/stock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("locationId", warehouse, "movements", List.of(Map.of("id", UUID.randomUUID(), "type", "RECEIPT",
                        "productId", product, "quantity", 8, "lotCode", code, "producedOn", today.minusDays(30).toString(),
                        "useBy", today.plusDays(20).toString()))))
                .exchange().expectStatus().isOk();

        producer.post().uri("/api/v1/producer/transfers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", UUID.randomUUID(), "fromLocationId", warehouse, "toLocationId", showroom, "productId", product,
                        "quantity", 9, "lotCode", code))
                .exchange().expectStatus().isEqualTo(409);
        producer.post().uri("/api/v1/producer/transfers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", UUID.randomUUID(), "fromLocationId", warehouse, "toLocationId", showroom, "productId", product,
                        "quantity", 3, "lotCode", code.toLowerCase()))
                .exchange().expectStatus().isOk();

        producer.get().uri("/api/v1/producer/lots/expiring").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.lotCode == '" + code + "' && @.locationId == '" + warehouse + "')].onHand").isEqualTo(5)
                .jsonPath("$[?(@.lotCode == '" + code + "' && @.locationId == '" + showroom + "')].onHand").isEqualTo(3);
        staff.get().uri("/api/v1/staff/lots/expiring").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.lotCode == '" + code + "')].onHand").isEqualTo(3);
        shopper.get().uri("/api/v1/producer/lots/expiring").exchange().expectStatus().isForbidden();
    }

    private WebTestClient as(String who) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(who + "@demo.ocop.vn", PASSWORD)).build();
    }

    private UUID id(String sql) {
        return db.sql(sql).map((r, m) -> r.get(0, UUID.class)).first().block();
    }
}
