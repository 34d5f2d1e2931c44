package vn.ocop.orders;

import vn.ocop.catalog.LocationId;

/**
 * Where the order goes: a delivery address (province and commune by their official codes, and the street)
 * or pickup at an outlet. Exactly one of the two.
 */
public record Destination(String provinceCode, String communeCode, String street, LocationId pickupAt) {

    public static Destination delivery(String provinceCode, String communeCode, String street) {
        return new Destination(provinceCode, communeCode, street, null);
    }

    public static Destination pickup(LocationId location) {
        return new Destination(null, null, null, location);
    }

    public boolean isPickup() {
        return pickupAt != null;
    }
}
