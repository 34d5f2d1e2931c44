package vn.ocop.catalog.stock;

/**
 * A product's stock and sales as shoppers see them: the units available at every location checkout can reserve
 * from together (on hand − reserved, never below zero at any one), and the units sold (online order lines
 * COMPLETED and till sales).
 */
public record ProductStock(int available, long unitsSold) {

    public static final ProductStock NONE = new ProductStock(0, 0);

    public ProductStock {
        if (available < 0 || unitsSold < 0) {
            throw new IllegalArgumentException("available and units sold are 0 or more");
        }
    }

    public StockState state() {
        return StockState.of(available);
    }

    /** Whether a shopper may put it in a cart: some location can promise at least one. */
    public boolean inStock() {
        return state() != StockState.OUT_OF_STOCK;
    }
}
