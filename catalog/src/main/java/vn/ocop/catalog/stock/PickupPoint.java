package vn.ocop.catalog.stock;

import vn.ocop.catalog.locations.Location;

/** A location where shoppers may collect a product, and how many units are available there now. */
public record PickupPoint(Location location, int available) {
}
