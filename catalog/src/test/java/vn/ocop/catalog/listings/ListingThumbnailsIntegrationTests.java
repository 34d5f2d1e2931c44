package vn.ocop.catalog.listings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

/** An upload is kept with thumbnails 320 and 800 px on its longest side, as free of metadata as the image itself. */
@SpringBootTest(classes = CatalogTestApplication.class,
        properties = {"ocop.images-dir=" + ListingThumbnailsIntegrationTests.DIR, "ocop.images.max-bytes=200000"})
@OwnDatabase
class ListingThumbnailsIntegrationTests {

    static final String DIR = "target/test-images/listing-thumbnails";

    @Autowired
    Listings listings;

    @Autowired
    DatabaseClient db;

    ProducerId producer;
    ProductId product;

    @BeforeEach
    void aDraftListing() {
        producer = new ListingRows(db).producer("HTX Mật ong Đồng Văn");
        product = listings.create(producer, new ListingDetails("Mật ong bạc hà Đồng Văn", null, OcopGroup.FOOD,
                new Vnd(250_000), "chai 500 ml", 700)).block().id();
    }

    @Test
    void photoWithGpsIsKeptWithThumbnailsOf320And800PixelsAndNoExifAnywhere() throws IOException {
        StoredImage stored = listings.addImage(producer, product, TinyImages.jpegWithGps(1600, 1200)).block();

        ProductImage image = onlyImage();
        assertThat(image.fileName()).isEqualTo(stored.fileName());
        assertThat(List.of(image.width(), image.height())).containsExactly(1600, 1200);
        assertThat(image.thumbnails()).extracting(ProductImage.Scaled::width, ProductImage.Scaled::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(320, 240), org.assertj.core.groups.Tuple.tuple(800, 600));
        for (String file : files(image)) {
            byte[] kept = bytesOf(file);
            assertThat(file).endsWith(".jpg");
            assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", TinyImages.CAMERA, TinyImages.GPS_METHOD);
            assertThat(Arrays.copyOf(kept, 3)).containsExactly(0xFF, 0xD8, 0xFF);
        }
        assertThat(decode(image.thumbnails().get(0).fileName()).getWidth()).isEqualTo(320);
        assertThat(decode(image.thumbnails().get(1).fileName()).getHeight()).isEqualTo(600);
        assertThat(stored.sizeBytes()).isGreaterThan(0);
    }

    @Test
    void thumbnailsAreFoundByTheirNamesWithTheirProductAndType() {
        listings.addImage(producer, product, TinyImages.jpeg(900, 300)).block();

        ProductImage.Scaled small = onlyImage().thumbnails().get(0);
        StoredImage found = listings.image(small.fileName()).block();

        assertThat(small.fileName()).matches("[0-9a-f-]{36}-320\\.jpg");
        assertThat(found.product()).isEqualTo(product);
        assertThat(found.contentType()).isEqualTo("image/jpeg");
        assertThat(found.path()).exists();
        assertThat(listings.image("../" + small.fileName()).blockOptional()).isEmpty();
    }

    @Test
    void transparentPngKeepsItsTransparencyInPngThumbnails() throws IOException {
        listings.addImage(producer, product, TinyImages.png(1000, 500)).block();

        ProductImage image = onlyImage();
        assertThat(image.fileName()).endsWith(".png");
        assertThat(image.thumbnails()).extracting(ProductImage.Scaled::width).containsExactly(320, 800);
        BufferedImage small = decode(image.thumbnails().get(0).fileName());
        assertThat(image.thumbnails().get(0).fileName()).endsWith("-320.png");
        assertThat(List.of(small.getWidth(), small.getHeight())).containsExactly(320, 160);
        assertThat(small.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void webpIsKeptAsPngWithThumbnails() throws IOException {
        listings.addImage(producer, product, TinyImages.webp(1200, 900)).block();

        ProductImage image = onlyImage();
        assertThat(image.fileName()).endsWith(".png");
        assertThat(List.of(image.width(), image.height())).containsExactly(1200, 900);
        assertThat(image.thumbnails()).extracting(ProductImage.Scaled::fileName).allMatch(f -> f.endsWith(".png"));
        assertThat(decode(image.thumbnails().get(1).fileName()).getWidth()).isEqualTo(800);
    }

    /**
     * A lossy photo WebP as phones and image tools write it (VP8, made with libwebp's cwebp from a drawn 1200 × 900
     * picture: a gradient with a light disc in the middle): decoded, kept as JPEG as it is opaque, with thumbnails.
     */
    @Test
    void aLossyPhotoWebpIsDecodedAndKeptAsJpegWithThumbnails() throws IOException {
        byte[] webp;
        try (var in = getClass().getResourceAsStream("/images/photo-lossy.webp")) {
            webp = in.readAllBytes();
        }
        assertThat(new String(webp, 8, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBPVP8 ");
        listings.addImage(producer, product, webp).block();

        ProductImage image = onlyImage();
        assertThat(image.fileName()).endsWith(".jpg");
        assertThat(List.of(image.width(), image.height())).containsExactly(1200, 900);
        BufferedImage medium = decode(image.thumbnails().get(1).fileName());
        assertThat(List.of(medium.getWidth(), medium.getHeight())).containsExactly(800, 600);
        // the pixels survived decoding: the disc's light cream in the middle, the gradient's dark green at the bottom
        java.awt.Color centre = new java.awt.Color(medium.getRGB(400, 300));
        java.awt.Color bottom = new java.awt.Color(medium.getRGB(40, 595));
        assertThat(centre.getRed()).isGreaterThan(230);
        assertThat(centre.getGreen()).isGreaterThan(220);
        assertThat(bottom.getGreen()).isGreaterThan(bottom.getRed());
    }

    @Test
    void anImageIsNeverEnlarged() {
        listings.addImage(producer, product, TinyImages.jpeg(500, 300)).block();
        listings.addImage(producer, product, TinyImages.webp()).block();

        List<ProductImage> images = pictures().images();
        assertThat(images.get(0).thumbnails()).extracting(ProductImage.Scaled::width, ProductImage.Scaled::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(320, 192));
        assertThat(images.get(1).thumbnails()).isEmpty();
        assertThat(List.of(images.get(1).width(), images.get(1).height())).containsExactly(1, 1);
    }

    @Test
    void refusedUploadsKeepNoImageNoThumbnailAndNoFile() throws IOException {
        long filesBefore = filesInStore();
        byte[] photo = TinyImages.jpegWithGps(1600, 1200);

        assertRejected(Arrays.copyOf(photo, photo.length / 2), Rule.UNREADABLE);
        assertRejected(new byte[200_001], Rule.TOO_LARGE);
        assertRejected("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8), Rule.UNSUPPORTED_TYPE);
        assertRejected(TinyImages.pngClaiming(100_000, 100_000), Rule.DIMENSIONS_TOO_LARGE);

        assertThat(pictures().images()).isEmpty();
        assertThat(db.sql("select count(*) as n from product_image_thumbnail t join product_image i on i.id = t.image_id where i.product_id = :p")
                .bind("p", product.value()).map((r, m) -> r.get("n", Long.class)).one().block()).isZero();
        assertThat(filesInStore()).isEqualTo(filesBefore);
    }

    @Test
    void aProductWithoutImagesIsPicturedByItsNameAndGroupAlone() {
        ProductPictures pictures = pictures();

        assertThat(pictures.name()).isEqualTo("Mật ong bạc hà Đồng Văn");
        assertThat(pictures.group()).isEqualTo(OcopGroup.FOOD);
        assertThat(pictures.images()).isEmpty();
        assertThat(listings.pictures(List.of(new ProductId(java.util.UUID.randomUUID()))).collectList().block()).isEmpty();
    }

    private ProductPictures pictures() {
        return listings.pictures(List.of(product)).single().block();
    }

    private ProductImage onlyImage() {
        List<ProductImage> images = pictures().images();
        assertThat(images).hasSize(1);
        return images.get(0);
    }

    private static List<String> files(ProductImage image) {
        return Stream.concat(Stream.of(image.fileName()), image.thumbnails().stream().map(ProductImage.Scaled::fileName)).toList();
    }

    private static byte[] bytesOf(String file) throws IOException {
        return Files.readAllBytes(Path.of(DIR, file));
    }

    private static BufferedImage decode(String file) throws IOException {
        return ImageIO.read(Path.of(DIR, file).toFile());
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
