package vn.ocop.catalog.listings;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF Orientation tag of a JPEG (1 to 8), applied to the pixels. Phones store a portrait photo as landscape
 * pixels plus this tag, and browsers turn it upright; the stored copy has no EXIF, so it must be upright itself.
 */
final class ExifOrientation {

    private static final int UPRIGHT = 1;

    private ExifOrientation() {
    }

    /** The tag's value, or upright when there is none or it cannot be read (the photo is then kept as its pixels lie). */
    static int of(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return UPRIGHT;
            }
            InputStream tiff = exif.get(0).data();
            tiff.read(); // the pad byte after "Exif\0"
            Entry tag = new TIFFReader().read(new MemoryCacheImageInputStream(tiff)).getEntryById(TIFF.TAG_ORIENTATION);
            int value = tag != null && tag.getValue() instanceof Number n ? n.intValue() : UPRIGHT;
            return value >= 1 && value <= 8 ? value : UPRIGHT;
        } catch (IOException | RuntimeException unreadable) {
            return UPRIGHT;
        }
    }

    /** The image turned and mirrored as the tag says; the same image when it is upright already. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == UPRIGHT) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);  // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);  // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);   // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);  // turned 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: turned 90° anticlockwise
        };
        BufferedImage turned = new BufferedImage(swaps ? h : w, swaps ? w : h, ImageNormaliser.opaqueType(image));
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }
}
