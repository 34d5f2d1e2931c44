package vn.ocop.catalog.listings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import vn.ocop.catalog.listings.ImageRejected.Rule;
import vn.ocop.catalog.listings.ImageNormaliser.Normalised;
import vn.ocop.catalog.testing.TinyImages;

class ImageNormaliserTests {

    static final ImageNormaliser normaliser = new ImageNormaliser(2);

    @AfterAll
    static void stop() {
        normaliser.destroy();
    }

    @Test
    void jpegWithAnHtmlTailIsKeptAsAFreshJpegWithoutTheTail() throws IOException {
        Normalised copy = normalise(TinyImages.jpegWithHtmlTail());

        assertThat(copy.type()).isEqualTo(ImageType.JPEG);
        assertThat(text(copy.bytes())).doesNotContain("<html", "script");
        assertThat(Arrays.copyOfRange(copy.bytes(), copy.bytes().length - 2, copy.bytes().length))
                .containsExactly(0xFF, 0xD9); // the JPEG's end-of-image marker is the last thing in the file
        assertThat(decode(copy.bytes()).getWidth()).isEqualTo(2);
    }

    @Test
    void pngWhoseHeaderClaimsAHundredThousandPixelsASideIsRefusedBeforeAnyPixelIsDecoded() {
        byte[] bomb = TinyImages.pngClaiming(100_000, 100_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertRejected(bomb, Rule.DIMENSIONS_TOO_LARGE, "100000 × 100000 pixels; at most 6000 pixels a side");

        // decoding would need 40 GB; reading the header needs a few kilobytes
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(8 * 1024 * 1024);
    }

    @Test
    void sixThousandPixelsASideAreAcceptedAndOneMoreIsRefused() {
        assertThat(normalise(TinyImages.jpeg(6000, 8)).width()).isEqualTo(6000);
        assertThat(normalise(TinyImages.png(8, 6000)).height()).isEqualTo(6000);

        assertRejected(TinyImages.jpeg(6001, 8), Rule.DIMENSIONS_TOO_LARGE, "6001 × 8 pixels");
        assertRejected(TinyImages.png(8, 6001), Rule.DIMENSIONS_TOO_LARGE, "8 × 6001 pixels");
        assertRejected(TinyImages.pngClaiming(6001, 1), Rule.DIMENSIONS_TOO_LARGE, "6001 × 1 pixels");
    }

    @Test
    void exifMetadataDoesNotSurviveTheCopy() throws IOException {
        byte[] photo = TinyImages.jpegWithExif(16, 8, 1);
        assertThat(text(photo)).contains("Exif", TinyImages.CAMERA);

        Normalised copy = normalise(photo);

        assertThat(text(copy.bytes())).doesNotContain("Exif", TinyImages.CAMERA);
        assertThat(segmentMarkers(copy.bytes())).doesNotContain(0xE1);
        assertThat(decode(copy.bytes()).getWidth()).isEqualTo(16);
    }

    @Test
    void exifOrientationIsAppliedToThePixelsBeforeItIsDropped() throws IOException {
        Normalised copy = normalise(TinyImages.jpegWithExif(16, 8, 6)); // 6: turn 90° clockwise to view

        BufferedImage upright = decode(copy.bytes());
        assertThat(upright.getWidth()).isEqualTo(8);
        assertThat(upright.getHeight()).isEqualTo(16);
        assertThat(red(upright.getRGB(7, 0))).as("the red top-left corner turned to the top right").isGreaterThan(200);
        assertThat(red(upright.getRGB(0, 15)) + green(upright.getRGB(0, 15))).as("white elsewhere").isGreaterThan(400);
        assertThat(green(upright.getRGB(7, 0))).isLessThan(60);
    }

    @Test
    void webpIsDecodedAndKeptAsJpegOrPng() throws IOException {
        Normalised copy = normalise(TinyImages.webp());

        assertThat(copy.type()).isIn(ImageType.JPEG, ImageType.PNG);
        assertThat(decode(copy.bytes()).getWidth()).isEqualTo(1);
    }

    @Test
    void transparentPngStaysAPngWithItsPixelsAndAnOpaqueOneBecomesAJpeg() throws IOException {
        Normalised transparent = normalise(TinyImages.png());
        Normalised opaque = normalise(TinyImages.opaquePng(4, 4));

        assertThat(transparent.type()).isEqualTo(ImageType.PNG);
        assertThat(pixels(decode(transparent.bytes()))).containsExactly(pixels(decode(TinyImages.png())));
        assertThat(opaque.type()).isEqualTo(ImageType.JPEG);
    }

    @Test
    void fileThatOnlyStartsLikeAnImageIsUnreadable() {
        byte[] fakeJpeg = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "<html>not a photo</html>".getBytes(StandardCharsets.US_ASCII));
        byte[] truncatedPng = Arrays.copyOf(TinyImages.png(), 40);

        assertRejected(fakeJpeg, ImageType.JPEG, Rule.UNREADABLE, "does not decode as a JPEG image");
        assertRejected(truncatedPng, ImageType.PNG, Rule.UNREADABLE, "does not decode as a PNG image");
    }

    @Test
    void aBurstOfUploadsIsDecodedOnNoMoreThreadsThanAllowed() {
        byte[] photo = TinyImages.jpeg(1200, 800);

        Flux.range(0, 12)
                .flatMap(i -> normaliser.normalise(ImageType.JPEG, photo).map(copy -> Thread.currentThread().getName()))
                .collect(Collectors.toSet())
                .as(StepVerifier::create)
                .assertNext(threads -> assertThat(threads).hasSizeBetween(1, 2).allMatch(name -> name.startsWith("image-decode")))
                .verifyComplete();
    }

    private static Normalised normalise(byte[] bytes) {
        return ImageNormaliser.normaliseNow(ImageType.sniff(bytes).orElseThrow(), bytes);
    }

    private static void assertRejected(byte[] bytes, Rule rule, String message) {
        assertRejected(bytes, ImageType.sniff(bytes).orElseThrow(), rule, message);
    }

    private static void assertRejected(byte[] bytes, ImageType type, Rule rule, String message) {
        assertThatThrownBy(() -> ImageNormaliser.normaliseNow(type, bytes))
                .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessageContaining(message);
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodes").isNotNull();
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The markers of a JPEG's segments before its image data (0xE0 JFIF, 0xE1 EXIF, 0xDB tables, ...). */
    private static List<Integer> segmentMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) != 0xDA) {
            markers.add(jpeg[at + 1] & 0xFF);
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }

    private static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int green(int rgb) {
        return rgb >> 8 & 0xFF;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
