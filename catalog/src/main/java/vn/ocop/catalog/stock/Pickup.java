package vn.ocop.catalog.stock;

import vn.ocop.catalog.ProductId;

/** Units set aside at a location for a reference (an order or a live offer) and not yet handed over or released. */
public record Pickup(String reference, ProductId product, String productName, int quantity) {
}
