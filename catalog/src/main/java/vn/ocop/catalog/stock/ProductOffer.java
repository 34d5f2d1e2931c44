package vn.ocop.catalog.stock;

import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/**
 * What a cart needs to know of a product now: its name and price, whether it may be sold today, the most
 * that one location can still promise (a cart line is fulfilled from a single location), and the shipping
 * weight of one sales unit with its packaging, in grams (parcels are charged by weight), and the units available at
 * every location together, which decide what shoppers are told ({@link StockState}).
 */
public record ProductOffer(ProductId product, String name, ProducerId producer, Vnd price, boolean sellable, int mostAvailable,
                           int shippingWeightGrams, int available) {

    /** "Hết hàng", "Còn ít" or in stock, by the catalog's one definition. */
    public StockState stock() {
        return StockState.of(available);
    }
}
