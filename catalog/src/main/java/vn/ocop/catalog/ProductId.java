package vn.ocop.catalog;

import java.util.UUID;

/** Identifies a product. */
public record ProductId(UUID value) {
    public ProductId {
        java.util.Objects.requireNonNull(value, "product id");
    }

    public static ProductId random() {
        return new ProductId(UUID.randomUUID());
    }
}
