package vn.ocop.catalog.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.ProducerApplications;

@SpringBootTest(classes = CatalogTestApplication.class)
@OwnDatabase
class OnboardingIntegrationTests {

    @Autowired
    Onboarding onboarding;
    @Autowired
    ProducerDirectory directory;
    @Autowired
    Catalog catalog;
    @Autowired
    Locations locations;
    @Autowired
    DatabaseClient db;

    CatalogFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(db);
    }

    @Test
    void approvalCreatesTheProducerActiveWithItsRegistrationTaxCodePayoutAccountAndAWarehouse() {
        SubmittedApplication submitted = onboarding.submit(ProducerApplications.coop("0100109106")).block();
        assertThat(submitted.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(onboarding.applications(ApplicationStatus.PENDING, 50).map(SubmittedApplication::id).collectList().block())
                .contains(submitted.id());

        ApprovedProducer approved = onboarding.approve(submitted.id()).block();

        assertThat(approved.application().status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.application().producer()).isEqualTo(approved.producer());
        ProducerProfile producer = directory.find(approved.producer()).block();
        assertThat(producer.status()).isEqualTo(ProducerStatus.ACTIVE);
        assertThat(producer.kind()).isEqualTo(ProducerKind.COOPERATIVE);
        assertThat(producer.name()).isEqualTo("HTX Chè Tân Cương");
        assertThat(producer.province()).isEqualTo("Thái Nguyên");
        assertThat(producer.commune()).isEqualTo("Xã Tân Cương");
        assertThat(producer.taxCode()).isEqualTo("0100109106");
        assertThat(producer.registrationNumber()).isEqualTo("0100109106");
        assertThat(producer.contactEmail()).isEqualTo("htx.tancuong@example.vn");
        assertThat(producer.contactPhone()).isEqualTo("0912345678");
        assertThat(directory.payoutAccount(approved.producer()).block())
                .isEqualTo(ProducerApplications.coop("0100109106").payout());
        assertThat(locations.warehousesOf(approved.producer()).collectList().block()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(LocationKind.WAREHOUSE);
            assertThat(w.name()).isEqualTo("Kho HTX Chè Tân Cương");
            assertThat(w.province()).isEqualTo("Thái Nguyên");
        });
    }

    @Test
    void aDecisionIsMadeOnceApprovingTwiceOrDecidingADecidedApplicationIsRefused() {
        ApplicationId approved = onboarding.submit(ProducerApplications.coop("5701234566")).block().id();
        ApplicationId rejected = onboarding.submit(ProducerApplications.coop("4601234560")).block().id();
        onboarding.approve(approved).block();
        onboarding.reject(rejected, "Thiếu giấy chứng nhận đăng ký HTX").block();
        long producers = producerCount();

        assertThat(refusal(() -> onboarding.approve(approved).block())).isEqualTo(CatalogErrorCode.ALREADY_DECIDED);
        assertThat(refusal(() -> onboarding.reject(approved, "Đổi ý sau khi duyệt").block())).isEqualTo(CatalogErrorCode.ALREADY_DECIDED);
        assertThat(refusal(() -> onboarding.approve(rejected).block())).isEqualTo(CatalogErrorCode.ALREADY_DECIDED);
        assertThat(refusal(() -> onboarding.approve(new ApplicationId(UUID.randomUUID())).block())).isEqualTo(CatalogErrorCode.NOT_FOUND);
        assertThat(producerCount()).isEqualTo(producers);
        assertThat(onboarding.application(rejected).block().decisionReason()).isEqualTo("Thiếu giấy chứng nhận đăng ký HTX");
    }

    @Test
    void rejectionNeedsAReason() {
        ApplicationId id = onboarding.submit(ProducerApplications.coop("0301234562")).block().id();

        assertThat(refusal(() -> onboarding.reject(id, " no ").block())).isEqualTo(CatalogErrorCode.INVALID_PRODUCER_DETAILS);
        assertThat(onboarding.application(id).block().status()).isEqualTo(ApplicationStatus.PENDING);
    }

    @Test
    void aTaxCodeApplicationWaitingOrAProducerHavingItRefusesAnotherApplication() {
        ApplicationId first = onboarding.submit(ProducerApplications.coop("0101234565")).block().id();

        assertThat(refusal(() -> onboarding.submit(ProducerApplications.coop("0101234565", "HTX khác", "khac@example.vn")).block()))
                .as("while the first waits").isEqualTo(CatalogErrorCode.ALREADY_REGISTERED);
        onboarding.approve(first).block();
        assertThat(refusal(() -> onboarding.submit(ProducerApplications.coop("0101234565", "HTX khác", "khac@example.vn")).block()))
                .as("once a producer has it").isEqualTo(CatalogErrorCode.ALREADY_REGISTERED);
        assertThat(applicationCount("0101234565")).isEqualTo(1);
    }

    @Test
    void suspendingTakesEveryProductOffSaleAndWritesAChangeRowForEachAndReactivatingBringsThemBack() {
        ProducerId producer = fixtures.producer("HTX Gạo Bao Thai", null).block();
        List<ProductId> products = List.of(sellable(producer, "Gạo Bao Thai"), sellable(producer, "Bún gạo Bao Thai"));
        long onSale = catalog.countSellable().block();
        long changesBefore = changeRows(products);

        ProducerProfile suspended = directory.suspend(producer, "Vi phạm quy định ghi nhãn").block();

        assertThat(suspended.status()).isEqualTo(ProducerStatus.SUSPENDED);
        assertThat(suspended.statusReason()).isEqualTo("Vi phạm quy định ghi nhãn");
        assertThat(catalog.countSellable().block()).isEqualTo(onSale - 2);
        assertThat(changeRows(products)).as("one outbox row per product, for search").isEqualTo(changesBefore + 2);
        assertThat(refusal(() -> directory.suspend(producer, "Lần nữa vì lý do khác").block())).isEqualTo(CatalogErrorCode.INVALID_STATE);

        ProducerProfile active = directory.reactivate(producer).block();

        assertThat(active.status()).isEqualTo(ProducerStatus.ACTIVE);
        assertThat(active.statusReason()).isNull();
        assertThat(catalog.countSellable().block()).isEqualTo(onSale);
        assertThat(changeRows(products)).isEqualTo(changesBefore + 4);
        assertThat(refusal(() -> directory.reactivate(producer).block())).isEqualTo(CatalogErrorCode.INVALID_STATE);
    }

    @Test
    void adminFindsProducersIgnoringDiacriticsAndByTheirShortNames() {
        ProducerId coop = fixtures.producer("Hợp tác xã Cà phê Đắk Hà Xanh", null).block();
        ProducerId other = fixtures.producer("Công ty TNHH Đắk Hà Xanh", null).block();

        assertThat(listed("dak ha xanh")).containsExactlyInAnyOrder(coop, other);
        assertThat(listed("ĐẮK HÀ XANH")).containsExactlyInAnyOrder(coop, other);
        assertThat(listed("htx ca phe dak ha")).as("htx = hợp tác xã").containsExactly(coop);
        assertThat(listed("cty tnhh dak ha xanh")).as("cty = công ty, tnhh").containsExactly(other);
        assertThat(directory.count("dak ha xanh", null).block()).isEqualTo(2);
        assertThat(listed("dak ha do")).isEmpty();
    }

    private List<ProducerId> listed(String text) {
        return directory.list(text, null, 0, 50).map(ProducerProfile::id).collectList().block();
    }

    @Test
    void suspensionNeedsAReasonAndAnUnknownProducerIsNotFound() {
        ProducerId producer = fixtures.producer("HTX Miến dong", null).block();

        assertThat(refusal(() -> directory.suspend(producer, "x").block())).isEqualTo(CatalogErrorCode.INVALID_PRODUCER_DETAILS);
        assertThat(directory.find(producer).block().status()).isEqualTo(ProducerStatus.ACTIVE);
        assertThat(refusal(() -> directory.suspend(new ProducerId(UUID.randomUUID()), "Không tồn tại").block()))
                .isEqualTo(CatalogErrorCode.NOT_FOUND);
    }

    private ProductId sellable(ProducerId producer, String name) {
        ProductId product = fixtures.product(producer, name, ProductStatus.ACTIVE).block();
        fixtures.ranking(product, 4, catalog.today().minusYears(1), catalog.today().plusYears(1)).block();
        return product;
    }

    private long changeRows(List<ProductId> products) {
        return db.sql("select count(*) as n from catalog_change where product_id = any(:ids)")
                .bind("ids", products.stream().map(ProductId::value).toArray(UUID[]::new))
                .map((row, md) -> row.get("n", Long.class)).one().block();
    }

    private long producerCount() {
        return db.sql("select count(*) as n from producer").map((row, md) -> row.get("n", Long.class)).one().block();
    }

    private long applicationCount(String taxCode) {
        return db.sql("select count(*) as n from producer_application where tax_code = :t").bind("t", taxCode)
                .map((row, md) -> row.get("n", Long.class)).one().block();
    }

    private static CatalogErrorCode refusal(Runnable attempt) {
        return catchThrowableOfType(CatalogException.class, attempt::run).code();
    }
}
