package vn.ocop.catalog.stock;

/**
 * What shoppers are told is available, as one SQL definition for every query that needs it (cards, the product page,
 * the search document's {@code in_stock}, the PostgreSQL search's filter, carts). Checkout reserves from any
 * location holding the product ({@code Allocation.choose} in orders: the pickup outlet, or for delivery the
 * location with the most available), so every stock row of the product counts; each counts what
 * {@link StockRow#available} says (its lots that may be sold today, not recalled and not past their use-by date, on hand
 * and not reserved; never more than on_hand − reserved, never below zero), so an oversold till cannot hide another
 * location's units. The product is the alias {@code p}.
 */
public final class Availability {

    /** The units available at every location together, an int. */
    public static final String AVAILABLE =
            "(select coalesce(sum(" + StockRow.AVAILABLE + "), 0)::int from stock st where st.product_id = p.id)";

    /**
     * Whether some location has any available: {@code AVAILABLE > 0}, written so the first such row answers. The
     * {@code catalog_stock_changed} trigger re-indexes a product whenever one of its rows starts or stops having
     * some on hand and not reserved; a lot that passes its use-by date or is recalled re-indexes its product too
     * ({@code Lots}).
     */
    public static final String IN_STOCK = "exists (select 1 from stock st where st.product_id = p.id and st.on_hand - st.reserved > 0"
            + " and " + StockRow.AVAILABLE + " > 0)";

    /** The most one location can promise (a cart line is reserved at a single location). */
    public static final String MOST_AT_ONE =
            "greatest(0, coalesce((select max(" + StockRow.AVAILABLE + ") from stock st where st.product_id = p.id), 0))";

    /** Units sold (online COMPLETED lines and till sales), from the counter kept with each sale: the sum of the product's shards. */
    public static final String UNITS_SOLD = "(select coalesce(sum(ps.units_sold), 0)::bigint from product_sales ps where ps.product_id = p.id)";

    private Availability() {
    }
}
