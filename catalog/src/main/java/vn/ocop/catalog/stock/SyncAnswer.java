package vn.ocop.catalog.stock;

import vn.ocop.catalog.LocationId;
import java.util.List;

/**
 * What the server answers a till: per movement what became of it, the location's stock as of now, what is
 * set aside there for pickups, the stocked products whose price or sale status changed since the till's
 * version, the lots of products stocked there recalled since that version (a first sync: every one), and the version
 * to send next time; and, for the server's money ledger (not the till), the sales this batch applied, priced as the
 * statement that applied them wrote them.
 */
public record SyncAnswer(LocationId location, String version, List<MovementResult> results, List<StockLevel> stock,
                         List<Pickup> pickups, List<StockLevel> changes, List<RecalledLot> recalledLots, List<TillSale> sales) {
}
