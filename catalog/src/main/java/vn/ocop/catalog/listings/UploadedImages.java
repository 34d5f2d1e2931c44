package vn.ocop.catalog.listings;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Images other modules keep themselves (complaint photos), checked by the same rules as product images: JPEG, PNG
 * or WebP by their bytes, at most {@code ocop.images.max-bytes}, 6,000 px a side, and re-encoded without metadata.
 */
@Service
public class UploadedImages {

    private final ListingImages images;

    UploadedImages(ListingImages images) {
        this.images = images;
    }

    /** The re-encoded copy (JPEG, or PNG when it has transparency), or ImageRejected saying which rule it broke. */
    public Mono<CheckedImage> checked(byte[] bytes) {
        return images.checked(bytes);
    }
}
