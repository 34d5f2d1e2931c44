package vn.ocop.catalog.listings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.listings.ImageRejected.Rule;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.TinyImages;

/** What the catalog keeps of an upload is a decoded and re-encoded copy; a hostile file keeps nothing. */
@SpringBootTest(classes = CatalogTestApplication.class, properties = "ocop.images-dir=" + ListingImagesIntegrationTests.DIR)
@OwnDatabase
class ListingImagesIntegrationTests {

    static final String DIR = "target/test-images/listing-images";

    @Autowired
    Listings listings;

    @Autowired
    DatabaseClient db;

    ListingRows rows;
    ProducerId producer;
    ProductId product;

    @BeforeEach
    void aDraftListing() {
        rows = new ListingRows(db);
        producer = rows.producer("HTX Chè Tân Cương");
        product = listings.create(producer, new ListingDetails("Chè búp Tân Cương", null, OcopGroup.DRINKS,
                new Vnd(180_000), "gói 200 g", 250)).block().id();
    }

    @Test
    void jpegWithAnHtmlTailIsStoredWithoutTheTail() throws IOException {
        StoredImage stored = listings.addImage(producer, product, TinyImages.jpegWithHtmlTail()).block();

        byte[] kept = Files.readAllBytes(stored.path());
        assertThat(stored.fileName()).endsWith(".jpg");
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("<html", "<script");
        assertThat(Arrays.copyOfRange(kept, kept.length - 2, kept.length)).containsExactly(0xFF, 0xD9);
        assertThat(ImageIO.read(new ByteArrayInputStream(kept))).isNotNull();
        assertThat((long) stored.sizeBytes()).isEqualTo(kept.length);
    }

    @Test
    void exifOfAPhotoIsNotKept() throws IOException {
        StoredImage stored = listings.addImage(producer, product, TinyImages.jpegWithExif(16, 8, 1)).block();

        assertThat(new String(Files.readAllBytes(stored.path()), StandardCharsets.ISO_8859_1))
                .doesNotContain("Exif", TinyImages.CAMERA);
    }

    @Test
    void bombsOversizedAndUndecodableImagesAreRefusedAndNothingIsStored() throws IOException {
        long filesBefore = filesInStore();
        byte[] fakeJpeg = "\u00FF\u00D8\u00FF<html>a page, not a photo</html>".getBytes(StandardCharsets.ISO_8859_1);

        assertRejected(TinyImages.pngClaiming(100_000, 100_000), Rule.DIMENSIONS_TOO_LARGE);
        assertRejected(TinyImages.jpeg(6001, 8), Rule.DIMENSIONS_TOO_LARGE);
        assertRejected(fakeJpeg, Rule.UNREADABLE);
        assertRejected("not an image, whatever its name".getBytes(StandardCharsets.UTF_8), Rule.UNSUPPORTED_TYPE);

        assertThat(rows.imageCount(product)).isZero();
        assertThat(filesInStore()).isEqualTo(filesBefore);
        assertThat(listings.addImage(producer, product, TinyImages.jpeg(6000, 8)).block().fileName()).endsWith(".jpg");
    }

    private void assertRejected(byte[] upload, Rule rule) {
        assertThatThrownBy(() -> listings.addImage(producer, product, upload).block())
                .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    private static long filesInStore() throws IOException {
        Path dir = Path.of(DIR);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
