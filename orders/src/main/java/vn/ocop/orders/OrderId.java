package vn.ocop.orders;

import java.util.Objects;
import java.util.UUID;

/** Identifies an order. */
public record OrderId(UUID value) {
    public OrderId {
        Objects.requireNonNull(value, "order id");
    }
}
