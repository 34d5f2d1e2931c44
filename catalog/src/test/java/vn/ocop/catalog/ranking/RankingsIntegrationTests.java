package vn.ocop.catalog.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.CouncilProduct;
import vn.ocop.catalog.ExpiringRanking;
import vn.ocop.catalog.InvalidRanking;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.ProductStatus;
import vn.ocop.catalog.Ranking;
import vn.ocop.catalog.RankingDecision;
import vn.ocop.catalog.RankingLevel;
import vn.ocop.catalog.Rankings;
import vn.ocop.catalog.SaleStatus;
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
        assertThat(rankings.record(decision(product, 72, 4, RankingLevel.PROVINCIAL)).block().stars()).isEqualTo(new Stars(4));
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

        Ranking recorded = rankings.record(decision(product, null, 4, RankingLevel.PROVINCIAL, issued, null)).block();

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

        Ranking recorded = rankings.record(decision(product, 75, null, RankingLevel.PROVINCIAL)).block();

        assertThat(catalog.product(product).block().ranking().id()).isEqualTo(recorded.id());
        assertThat(catalog.countSellable().block()).isEqualTo(onSaleBefore + 1);
        assertThat(fixtures.productVersion(product).block()).isEqualTo(versionBefore + 1);
    }

    @Test
    void rankingForAnUnknownProductIsNotFound() {
        CatalogException refused = catchThrowableOfType(CatalogException.class,
                () -> rankings.record(decision(ProductId.random(), 60, null, RankingLevel.PROVINCIAL)).block());

        assertThat(refused.code()).isEqualTo(CatalogErrorCode.NOT_FOUND);
    }

    @Test
    void revokedRankingTakesTheProductOffSaleAndCannotBeRevokedTwice() {
        ProductId product = product("Bưởi Đoan Hùng");
        Ranking ranking = rankings.record(decision(product, 80, 4, RankingLevel.PROVINCIAL)).block();
        long onSale = catalog.countSellable().block();
        long version = fixtures.productVersion(product).block();

        Ranking revoked = rankings.revoke(ranking.id(), "  Sản phẩm không đạt kiểm tra an toàn thực phẩm.  ").block();

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revocationReason()).isEqualTo("Sản phẩm không đạt kiểm tra an toàn thực phẩm.");
        assertThat(catchThrowableOfType(CatalogException.class, () -> catalog.product(product).block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(catalog.countSellable().block()).isEqualTo(onSale - 1);
        assertThat(fixtures.productVersion(product).block()).isEqualTo(version + 1);
        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.revoke(ranking.id(), "Thu hồi lần nữa").block()).code())
                .isEqualTo(CatalogErrorCode.INVALID_STATE);
    }

    @Test
    void revokingAnUnknownRankingIsNotFoundAndAReasonIsRequired() {
        ProductId product = product("Cam Cao Phong");
        Ranking ranking = rankings.record(decision(product, 55, null, RankingLevel.DISTRICT)).block();

        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.revoke(CertificationId.random(), "Không tồn tại").block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(catchThrowableOfType(CatalogException.class, () -> rankings.revoke(ranking.id(), " sai ").block()).code())
                .isEqualTo(CatalogErrorCode.INVALID_RANKING);
        assertThat(catalog.product(product).block().ranking().revoked()).isFalse();
    }

    @Test
    void newerThreeStarRankingAfterAnExpiredFiveStarOnePutsTheProductBackOnSaleWithThreeStars() {
        ProductId product = product("Trà hoa vàng");
        Ranking expired = rankings.record(decision(product, 95, null, RankingLevel.NATIONAL, today.minusYears(4), null)).block();
        assertThat(catchThrowableOfType(CatalogException.class, () -> catalog.product(product).block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);

        Ranking renewed = rankings.record(decision(product, 60, null, RankingLevel.PROVINCIAL, today.minusDays(2), null)).block();

        assertThat(catalog.product(product).block().ranking()).isEqualTo(renewed);
        assertThat(renewed.stars()).isEqualTo(new Stars(3));
        assertThat(rankings.history(product).collectList().block()).containsExactly(renewed, expired);
    }

    @Test
    void expiringListsRankingsOnSaleThatEndWithinTheDaysSoonestFirst() {
        ProductId later = product("Mắm tôm chua Huế");
        ProductId sooner = product("Bánh pía Sóc Trăng");
        ProductId farOff = product("Kẹo dừa Bến Tre");
        fixtures.ranking(later, 4, today.minusYears(2), today.plusDays(20)).block();
        fixtures.ranking(sooner, 3, today.minusYears(2), today.plusDays(5)).block();
        fixtures.ranking(farOff, 4, today.minusYears(2), today.plusDays(200)).block();

        var expiring = rankings.expiring(30).filter(r -> r.productId().equals(later) || r.productId().equals(sooner) || r.productId().equals(farOff))
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

        var byProducer = rankings.findProducts("SÂM NGỌC LINH KON", 10).collectList().block();
        var byName = rankings.findProducts("rượu sâm", 10).collectList().block();

        assertThat(byProducer).extracting(CouncilProduct::id).containsExactly(draft, active);
        assertThat(byName).extracting(CouncilProduct::id).containsExactly(draft);
        assertThat(byProducer.get(0).sale().reason().kind()).isEqualTo(SaleStatus.Kind.DRAFT);
        assertThat(byProducer.get(1).sale().reason().kind()).isEqualTo(SaleStatus.Kind.EXPIRED);
        assertThat(rankings.findProducts("  ", 10).collectList().block()).isEmpty();
    }

    private int starsRecordedFor(int score, RankingLevel level) {
        return rankings.record(decision(product("Sản phẩm điểm " + score), score, null, level)).block().stars().value();
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

    private static InvalidRanking refusal(Runnable attempt) {
        return catchThrowableOfType(InvalidRanking.class, attempt::run);
    }
}
