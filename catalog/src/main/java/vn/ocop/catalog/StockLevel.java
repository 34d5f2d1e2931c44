package vn.ocop.catalog;

/** A product's stock at one location, with what a till must know of it: its price and whether it is on sale today. */
public record StockLevel(LocationId location, ProductId product, String productName, ProducerId producer, Vnd price,
                         boolean sellable, int onHand, int reserved) {

    /** The one definition of what can still be promised: on hand and not reserved. */
    public int available() {
        return Math.max(0, onHand - reserved);
    }
}
