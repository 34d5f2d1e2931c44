package vn.ocop.catalog.verification;

import vn.ocop.catalog.rankings.CouncilScope;
import vn.ocop.catalog.councils.Rankings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Locale;
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
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.verification.VerificationResult.Status;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.catalog.testing.OwnDatabase;

@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class VerificationIntegrationTests {

    @Autowired
    Verification verification;

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
    void validRankingShowsUntilWhenEvenIfTheListingIsADraftAndTheCodeIsTypedInLowerCase() {
        ProducerId producer = fixtures.producer("HTX Chè Thái", null).block();
        ProductId product = fixtures.product(producer, "Chè Tân Cương", ProductStatus.DRAFT).block();
        fixtures.ranking(product, 4, today.minusYears(1), today.plusYears(2)).block();

        VerificationResult result = verification.verify(code(product).toLowerCase(Locale.ROOT)).block();

        assertThat(result.status()).isEqualTo(Status.VALID);
        assertThat(result.statusDate()).isEqualTo(today.plusYears(2));
        assertThat(result.code()).isEqualTo(code(product));
        assertThat(result).extracting(VerificationResult::productName, VerificationResult::producerName,
                VerificationResult::province, VerificationResult::formerProvince)
                .containsExactly("Chè Tân Cương", "HTX Chè Thái", "Thái Nguyên", "Bắc Kạn");
        assertThat(result.ranking().stars().value()).isEqualTo(4);
    }

    @Test
    void expiredRankingSaysOnWhichDay() {
        ProductId product = fixtures.activeProduct("Măng khô Bắc Kạn").block();
        fixtures.ranking(product, 3, today.minusYears(4), today.minusYears(1)).block();

        VerificationResult result = verification.verify(code(product)).block();

        assertThat(result.status()).isEqualTo(Status.EXPIRED);
        assertThat(result.statusDate()).isEqualTo(today.minusYears(1));
    }

    @Test
    void revokedRankingSaysWhenAndWhy() {
        ProductId product = fixtures.activeProduct("Hồng không hạt").block();
        CertificationId ranking = fixtures.ranking(product, 4, today.minusYears(1), today.plusYears(2)).block();
        rankings.revoke(CouncilScope.NATIONAL, ranking, "Cơ sở sản xuất không còn đáp ứng tiêu chí").block();

        VerificationResult result = verification.verify(code(product)).block();

        assertThat(result.status()).isEqualTo(Status.REVOKED);
        assertThat(result.statusDate()).isEqualTo(today);
        assertThat(result.revocationReason()).isEqualTo("Cơ sở sản xuất không còn đáp ứng tiêu chí");
    }

    @Test
    void rankingIssuedInTheFutureIsNotYetValidAndNoRankingIsNone() {
        ProductId future = fixtures.activeProduct("Rượu ngô Na Hang").block();
        fixtures.ranking(future, 3, today.plusDays(3), today.plusYears(3)).block();
        ProductId none = fixtures.activeProduct("Bánh chưng Bờ Đậu").block();

        VerificationResult notYet = verification.verify(code(future)).block();
        VerificationResult nothing = verification.verify(code(none)).block();

        assertThat(notYet.status()).isEqualTo(Status.NOT_YET_VALID);
        assertThat(notYet.statusDate()).isEqualTo(today.plusDays(3));
        assertThat(nothing.status()).isEqualTo(Status.NONE);
        assertThat(nothing.ranking()).isNull();
    }

    @Test
    void unknownCodeIsNotFound() {
        assertThat(catchThrowableOfType(CatalogException.class, () -> verification.verify("ZZZZZZZZZZ").block()).code())
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
    }

    private String code(ProductId product) {
        return db.sql("select verification_code from product where id = :id").bind("id", product.value())
                .map((row, md) -> row.get("verification_code", String.class)).one().block();
    }
}
