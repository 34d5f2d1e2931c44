package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.Vnd;

/**
 * Money given back for part (or all) of what one parcel's sale of one OCOP group took: {@code goods} of its goods and
 * {@code shipping} of its shipping fee. {@code source} names the refund once and for all (a complaint's id, a Stripe
 * refund's id), so recording it again adds nothing.
 */
public record PartRefund(OrderId order, UUID fulfilment, OcopGroup group, Vnd goods, Vnd shipping, String source, OffsetDateTime at) {

    public PartRefund {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(fulfilment, "fulfilment");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(goods, "goods");
        Objects.requireNonNull(shipping, "shipping");
        Objects.requireNonNull(at, "at");
        if (source == null || source.isBlank() || source.length() > 150) {
            throw new IllegalArgumentException("a refund names its source (1 to 150 characters)");
        }
        if (goods.plus(shipping).dong() == 0) {
            throw new IllegalArgumentException("a refund gives something back");
        }
    }

    public Vnd amount() {
        return goods.plus(shipping);
    }
}
