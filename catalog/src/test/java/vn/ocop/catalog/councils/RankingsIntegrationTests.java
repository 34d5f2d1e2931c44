package vn.ocop.catalog.councils;

import vn.ocop.catalog.rankings.CouncilScope;
import vn.ocop.catalog.rankings.RankingDecision;
import vn.ocop.catalog.rankings.InvalidRanking;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.rankings.RankingLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.listings.SaleStatus;
import vn.ocop.catalog.Stars;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.catalog.testing.OwnDatabase;

@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class RankingsIntegrationTests {

    @Autowired
    Rankings rankings;

    @Autowired
    Catalog catalog;

    @Autowired
    DatabaseClient db;

    static final CouncilScope THAI_NGUYEN = CouncilScope.of("Thái Nguyên");
    static final CouncilScope HA_NOI = CouncilScope.of("Hà Nội");

    CatalogFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(db);
        today = catalog.today();
    }

    @Test
    void scoreEarnsStarsOnTheHundredPointScale() {
        assertThat(starsRecordedFor(49, RankingLevel.PROVINCIAL)).isEqualTo(2);
        assertThat(starsRecordedFor(50, RankingLevel.PROVINCIAL)).isEqualTo(3);
        assertThat(starsRecordedFor(69, RankingLevel.PROVINCIAL)).isEqualTo(3);
        assertThat(starsRecordedFor(70, RankingLevel.PROVINCIAL)).isEqualTo(4);
        assertThat(starsRecordedFor(89, RankingLevel.PROVINCIAL)).isEqualTo(4);
        assertThat(starsRecordedFor(90, RankingLevel.NATIONAL)).isEqualTo(5);
    }

    @Test
    void scoreAndStarsGivenTogetherMustAgree() {
        ProductId product = product("Mật ong bạc hà");

        InvalidRanking refused = refusal(() -> decision(product, 72, 3, RankingLevel.PROVINCIAL));

        assertThat(refused.code()).isEqualTo(CatalogErrorCode.INVALID_RANKING);
        assertThat(refused.rule()).isEqualTo(InvalidRanking.Rule.SCORE_CONTRADICTS_STARS);
        assertThat(refused).hasMessage("a score of 72 earns 4 stars, not 3");
        assertThat(rankings.record(CouncilScope.NATIONAL, decision(product, 72, 4, RankingLevel.PROVINCIAL)).block().stars()).isEqualTo(new Stars(4));
    }

    @Test
    void fiveStarsAreNationalAndTheNationGrantsOnlyFiveStars() {
        ProductId product = product("Chè Shan tuyết");

        InvalidRanking provincialFive = refusal(() -> decision(product, 93, null, RankingLevel.PROVINCIAL));
        InvalidRanking nationalFour = refusal(() -> decision(product, null, 4, RankingLevel.NATIONAL));

        assertThat(provincialFive.code()).isEqualTo(CatalogErrorCode.INVALID_RANKING);
        assertThat(provincialFive).hasMessageContaining("5 stars are granted only at the NATIONAL level");
        assertThat(nationalFour.code()).isEqualTo(CatalogErrorCode.INVALID_RANKING);
        assertThat(nationalFour).hasMessageContaining("NATIONAL level grants only 5 stars");
    }

    @Test
    void decisionNeedsAScoreOrStars() {
        InvalidRanking refused = refusal(() -> decision(product("Miến dong"), null, null, RankingLevel.PROVINCIAL));

        assertThat(refused.rule()).isEqualTo(InvalidRanking.Rule.SCORE_OR_STARS_REQUIRED);
    }

    @Test
    void rankingLastsThirtySixMonthsUnlessTheDecisionSaysOtherwiseAndNeverMoreThanFiveYears() {
        ProductId product = product("Gạo nếp cái hoa vàng");
        LocalDate issued = LocalDate.of(2026, 8, 31);

        Ranking recorded = rankings.record(CouncilScope.NATIONAL, decision(product, null, 4, RankingLevel.PROVINCIAL, issued, null)).block();

        assertThat(recorded.validUntil()).isEqualTo(LocalDate.of(2029, 8, 31));
        assertThat(refusal(() -> decision(product, null, 4, RankingLevel.PROVINCIAL, issued, issued.plusYears(5).plusDays(1))).rule())
                .isEqualTo(InvalidRanking.Rule.VALIDITY_TOO_LONG);
        assertThat(refusal(() -> decision(product, null, 4, RankingLevel.PROVINCIAL, issued, issued)).rule())
                .isEqualTo(InvalidRanking.Rule.VALIDITY_ENDS_BEFORE_ISSUE);
    }

    @Test
    void recordingPutsTheProductOnSaleAndBumpsItsVersion() {
        ProductId product = product("Nước mắm Cát Hải");
        long onSaleBefore = catalog.countSellable().block();
        long versionBefore = fixtures.productVersion(product).block();

        Ranking recorded = rankings.record(CouncilScope.NATIONAL, decision(product, 75, null, RankingLevel.PROVINCIAL)).block();

        assertThat(catalog.product(product).block().ranking().id()).isEqualTo(recorded.id());
        assertThat(catalog.countSellable().block()).isEqualTo(onSaleBefore + 1);
        assertThat(fixtures.productVersion(product).block()).isEqualTo(versionBefore + 1);
    }

    @Test
    void rankingForAnUnknownProductIsNotFound() {
        CatalogException refused = catchThrowableOfType(CatalogException.class,
                () -> rankings.record(CouncilScope.NATIONAL, decision(ProductId.random(), 60, null, RankingLevel.PROVINCIAL)).block());

        assertThat(refused.code()).isEqualTo(CatalogErrorCode.NOT_FOUND);
    }

    @Test
    void revokedRankingTakesTheProductOffSaleAndCannotBeRevokedTwice() {
        ProductId product = product("Bưởi Đoan Hùng");
        Ranking ranking = rankings.record(CouncilScope.NATIONAL, decision(product, 80, 4, RankingLevel.PROVINCIAL)).block();
        long onSale = catalog.countSellable().block();
        long version = fixtures.productVersion(product).block();

        Ranking revoked = rankings.revoke(CouncilScope.NATIONAL, ranking.id(), "  Sản phẩm không đạt kiểm tra an toàn thực phẩm.  ").block();

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revocationReason()).isEqualTo("Sản phẩm không đạt kiểm tra an toàn thực phẩm.");
        assertThat(catchThrowableOfType(CatalogException.class, () -> catalog.product(product).block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(catalog.countSellable().block()).isEqualTo(onSale - 1);
        assertThat(fixtures.productVersion(product).block()).isEqualTo(version + 1);
        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.revoke(CouncilScope.NATIONAL, ranking.id(), "Thu hồi lần nữa").block()).code())
                .isEqualTo(CatalogErrorCode.INVALID_STATE);
    }

    @Test
    void revokingAnUnknownRankingIsNotFoundAndAReasonIsRequired() {
        ProductId product = product("Cam Cao Phong");
        Ranking ranking = rankings.record(CouncilScope.NATIONAL, decision(product, 55, null, RankingLevel.PROVINCIAL)).block();

        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.revoke(CouncilScope.NATIONAL, CertificationId.random(), "Không tồn tại").block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.revoke(CouncilScope.NATIONAL, ranking.id(), " sai ").block()).code())
                .isEqualTo(CatalogErrorCode.INVALID_RANKING);
        assertThat(catalog.product(product).block().ranking().revoked()).isFalse();
    }

    @Test
    void newerThreeStarRankingAfterAnExpiredFiveStarOnePutsTheProductBackOnSaleWithThreeStars() {
        ProductId product = product("Trà hoa vàng");
        Ranking expired = rankings.record(CouncilScope.NATIONAL, decision(product, 95, null, RankingLevel.NATIONAL, today.minusYears(4), null)).block();
        assertThat(catchThrowableOfType(CatalogException.class, () -> catalog.product(product).block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);

        Ranking renewed = rankings.record(CouncilScope.NATIONAL, decision(product, 60, null, RankingLevel.PROVINCIAL, today.minusDays(2), null)).block();

        assertThat(catalog.product(product).block().ranking()).isEqualTo(renewed);
        assertThat(renewed.stars()).isEqualTo(new Stars(3));
        assertThat(rankings.history(CouncilScope.NATIONAL, product).collectList().block()).containsExactly(renewed, expired);
    }

    @Test
    void expiringListsRankingsOnSaleThatEndWithinTheDaysSoonestFirst() {
        ProductId later = product("Mắm tôm chua Huế");
        ProductId sooner = product("Bánh pía Sóc Trăng");
        ProductId farOff = product("Kẹo dừa Bến Tre");
        fixtures.ranking(later, 4, today.minusYears(2), today.plusDays(20)).block();
        fixtures.ranking(sooner, 3, today.minusYears(2), today.plusDays(5)).block();
        fixtures.ranking(farOff, 4, today.minusYears(2), today.plusDays(200)).block();

        var expiring = rankings.expiring(CouncilScope.NATIONAL, 30).filter(r -> r.productId().equals(later) || r.productId().equals(sooner) || r.productId().equals(farOff))
                .collectList().block();

        assertThat(expiring).extracting(ExpiringRanking::productName).containsExactly("Bánh pía Sóc Trăng", "Mắm tôm chua Huế");
        assertThat(expiring.get(0).daysLeft()).isEqualTo(5);
        assertThat(expiring.get(0).producerName()).isEqualTo("HTX Bánh pía Sóc Trăng");
    }

    @Test
    void councilFindsProductsOfAnyStatusByProductOrProducerNameIgnoringCase() {
        var producer = fixtures.producer("Hợp tác xã Sâm Ngọc Linh Kon Tum", null).block();
        ProductId draft = fixtures.product(producer, "Rượu sâm Ngọc Linh", ProductStatus.DRAFT).block();
        ProductId active = fixtures.product(producer, "Trà túi lọc sâm", ProductStatus.ACTIVE).block();
        fixtures.ranking(active, 4, today.minusYears(4), today.minusYears(1)).block();

        var byProducer = rankings.findProducts(CouncilScope.NATIONAL, "SÂM NGỌC LINH KON", 10).collectList().block();
        var byName = rankings.findProducts(CouncilScope.NATIONAL, "rượu sâm", 10).collectList().block();

        assertThat(byProducer).extracting(CouncilProduct::id).containsExactly(draft, active);
        assertThat(byName).extracting(CouncilProduct::id).containsExactly(draft);
        assertThat(byProducer.get(0).sale().reason().kind()).isEqualTo(SaleStatus.Kind.DRAFT);
        assertThat(byProducer.get(1).sale().reason().kind()).isEqualTo(SaleStatus.Kind.EXPIRED);
        assertThat(rankings.findProducts(CouncilScope.NATIONAL, "  ", 10).collectList().block()).isEmpty();
    }

    @Test
    void councilFinderIgnoresDiacriticsOnBothSidesAndKnowsSynonyms() {
        var producer = fixtures.producer("Hợp tác xã Nông nghiệp Krông Búk", null).block();
        ProductId coffee = fixtures.product(producer, "Cà phê rang xay Krông Búk", ProductStatus.ACTIVE).block();
        ProductId tea = fixtures.product(producer, "Chè búp Ea Hồ", ProductStatus.DRAFT).block();

        assertThat(found("krong buk")).containsExactlyInAnyOrder(coffee, tea);
        assertThat(found("KRÔNG BÚK")).containsExactlyInAnyOrder(coffee, tea);
        assertThat(found("ca phe rang xay")).containsExactly(coffee);
        assertThat(found("cafe rang xay")).as("cafe = cà phê").containsExactly(coffee);
        assertThat(found("tra bup ea ho")).as("trà = chè").containsExactly(tea);
        assertThat(found("htx nong nghiep krong")).as("htx = hợp tác xã").containsExactlyInAnyOrder(coffee, tea);
        assertThat(found("krong pac")).isEmpty();
    }

    private List<ProductId> found(String text) {
        return rankings.findProducts(CouncilScope.NATIONAL, text, 10).map(CouncilProduct::id).collectList().block();
    }

    @Test
    void provincialCouncilRanksOnlyProducersOfItsProvince() {
        ProductId product = product("Chè búp Tân Cương"); // the fixtures' producers are in Thái Nguyên
        long certifications = certificationCount();

        CatalogException elsewhere = catchThrowableOfType(CatalogException.class,
                () -> rankings.record(HA_NOI, decision(product, 75, null, RankingLevel.PROVINCIAL)).block());

        assertThat(elsewhere.code()).isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(certificationCount()).isEqualTo(certifications);
        assertThat(rankings.record(THAI_NGUYEN, decision(product, 75, null, RankingLevel.PROVINCIAL)).block().stars()).isEqualTo(new Stars(4));
        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.product(HA_NOI, product).block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.history(HA_NOI, product).collectList().block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
    }

    @Test
    void provincialCouncilRecordsOnlyProvincialThreeAndFourStarsAndFiveStarsOnlyTheNationalCouncil() {
        ProductId product = product("Mật ong hoa rừng");
        long certifications = certificationCount();

        CatalogException five = catchThrowableOfType(CatalogException.class,
                () -> rankings.record(THAI_NGUYEN, decision(product, 92, null, RankingLevel.NATIONAL)).block());
        CatalogException district = catchThrowableOfType(CatalogException.class,
                () -> rankings.record(THAI_NGUYEN, decision(product, 60, null, RankingLevel.DISTRICT, LocalDate.of(2025, 3, 1), null)).block());

        assertThat(five.code()).isEqualTo(CatalogErrorCode.OUTSIDE_MANDATE);
        assertThat(five).hasMessageContaining("NATIONAL council only");
        assertThat(district.code()).isEqualTo(CatalogErrorCode.OUTSIDE_MANDATE);
        assertThat(certificationCount()).isEqualTo(certifications);
        assertThat(rankings.record(THAI_NGUYEN, decision(product, 60, null, RankingLevel.PROVINCIAL)).block().stars()).isEqualTo(new Stars(3));
        assertThat(rankings.record(CouncilScope.NATIONAL, decision(product, 92, null, RankingLevel.NATIONAL)).block().stars())
                .isEqualTo(new Stars(5));
    }

    @Test
    void districtLevelIsRefusedForDecisionsIssuedFromTheFirstOfJuly2025() {
        ProductId product = product("Măng khô Định Hóa");

        Ranking before = rankings.record(CouncilScope.NATIONAL,
                decision(product, 55, null, RankingLevel.DISTRICT, LocalDate.of(2025, 6, 30), null)).block();
        InvalidRanking from = refusal(() -> decision(product, 55, null, RankingLevel.DISTRICT, LocalDate.of(2025, 7, 1), null));

        assertThat(before.level()).isEqualTo(RankingLevel.DISTRICT);
        assertThat(from.rule()).isEqualTo(InvalidRanking.Rule.DISTRICT_LEVEL_ENDED);
        assertThat(from.field()).isEqualTo("level");
    }

    @Test
    void provincialCouncilRevokesOnlyInItsProvinceAndNeverANationalRanking() {
        ProductId provincial = product("Trà xanh Trại Cài");
        ProductId national = product("Chè đinh Tân Cương");
        Ranking four = rankings.record(THAI_NGUYEN, decision(provincial, 80, null, RankingLevel.PROVINCIAL)).block();
        Ranking five = rankings.record(CouncilScope.NATIONAL, decision(national, 95, null, RankingLevel.NATIONAL)).block();

        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.revoke(HA_NOI, four.id(), "Không thuộc tỉnh").block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.find(HA_NOI, four.id()).block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.revoke(THAI_NGUYEN, five.id(), "Thu hồi 5 sao").block()).code())
                .isEqualTo(CatalogErrorCode.OUTSIDE_MANDATE);
        assertThat(rankings.find(CouncilScope.NATIONAL, five.id()).block().revoked()).isFalse();

        assertThat(rankings.revoke(THAI_NGUYEN, four.id(), "Cơ sở ngừng sản xuất").block().revoked()).isTrue();
        assertThat(rankings.revoke(CouncilScope.NATIONAL, five.id(), "Không đạt khi tái đánh giá").block().revoked()).isTrue();
    }

    @Test
    void provincialCouncilFindsAndSeesExpiringOnlyItsProvincesProducts() {
        ProductId here = product("Bánh chưng Bờ Đậu");
        var hanoi = fixtures.producerIn("HTX Làng nghề Bát Tràng", "Hà Nội").block();
        ProductId there = fixtures.product(hanoi, "Bánh chưng Tranh Khúc", ProductStatus.ACTIVE).block();
        fixtures.ranking(here, 4, today.minusYears(2), today.plusDays(10)).block();
        fixtures.ranking(there, 4, today.minusYears(2), today.plusDays(10)).block();

        assertThat(rankings.findProducts(THAI_NGUYEN, "bánh chưng", 10).map(CouncilProduct::id).collectList().block()).containsExactly(here);
        assertThat(rankings.findProducts(HA_NOI, "bánh chưng", 10).map(CouncilProduct::id).collectList().block()).containsExactly(there);
        assertThat(rankings.findProducts(CouncilScope.NATIONAL, "bánh chưng", 10).map(CouncilProduct::id).collectList().block())
                .containsExactlyInAnyOrder(here, there);
        assertThat(rankings.expiring(HA_NOI, 30).map(ExpiringRanking::productId).collectList().block()).contains(there).doesNotContain(here);
    }

    private int starsRecordedFor(int score, RankingLevel level) {
        return rankings.record(CouncilScope.NATIONAL, decision(product("Sản phẩm điểm " + score), score, null, level)).block().stars().value();
    }

    private ProductId product(String name) {
        return fixtures.activeProduct(name).block();
    }

    private RankingDecision decision(ProductId product, Integer score, Integer stars, RankingLevel level) {
        return decision(product, score, stars, level, today.minusDays(1), null);
    }

    private static RankingDecision decision(ProductId product, Integer score, Integer stars, RankingLevel level,
                                            LocalDate issuedOn, LocalDate validUntil) {
        return new RankingDecision(product, "2207/QĐ-UBND", score, stars == null ? null : new Stars(stars), level,
                level == RankingLevel.NATIONAL ? "Bộ Nông nghiệp và Môi trường" : "UBND tỉnh Thái Nguyên",
                "Thái Nguyên", issuedOn, validUntil);
    }

    private long certificationCount() {
        return db.sql("select count(*) as n from certification").map((row, md) -> row.get("n", Long.class)).one().block();
    }

    private static InvalidRanking refusal(Runnable attempt) {
        return catchThrowableOfType(InvalidRanking.class, attempt::run);
    }
}
