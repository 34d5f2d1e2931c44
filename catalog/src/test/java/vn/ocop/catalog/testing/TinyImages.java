package vn.ocop.catalog.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real, tiny images: a 2×2 PNG and JPEG drawn by ImageIO once (in memory, no cache file), and the 1×1 lossless
 * WebP of the format's documentation. Each call returns a fresh copy.
 */
public final class TinyImages {

    private static final byte[] PNG = draw("png", BufferedImage.TYPE_INT_ARGB);
    private static final byte[] JPEG = draw("jpeg", BufferedImage.TYPE_INT_RGB);
    private static final byte[] WEBP = HexFormat.of().parseHex("524946461a000000574542505650384c0d0000002f00000010071011118888fe0700");

    private TinyImages() {
    }

    public static byte[] png() {
        return PNG.clone();
    }

    public static byte[] jpeg() {
        return JPEG.clone();
    }

    public static byte[] webp() {
        return WEBP.clone();
    }

    private static byte[] draw(String format, int type) {
        BufferedImage image = new BufferedImage(2, 2, type);
        image.setRGB(0, 0, 0xFF1B6B3A);
        image.setRGB(1, 1, 0xFFD4A017);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
