package vn.ocop.catalog.locations;

/** Where stock is kept: only a WAREHOUSE belongs to a producer; the others are outlets that sell many producers' goods. */
public enum LocationKind {
    WAREHOUSE, SHOWROOM, SALES_POINT, HIGHWAY_STOP
}
