package vn.ocop.orders.checkout;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.StockLevel;

/** Where a line comes from: the pickup outlet when the shopper collects, else the location with the most available. */
final class Allocation {

    private Allocation() {
    }

    static Optional<LocationId> choose(List<StockLevel> levels, LocationId pickupAt, int quantity) {
        return levels.stream()
                .filter(l -> pickupAt == null || l.location().equals(pickupAt))
                .filter(l -> l.available() >= quantity)
                .max(Comparator.comparingInt(StockLevel::available))
                .map(StockLevel::location);
    }
}
