package vn.ocop.orders;

import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockState;
import vn.ocop.catalog.Vnd;

/**
 * A cart line as the shopper sees it now: the price read again from the catalog, whether the product is
 * still on sale, and how many one location can still promise. {@code flashQuantity} units of it are held at a
 * live event's flash price ({@code flashTotal} for them all) while the claim lasts; the rest are at list price.
 * {@code stock} is what cards say of the product ("Hết hàng", "Còn ít").
 */
public record CartLine(ProductId product, String name, Vnd unitPrice, int quantity, boolean sellable, int mostAvailable,
                       int flashQuantity, Vnd flashTotal, StockState stock) {

    /** The most of one product a cart line, an order line or a flash claim may hold. */
    public static final int MAX_QUANTITY = 99;

    public Vnd total() {
        return flashTotal.plus(unitPrice.times(quantity - flashQuantity));
    }

    /** A line may be checked out when the product is on sale and one location has the units not held at a flash price. */
    public boolean orderable() {
        return sellable && quantity - flashQuantity <= mostAvailable;
    }
}
