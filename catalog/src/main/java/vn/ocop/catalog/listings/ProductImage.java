package vn.ocop.catalog.listings;

import java.util.List;

/**
 * One image a producer uploaded, as pages show it: its file, its size in pixels (null for images kept before sizes
 * were recorded) and its thumbnails, smallest first (none when the image is no larger than the smallest one).
 */
public record ProductImage(String fileName, Integer width, Integer height, List<Scaled> thumbnails) {

    public ProductImage {
        thumbnails = List.copyOf(thumbnails);
    }

    /** A smaller copy of the image: its file and its size in pixels. */
    public record Scaled(String fileName, int width, int height) {
    }
}
