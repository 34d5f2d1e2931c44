package vn.ocop.storefront.web.media;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.ocop.catalog.listings.ProductImage;

/**
 * One image as an {@code <img>} shows it: {@code src} (the smallest copy, for browsers without srcset),
 * {@code srcset} with each copy's real width (null when the sizes are not known), and the width and height of
 * {@code src} so the page keeps its place before the image arrives (null for images kept before sizes were).
 * {@code full} is the largest copy a gallery links to.
 */
public record Picture(String src, String srcset, Integer width, Integer height, String full) {

    public static final String IMAGES = "/images/products/";

    /** The largest side a page ever asks for: a larger original is only linked, never put in a srcset. */
    static final int LARGEST_SHOWN = 800;

    static Picture of(ProductImage image) {
        if (image.width() == null || image.height() == null) {
            String src = IMAGES + image.fileName(); // kept before thumbnails were: the original serves
            return new Picture(src, null, null, null, src);
        }
        List<ProductImage.Scaled> copies = new ArrayList<>(image.thumbnails());
        if (Math.max(image.width(), image.height()) <= LARGEST_SHOWN || copies.isEmpty()) {
            copies.add(new ProductImage.Scaled(image.fileName(), image.width(), image.height()));
        }
        ProductImage.Scaled smallest = copies.get(0);
        String srcset = copies.stream().map(c -> IMAGES + c.fileName() + " " + c.width() + "w").collect(Collectors.joining(", "));
        return new Picture(IMAGES + smallest.fileName(), srcset, smallest.width(), smallest.height(), IMAGES + image.fileName());
    }

    static Picture of(Illustration illustration) {
        return new Picture(illustration.src(), null, Illustration.SIDE, Illustration.SIDE, illustration.src());
    }
}
