package vn.ocop.catalog.stock;

/** A stock row's columns as SQL. */
public final class StockRow {

    /**
     * What the stock row {@code row} (a table alias) can promise of its product today: the lots that may be sold (not
     * recalled, use-by not passed in Asia/Ho_Chi_Minh) on hand and not reserved there, never more than on_hand − reserved,
     * never below zero. The one definition, written into each query as a correlated subquery rather than called as a SQL
     * function: PostgreSQL cannot inline a function whose body has a subquery, and set up once per stock row the call
     * cost a search's twenty hits about 0.7 ms of the database's time, three times what the same subquery costs inline.
     */
    public static String available(String row) {
        return """
                greatest(0, least(%1$s.on_hand - %1$s.reserved, coalesce((
                    select sum(greatest(0, avail_sl.on_hand - avail_sl.reserved))
                    from stock_lot avail_sl join lot avail_lot on avail_lot.id = avail_sl.lot_id
                    where avail_sl.location_id = %1$s.location_id and avail_sl.product_id = %1$s.product_id
                      and lot_usable(avail_lot.recalled_at, avail_lot.use_by, catalog_today())), 0)))""".formatted(row);
    }

    /** {@link #available} of the stock row aliased {@code st}. */
    static final String AVAILABLE = available("st");

    private StockRow() {
    }
}
