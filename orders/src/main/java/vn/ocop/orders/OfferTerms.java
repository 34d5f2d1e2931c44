package vn.ocop.orders;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/** A flash offer as the host opens it: which product, from which location, at what price, how many in all and per buyer. */
public record OfferTerms(ProductId product, LocationId location, Vnd flashPrice, int cap, int perBuyer) {

    public static final int MAX_CAP = 10_000;

    public OfferTerms {
        if (product == null || location == null || flashPrice == null || flashPrice.dong() <= 0) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "a flash offer names a product, a location and a flash price above 0 đ");
        }
        if (cap < 1 || cap > MAX_CAP || perBuyer < 1 || perBuyer > CartLine.MAX_QUANTITY || perBuyer > cap) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "a cap is 1 to " + MAX_CAP + " units and the limit per buyer 1 to 99, not above the cap");
        }
    }
}
