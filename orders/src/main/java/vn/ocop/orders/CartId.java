package vn.ocop.orders;

import java.util.Objects;
import java.util.UUID;

/** Identifies a cart; an anonymous shopper's browser keeps it in a cookie. */
public record CartId(UUID value) {
    public CartId {
        Objects.requireNonNull(value, "cart id");
    }
}
