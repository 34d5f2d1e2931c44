package vn.ocop.catalog.stock;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/**
 * A product's stock at one location, with what a till must know of it: its price and whether it is on sale today.
 * {@code available} is what can still be promised ({@link StockRow#available}): the lots that may be sold today (not
 * recalled, not past their use-by date) on hand and not reserved, never more than on hand − reserved, never below zero.
 */
public record StockLevel(LocationId location, ProductId product, String productName, ProducerId producer, Vnd price,
                         boolean sellable, int onHand, int reserved, int available) {
}
