package vn.ocop.catalog.stock;

/**
 * Where a shopper can collect a product now, as one SQL definition for every query that needs it (the search
 * document's "available at", the PostgreSQL search fallback's filter, a product page's pickup points).
 */
public final class PickupStock {

    /**
     * Rows {@code (product_id, location_id, location_name, available)}: an outlet (not a producer's warehouse) that allows
     * pickup and has some available ({@link StockRow#AVAILABLE}, as in {@code StockLevel.available()}); the
     * {@code catalog_stock_changed} trigger re-indexes a product when exactly this turns true or false, and
     * {@code catalog_location_changed} when a location's pickup flag or name changes.
     */
    public static final String ROWS = """
            select st.product_id, l.id as location_id, l.name as location_name, %1$s as available
            from stock st join location l on l.id = st.location_id
            where l.pickup_allowed and l.kind <> 'WAREHOUSE' and st.on_hand - st.reserved > 0 and %1$s > 0""".formatted(StockRow.AVAILABLE);

    private PickupStock() {
    }
}
