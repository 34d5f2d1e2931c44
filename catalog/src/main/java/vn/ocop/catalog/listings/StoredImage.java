package vn.ocop.catalog.listings;

import vn.ocop.catalog.ProductId;
import java.nio.file.Path;

/** A product image kept on disk under the images directory, named {@code <uuid>.<ext>}. */
public record StoredImage(ProductId product, String fileName, String contentType, int sizeBytes, Path path) {
}
