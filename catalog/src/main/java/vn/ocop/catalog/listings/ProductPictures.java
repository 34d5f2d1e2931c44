package vn.ocop.catalog.listings;

import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductId;
import java.util.List;

/**
 * What pages need to picture a product, whatever its status (an order line shows what was bought): its name and
 * OCOP group (for the alt text, and an illustration when it has no image) and its images in the producer's order.
 */
public record ProductPictures(ProductId product, String name, OcopGroup group, List<ProductImage> images) {

    public ProductPictures {
        images = List.copyOf(images);
    }
}
