package vn.ocop.orders;

import vn.ocop.catalog.ProductId;

/**
 * A product no location can supply at all ("Hết hàng", {@link vn.ocop.catalog.stock.StockState#OUT_OF_STOCK}): refused
 * with {@link OrdersErrorCode#NOT_ENOUGH_STOCK} like any shortfall, told apart so pages can say it plainly.
 */
public class OutOfStock extends OrdersException {

    public OutOfStock(ProductId product) {
        super(OrdersErrorCode.NOT_ENOUGH_STOCK, "product " + product.value() + " is out of stock: no location can supply it now");
    }
}
