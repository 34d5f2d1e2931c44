package vn.ocop.catalog;

import java.util.Objects;
import java.util.UUID;

/** A lot: one batch of one product, with its code, production and use-by dates. */
public record LotId(UUID value) {
    public LotId {
        Objects.requireNonNull(value, "lot id");
    }
}
