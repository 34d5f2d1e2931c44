package vn.ocop.catalog.listings;

import java.util.Objects;

/**
 * An uploaded image checked as listing images are (JPEG, PNG or WebP by its bytes, size and dimensions) and written
 * afresh without metadata, for others to keep (complaint photos): its content type and bytes.
 */
public record CheckedImage(String contentType, byte[] bytes) {

    public CheckedImage {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
