package vn.ocop.orders;

import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/**
 * A cart line as the shopper sees it now: the price read again from the catalog, whether the product is
 * still on sale, and how many one location can still promise.
 */
public record CartLine(ProductId product, String name, Vnd unitPrice, int quantity, boolean sellable, int mostAvailable) {

    public Vnd total() {
        return unitPrice.times(quantity);
    }

    /** A line may be checked out when the product is on sale and one location has that many. */
    public boolean orderable() {
        return sellable && quantity <= mostAvailable;
    }
}
