package vn.ocop.catalog;

/**
 * What a cart needs to know of a product now: its name and price, whether it may be sold today, the most
 * that one location can still promise (a cart line is fulfilled from a single location), and the shipping
 * weight of one sales unit with its packaging, in grams (parcels are charged by weight).
 */
public record ProductOffer(ProductId product, String name, ProducerId producer, Vnd price, boolean sellable, int mostAvailable,
                           int shippingWeightGrams) {
}
