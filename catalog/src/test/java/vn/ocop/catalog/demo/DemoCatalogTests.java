package vn.ocop.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.testing.OwnDatabase;

@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class DemoCatalogTests {

    // 318 rows from the sources, plus "Bí xanh thơm Ba Bể" added later (SOURCES.md, last section)
    private static final int CSV_ROWS = 319;

    private static final Set<String> CURRENT_PROVINCES = Set.of(
            "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
            "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
            "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
            "Đắk Lắk", "TP. Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau",
            "An Giang");

    @Autowired
    DemoCatalog demo;

    @Autowired
    Catalog catalog;

    @Autowired
    DatabaseClient db;

    LocalDate today;
    LoadedDemo loaded;

    @BeforeEach
    void loadDemoCatalog() {
        today = catalog.today();
        loaded = demo.load(today).block();
    }

    @Test
    void loadsEveryCsvRowAsAnActiveProductWithOneCertification() {
        assertThat(loaded.products()).isEqualTo(CSV_ROWS);
        assertThat(count("select count(*) from product where status = 'ACTIVE' and demo_price")).isEqualTo(CSV_ROWS);
        assertThat(count("select count(*) from certification")).isEqualTo(CSV_ROWS);
        assertThat(count("select count(distinct product_id) from certification")).isEqualTo(CSV_ROWS);
        assertThat(count("select count(*) from producer where demo")).isEqualTo(loaded.producers());
    }

    @Test
    void everyProducerIsPlacedInOneOfTheThirtyFourCurrentProvinces() {
        List<String> provinces = strings("select distinct province as v from producer");

        assertThat(CURRENT_PROVINCES).hasSize(34).containsAll(provinces);
    }

    @Test
    void mergedProvinceKeepsTheNameTheDecisionUsed() {
        Map<String, Object> farm = row("""
                select pr.province, pr.former_province, pr.kind, c.decision_province
                from producer pr join product p on p.producer_id = pr.id join certification c on c.product_id = p.id
                where pr.name = 'Công ty TNHH Trà Vinh FARM' and p.name = 'Mật hoa dừa'""");

        assertThat(farm).containsEntry("province", "Vĩnh Long").containsEntry("former_province", "Trà Vinh")
                .containsEntry("kind", "ENTERPRISE").containsEntry("decision_province", "Trà Vinh");
    }

    @Test
    void keepsPublishedDecisionNumbersAndDates() {
        Map<String, Object> tea = certificationOf("Trà tôm nõn hương quê");
        Map<String, Object> fish = certificationOf("Cá đù 1 nắng");

        assertThat(tea).containsEntry("decision_no", "2361/QĐ-BNNMT")
                .containsEntry("issued_on", LocalDate.of(2025, 6, 26))
                .containsEntry("level", "NATIONAL")
                .containsEntry("issuing_body", "Bộ Nông nghiệp và Môi trường")
                .containsEntry("issued_on_demo", false);
        assertThat(fish).containsEntry("decision_no", "1066/QĐ-UBND")
                .containsEntry("issued_on", LocalDate.of(2023, 3, 28))
                .containsEntry("valid_until", LocalDate.of(2026, 3, 28))
                .containsEntry("level", "PROVINCIAL")
                .containsEntry("issuing_body", "UBND TP. Hồ Chí Minh");
    }

    @Test
    void partialDateStartsItsPeriodAndSaysHowPrecise() {
        assertThat(certificationOf("Quả bưởi Múc")).containsEntry("issued_on", LocalDate.of(2021, 1, 1))
                .containsEntry("issued_on_precision", "YEAR").containsEntry("issuing_body", "UBND tỉnh Lào Cai");
        assertThat(certificationOf("Mắm cá chốt")).containsEntry("issued_on", LocalDate.of(2023, 1, 1))
                .containsEntry("issued_on_precision", "MONTH");
    }

    @Test
    void rowWithoutDateGetsDemoDateWithinTheLastThirtyMonths() {
        Map<String, Object> nectar = row("""
                select c.* from certification c join product p on p.id = c.product_id
                join producer pr on pr.id = p.producer_id
                where p.name = 'Mật hoa dừa' and pr.name = 'Công ty TNHH Trà Vinh FARM'""");
        LocalDate issued = (LocalDate) nectar.get("issued_on");

        assertThat(nectar).containsEntry("issued_on_demo", true).containsEntry("decision_no", null)
                .containsEntry("valid_until", issued.plusMonths(36));
        assertThat(issued).isBetween(today.minusMonths(30), today.minusDays(1));
    }

    @Test
    void secondLoadInsertsNothing() {
        long rowsBefore = count("select (select count(*) from producer) + (select count(*) from product)"
                + " + (select count(*) from certification) + (select count(*) from location) + (select count(*) from till_key)");

        LoadedDemo again = demo.load(today).block();

        assertThat(again.alreadyPresent()).isTrue();
        assertThat(again).usingRecursiveComparison().ignoringFields("alreadyPresent").isEqualTo(loaded);
        assertThat(count("select (select count(*) from producer) + (select count(*) from product)"
                + " + (select count(*) from certification) + (select count(*) from location) + (select count(*) from till_key)"))
                .isEqualTo(rowsBefore);
    }

    @Test
    void oldPublishedRankingsHaveExpiredSoNotEveryProductIsSellable() {
        Long sellable = catalog.countSellable().block();

        assertThat(sellable).isGreaterThan(150L).isLessThan(CSV_ROWS);
    }

    @Test
    void onlyExpiredPublishedRankingsKeepProductsOffSale() {
        long offSale = count("select count(*) from product p where p.id not in (select product_id from sellable_ranking(:today))", today);
        long expiredPublished = count("""
                select count(*) from product p join certification c on c.product_id = p.id
                where not c.issued_on_demo and c.valid_until < :today""", today);

        assertThat(offSale).isPositive().isEqualTo(expiredPublished);
    }

    @Test
    void memberProducerHasAPublishedDecisionAndOwnsTheWarehouse() {
        assertThat(count("select count(*) from certification c join product p on p.id = c.product_id"
                + " where not c.issued_on_demo and p.producer_id = '" + loaded.memberProducerId() + "'")).isPositive();
        assertThat(strings("select kind as v from location where producer_id = '" + loaded.memberProducerId() + "'"))
                .containsExactly("WAREHOUSE");
        // the demo's provincial council ranks for this province (README, Demo data)
        assertThat(strings("select province as v from producer where id = '" + loaded.memberProducerId() + "'"))
                .containsExactly(loaded.memberProvince()).containsExactly("TP. Hồ Chí Minh");
    }

    @Test
    void locationsCoverShowroomsSalesPointsAndARestStop() {
        assertThat(strings("select kind as v from location where demo and pickup_allowed and kind = 'SHOWROOM'")).hasSize(3);
        assertThat(strings("select kind as v from location where demo and kind = 'SALES_POINT'")).hasSize(2);
        assertThat(strings("select kind as v from location where demo and kind = 'HIGHWAY_STOP'")).hasSize(1);
        assertThat(strings("select name as v from location where id = '" + loaded.showroomId() + "'"))
                .containsExactly("Showroom OCOP Hà Nội (demo)");
    }

    @Test
    void outletsOpenWithStockThatLoadingAgainDoesNotAdd() {
        long onHand = count("select coalesce(sum(on_hand), 0) from stock");
        long movements = count("select count(*) from stock_movement");

        demo.load(today).block();

        assertThat(onHand).isPositive();
        assertThat(count("select coalesce(sum(on_hand), 0) from stock")).isEqualTo(onHand);
        assertThat(count("select count(*) from stock_movement")).isEqualTo(movements);
        assertThat(count("select coalesce(sum(on_hand_delta), 0) from stock_movement")).as("stock is what the ledger says").isEqualTo(onHand);
        assertThat(count("select count(*) from stock s join location l on l.id = s.location_id where l.kind = 'WAREHOUSE'")).isZero();
        assertThat(count("select count(*) from stock s join product p on p.id = s.product_id where p.producer_id = '"
                + loaded.memberProducerId() + "'")).as("the member producer sends its own goods").isZero();
        assertThat(count("select count(distinct location_id) from stock")).isEqualTo(6);
    }

    @Test
    void tillKeyIsKeptOnlyAsItsSha256() {
        assertThat(strings("select key_hash as v from till_key where location_id = '" + loaded.showroomId() + "'"))
                .containsExactly(DemoIds.sha256Hex(DemoCatalog.TILL_KEY))
                .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
    }

    @Test
    void demoPricesAreWholeThousandsAndCodesAvoidLookalikeCharacters() {
        assertThat(count("select count(*) from product where price_vnd % 1000 <> 0")).isZero();
        assertThat(strings("select verification_code as v from product"))
                .hasSize(CSV_ROWS)
                .allSatisfy(code -> assertThat(code).matches("[2-9A-HJ-NP-Z]{10}"));
    }

    @Test
    void everyDemoWeightIsEstimatedFromTheSalesUnitAndMarkedAsDemo() {
        assertThat(count("select count(*) from product where demo_weight and shipping_weight_g between 1 and 50000")).isEqualTo(CSV_ROWS);
        assertThat(count("select count(*) from product where sales_unit = 'gói 500g' and shipping_weight_g = 550")).isPositive();
        assertThat(count("select count(*) from product where sales_unit = 'gói 500g' and shipping_weight_g <> 550")).isZero();
        assertThat(count("select count(*) from product where ocop_group = 'TOURISM' and shipping_weight_g <> 50")).isZero();
        assertThat(count("select count(distinct shipping_weight_g) from product")).isGreaterThan(10);
    }

    private Map<String, Object> certificationOf(String productName) {
        return row("select c.* from certification c join product p on p.id = c.product_id where p.name = '"
                + productName + "'");
    }

    private long count(String sql) {
        return db.sql(sql).map((row, metadata) -> ((Number) row.get(0)).longValue()).one().block();
    }

    private long count(String sql, LocalDate day) {
        return db.sql(sql).bind("today", day).map((row, metadata) -> ((Number) row.get(0)).longValue()).one().block();
    }

    private List<String> strings(String sql) {
        return db.sql(sql).map((row, metadata) -> row.get("v", String.class)).all().collectList().block();
    }

    private Map<String, Object> row(String sql) {
        return db.sql(sql).fetch().one().block();
    }
}
