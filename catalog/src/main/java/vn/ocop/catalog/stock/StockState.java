package vn.ocop.catalog.stock;

/**
 * What a shopper is told of a product's stock: out of stock when no location checkout can reserve from has any
 * available ({@link StockLevel#available()}), "few left" under {@link #LOW_BELOW} available in all, else in stock.
 */
public enum StockState {
    OUT_OF_STOCK, LOW, IN_STOCK;

    /** Fewer than this many available in all, and the page says how many are left. */
    public static final int LOW_BELOW = 5;

    /** @param available the units available at every location checkout can reserve from, together */
    public static StockState of(int available) {
        return available <= 0 ? OUT_OF_STOCK : available < LOW_BELOW ? LOW : IN_STOCK;
    }
}
