package vn.ocop.catalog.listings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.TinyImages;

@SpringBootTest(classes = CatalogTestApplication.class, properties = "ocop.images-dir=target/test-images/listings")
@OwnDatabase
class ListingsIntegrationTests {

    @Autowired
    Listings listings;

    @Autowired
    Catalog catalog;

    @Autowired
    DatabaseClient db;

    ListingRows rows;
    ProducerId producer;
    ProducerId otherProducer;
    LocalDate today;

    @BeforeEach
    void twoProducers() {
        rows = new ListingRows(db);
        producer = rows.producer("HTX Mật ong Bắc Kạn");
        otherProducer = rows.producer("Công ty TNHH Nước mắm Phú Quốc");
        today = catalog.today();
    }

    @Test
    void newListingIsADraftAtVersionZeroWithAFreshVerificationCode() {
        Listing created = listings.create(producer, honey()).block();
        Listing another = listings.create(producer, honey()).block();

        assertThat(created.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(created.version()).isZero();
        assertThat(created.verificationCode()).matches("[2-9A-HJ-NP-Z]{10}").isNotEqualTo(another.verificationCode());
        assertThat(created.sale().onSale()).isFalse();
        assertThat(created.sale().reason().kind()).isEqualTo(SaleStatus.Kind.DRAFT);
        assertThat(listings.of(producer).map(Listing::id).collectList().block()).containsExactlyInAnyOrder(created.id(), another.id());
    }

    @Test
    void editRewritesTheListingAndRaisesTheVersion() {
        Listing created = listings.create(producer, honey()).block();

        Listing edited = listings.edit(producer, created.id(), 0, new ListingDetails("Mật ong bạc hà", "Mật ong hoa bạc hà Hà Giang",
                OcopGroup.FOOD, new Vnd(320_000), "chai 500 ml", 700)).block();

        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited).extracting(Listing::name, Listing::price, Listing::salesUnit, Listing::shippingWeightGrams)
                .containsExactly("Mật ong bạc hà", new Vnd(320_000), "chai 500 ml", 700);
        assertThat(rows.column(created.id(), "updated_at > created_at")).isEqualTo(true);
    }

    @Test
    void aListingKeepsTheShippingWeightItWasGiven() {
        Listing created = listings.create(producer, weighing(1_250)).block();
        Listing edited = listings.edit(producer, created.id(), 0, weighing(2_000)).block();

        assertThat(created.shippingWeightGrams()).isEqualTo(1_250);
        assertThat(edited.shippingWeightGrams()).isEqualTo(2_000);
        assertThat(listings.get(producer, created.id()).block().shippingWeightGrams()).isEqualTo(2_000);
        assertThat(rows.column(created.id(), "shipping_weight_g")).isEqualTo(2_000);
        assertThat(created.demoWeight()).isFalse();
    }

    @Test
    void anOutOfRangeWeightIsRefusedAndChangesNothing() {
        Listing created = listings.create(producer, weighing(1_250)).block();

        assertThatIllegalArgumentException().isThrownBy(() -> listings.edit(producer, created.id(), 0, weighing(0)));
        assertThatIllegalArgumentException().isThrownBy(() -> listings.edit(producer, created.id(), 0, weighing(50_001)));
        assertThatThrownBy(() -> db.sql("update product set shipping_weight_g = 50001 where id = :id")
                .bind("id", created.id().value()).then().block())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("shipping_weight_g");

        Listing now = listings.get(producer, created.id()).block();
        assertThat(now.shippingWeightGrams()).isEqualTo(1_250);
        assertThat(now.version()).isZero();
    }

    @Test
    void savingAListingMakesItsDemoPriceAndWeightTheProducers() {
        Listing created = listings.create(producer, weighing(650)).block();
        db.sql("update product set demo_price = true, demo_weight = true where id = :id").bind("id", created.id().value()).then().block();
        assertThat(listings.get(producer, created.id()).block()).extracting(Listing::demoPrice, Listing::demoWeight).containsExactly(true, true);

        Listing saved = listings.edit(producer, created.id(), 0, weighing(650)).block();

        assertThat(saved).extracting(Listing::shippingWeightGrams, Listing::demoPrice, Listing::demoWeight).containsExactly(650, false, false);
    }

    @Test
    void aListingMadeBeforeWeightsExistedWeighsTheDefault() {
        ProductId old = new CatalogFixtures(db).product(producer, "Mật ong cũ", ProductStatus.DRAFT).block();

        assertThat(listings.get(producer, old).block()).extracting(Listing::shippingWeightGrams, Listing::demoWeight)
                .containsExactly(500, false);
    }

    @Test
    void staleVersionIsRefusedAndChangesNothing() {
        Listing created = listings.create(producer, honey()).block();
        listings.edit(producer, created.id(), 0, renamed("Mật ong lần một")).block();

        assertRefused(listings.edit(producer, created.id(), 0, renamed("Mật ong lần hai")), CatalogErrorCode.STALE_VERSION);

        Listing now = listings.get(producer, created.id()).block();
        assertThat(now.name()).isEqualTo("Mật ong lần một");
        assertThat(now.version()).isEqualTo(1);
    }

    @Test
    void ofConcurrentEditsAtTheSameVersionExactlyOneWins() {
        Listing created = listings.create(producer, honey()).block();

        List<String> outcomes = Flux.range(1, 6)
                .flatMap(i -> listings.edit(producer, created.id(), 0, renamed("Mật ong " + i))
                        .map(l -> "edited")
                        .onErrorResume(CatalogException.class, e -> Mono.just(e.code().name())))
                .collectList().block();

        assertThat(outcomes).containsOnlyOnce("edited").contains(CatalogErrorCode.STALE_VERSION.name()).hasSize(6);
        assertThat(listings.get(producer, created.id()).block().version()).isEqualTo(1);
    }

    @Test
    void publishAndArchiveMoveThroughTheLifecycleRaisingTheVersion() {
        ProductId id = listings.create(producer, honey()).block().id();

        assertThat(listings.publish(producer, id).block()).extracting(Listing::status, Listing::version).containsExactly(ProductStatus.ACTIVE, 1L);
        assertRefused(listings.publish(producer, id), CatalogErrorCode.INVALID_STATE);
        assertThat(listings.archive(producer, id).block()).extracting(Listing::status, Listing::version).containsExactly(ProductStatus.ARCHIVED, 2L);
        assertRefused(listings.archive(producer, id), CatalogErrorCode.INVALID_STATE);
        assertThat(listings.publish(producer, id).block()).extracting(Listing::status, Listing::version).containsExactly(ProductStatus.ACTIVE, 3L);
    }

    @Test
    void draftCanBeArchivedStraightAway() {
        ProductId id = listings.create(producer, honey()).block().id();

        assertThat(listings.archive(producer, id).block().status()).isEqualTo(ProductStatus.ARCHIVED);
    }

    @Test
    void archivedListingCannotBeEdited() {
        ProductId id = listings.create(producer, honey()).block().id();
        listings.archive(producer, id).block();

        assertRefused(listings.edit(producer, id, 1, renamed("Mật ong mới")), CatalogErrorCode.INVALID_STATE);
        assertThat(listings.get(producer, id).block()).extracting(Listing::name, Listing::version).containsExactly("Mật ong rừng", 1L);
    }

    @Test
    void someoneElsesProductIsNotFoundAndStaysAsItWas() {
        ProductId theirs = listings.create(otherProducer, honey()).block().id();
        Map<String, Object> before = rows.product(theirs);

        assertRefused(listings.get(producer, theirs), CatalogErrorCode.NOT_FOUND);
        assertRefused(listings.edit(producer, theirs, 0, renamed("Hàng của tôi")), CatalogErrorCode.NOT_FOUND);
        assertRefused(listings.publish(producer, theirs), CatalogErrorCode.NOT_FOUND);
        assertRefused(listings.archive(producer, theirs), CatalogErrorCode.NOT_FOUND);
        assertRefused(listings.addImage(producer, theirs, TinyImages.png()), CatalogErrorCode.NOT_FOUND);

        assertThat(rows.product(theirs)).isEqualTo(before);
        assertThat(rows.imageCount(theirs)).isZero();
        assertThat(listings.of(producer).collectList().block()).isEmpty();
    }

    @Test
    void listingSaysWhyItIsNotOnSaleAndWhenItIs() {
        ProductId expired = listings.publish(producer, listings.create(producer, honey()).block().id()).block().id();
        rows.ranking(expired, 4, LocalDate.of(2023, 3, 28), LocalDate.of(2026, 3, 28));
        ProductId valid = listings.publish(producer, listings.create(producer, renamed("Mật ong nghệ")).block().id()).block().id();
        rows.ranking(valid, 5, today.minusYears(1), today.plusYears(2));

        Listing off = listings.get(producer, expired).block();
        Listing on = listings.get(producer, valid).block();

        assertThat(off.sale().onSale()).isFalse();
        assertThat(off.sale().reason().describe()).isEqualTo("certificate expired on 2026-03-28");
        assertThat(off.shownRanking().stars().value()).isEqualTo(4);
        assertThat(on.sale().onSale()).isTrue();
        assertThat(on.shownRanking().validUntil()).isEqualTo(today.plusYears(2));
    }

    @Test
    void pngAndJpegAreKeptOnDiskAsFreshCopiesWithTheirRows() throws Exception {
        ProductId id = listings.create(producer, honey()).block().id();

        StoredImage png = listings.addImage(producer, id, TinyImages.png()).block();
        StoredImage jpeg = listings.addImage(producer, id, TinyImages.jpeg()).block();

        assertThat(png.fileName()).matches("[0-9a-f-]{36}\\.png");
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(jpeg.fileName()).matches("[0-9a-f-]{36}\\.jpg");
        assertThat((long) png.sizeBytes()).isEqualTo(Files.size(png.path()));
        assertThat(pixels(Files.readAllBytes(png.path()))).as("a PNG with transparency is copied losslessly")
                .containsExactly(pixels(TinyImages.png()));
        assertThat(png.path()).startsWith(Path.of("target/test-images/listings").toAbsolutePath());
        assertThat(listings.get(producer, id).block().imageFiles()).containsExactly(png.fileName(), jpeg.fileName());
        assertThat(listings.image(jpeg.fileName()).block()).isEqualTo(jpeg);
    }

    @Test
    void webpIsRecognisedByItsRiffHeaderAndKeptAsAJpegOrPng() throws Exception {
        ProductId id = listings.create(producer, honey()).block().id();

        StoredImage webp = listings.addImage(producer, id, TinyImages.webp()).block();

        assertThat(webp.contentType()).isIn("image/jpeg", "image/png");
        assertThat(webp.fileName()).endsWith(webp.contentType().equals("image/png") ? ".png" : ".jpg");
        assertThat(pixels(Files.readAllBytes(webp.path()))).hasSize(1);
    }

    @Test
    void textFileNamedPngIsRejected() {
        ProductId id = listings.create(producer, honey()).block().id();
        byte[] text = "this is not an image, whatever its name says".getBytes(StandardCharsets.UTF_8);

        assertRejected(listings.addImage(producer, id, text), ImageRejected.Rule.UNSUPPORTED_TYPE);
        assertRejected(listings.addImage(producer, id, new byte[0]), ImageRejected.Rule.EMPTY);
        assertThat(rows.imageCount(id)).isZero();
    }

    @Test
    void imageOverTwoMegabytesIsRejected() {
        ProductId id = listings.create(producer, honey()).block().id();
        byte[] png = TinyImages.png();
        byte[] large = Arrays.copyOf(png, 2 * 1024 * 1024 + 1);

        assertRejected(listings.addImage(producer, id, large), ImageRejected.Rule.TOO_LARGE);
        assertThat(listings.addImage(producer, id, Arrays.copyOf(png, 2 * 1024 * 1024)).block()).isNotNull();
    }

    @Test
    void ninthImageIsRejected() {
        ProductId id = listings.create(producer, honey()).block().id();
        Flux.range(1, 8).concatMap(i -> listings.addImage(producer, id, TinyImages.png())).blockLast();

        assertRejected(listings.addImage(producer, id, TinyImages.png()), ImageRejected.Rule.TOO_MANY);
        assertThat(rows.imageCount(id)).isEqualTo(8);
    }

    @Test
    void imageNamesOutsideTheStoreAreNotFound() {
        assertThat(listings.image("../../etc/passwd").blockOptional()).isEmpty();
        assertThat(listings.image(UUID.randomUUID() + ".png").blockOptional()).isEmpty();
    }

    @Test
    void expiringListsRankingsValidTodayThatEndWithinTheDaysSoonestFirst() {
        ProductId soon = listings.create(producer, renamed("Mật ong A")).block().id();
        ProductId later = listings.create(producer, renamed("Mật ong B")).block().id();
        ProductId farAway = listings.create(producer, renamed("Mật ong C")).block().id();
        ProductId lapsed = listings.create(producer, renamed("Mật ong D")).block().id();
        ProductId theirs = listings.create(otherProducer, renamed("Nước mắm")).block().id();
        rows.ranking(later, 4, today.minusYears(2), today.plusDays(40));
        rows.ranking(soon, 3, today.minusYears(2), today.plusDays(10));
        rows.ranking(soon, 2, today.minusYears(1), today.plusDays(5));
        rows.ranking(farAway, 5, today.minusYears(1), today.plusDays(100));
        rows.ranking(lapsed, 4, today.minusYears(3), today.minusDays(1));
        rows.revokedRanking(lapsed, 4, today.minusYears(1), today.plusDays(3));
        rows.ranking(theirs, 4, today.minusYears(2), today.plusDays(7));

        List<ExpiringListing> within60 = listings.expiring(producer, 60).collectList().block();
        List<ExpiringListing> within30 = listings.expiring(producer, 30).collectList().block();

        assertThat(within60).extracting(ExpiringListing::product).containsExactly(soon, later);
        assertThat(within60).extracting(ExpiringListing::daysLeft).containsExactly(10L, 40L);
        assertThat(within30).extracting(ExpiringListing::productName).containsExactly("Mật ong A");
        assertThatThrownBy(() -> listings.expiring(producer, 0).blockLast()).isInstanceOf(IllegalArgumentException.class);
    }

    private static ListingDetails honey() {
        return new ListingDetails("Mật ong rừng", "Mật ong rừng nguyên chất", OcopGroup.FOOD, new Vnd(250_000), "chai 500 ml", 650);
    }

    private static ListingDetails renamed(String name) {
        return new ListingDetails(name, null, OcopGroup.FOOD, new Vnd(250_000), "chai 500 ml", 650);
    }

    private static ListingDetails weighing(int grams) {
        return new ListingDetails("Mật ong rừng", null, OcopGroup.FOOD, new Vnd(250_000), "chai 500 ml", grams);
    }

    private static void assertRefused(Mono<?> call, CatalogErrorCode code) {
        assertThatThrownBy(call::block).isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static int[] pixels(byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
    }

    private static void assertRejected(Mono<?> call, ImageRejected.Rule rule) {
        assertThatThrownBy(call::block).isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }
}
