package vn.ocop.catalog.listings;

import com.twelvemonkeys.image.ResampleOp;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The smaller copies pages show (a card needs 320 px, a product page 800 px, so a phone does not fetch a
 * 6,000 px photo): scaled to {@link #SIDES} on the longest side with TwelveMonkeys' Lanczos resampling, written
 * in the original's type (JPEG, or PNG when it has transparency) without metadata. An image no larger than a
 * side gets no copy for it: it is never enlarged, the original serves.
 */
final class Thumbnails {

    /** The longest side of each copy, smallest first. */
    static final List<Integer> SIDES = List.of(320, 800);

    /** One copy, for the longest side {@code maxSide}. */
    record Thumbnail(int maxSide, ImageNormaliser.Normalised copy) {
    }

    private Thumbnails() {
    }

    /** The copies smaller than the image, the largest drawn first and each smaller one from the last (cheaper, as sharp). */
    static List<Thumbnail> of(BufferedImage image, ImageType type) {
        List<Thumbnail> copies = new ArrayList<>();
        BufferedImage source = image;
        for (int i = SIDES.size() - 1; i >= 0; i--) {
            int side = SIDES.get(i);
            if (Math.max(image.getWidth(), image.getHeight()) <= side) {
                continue;
            }
            source = scale(source, side, type);
            copies.add(0, new Thumbnail(side, ImageNormaliser.write(type, type == ImageType.JPEG
                    ? ImageNormaliser.toType(source, ImageNormaliser.opaqueType(source)) : source)));
        }
        return List.copyOf(copies);
    }

    static BufferedImage scale(BufferedImage image, int maxSide, ImageType type) {
        double factor = (double) maxSide / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        // resampling wants plain RGB(A) samples: a palette, 16 bits or grey are drawn into one first
        BufferedImage samples = ImageNormaliser.toType(image,
                type == ImageType.JPEG ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        return new ResampleOp(width, height, ResampleOp.FILTER_LANCZOS).filter(samples, null);
    }
}
