package vn.ocop.orders;

import java.util.Objects;
import java.util.UUID;

/** A complaint's id. */
public record ComplaintId(UUID value) {

    public ComplaintId {
        Objects.requireNonNull(value, "complaint id");
    }

    public static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID());
    }

    /** The key its card refund is asked of Stripe under: the same complaint is refunded once. */
    public String refundKey() {
        return "complaint:" + value;
    }
}
