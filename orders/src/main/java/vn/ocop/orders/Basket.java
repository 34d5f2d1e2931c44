package vn.ocop.orders;

import java.util.List;
import java.util.UUID;

/**
 * What a shopper means to buy and where it goes, before it is an order: enough to say where each line would
 * come from, in how many parcels, and what shipping costs. {@code account} is null for an anonymous cart (it
 * holds no flash-price units).
 */
public record Basket(UUID account, List<OrderRequest.Line> lines, Destination destination) {

    public Basket {
        lines = List.copyOf(lines);
    }
}
