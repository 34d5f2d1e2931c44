package vn.ocop.catalog.stock;

/** A stock row's columns as SQL, with the row as the alias {@code st}. */
final class StockRow {

    /**
     * What the row's location can promise of its product today: {@code stock_available}, the lots that may be sold
     * (not recalled, use-by not passed in Asia/Ho_Chi_Minh) on hand and not reserved, never more than on_hand − reserved.
     */
    static final String AVAILABLE = "stock_available(st.location_id, st.product_id, st.on_hand, st.reserved)";

    private StockRow() {
    }
}
