package vn.ocop.orders;

import java.util.Objects;
import java.util.UUID;

/** A review's id. */
public record ReviewId(UUID value) {

    public ReviewId {
        Objects.requireNonNull(value, "review id");
    }

    public static ReviewId random() {
        return new ReviewId(UUID.randomUUID());
    }
}
