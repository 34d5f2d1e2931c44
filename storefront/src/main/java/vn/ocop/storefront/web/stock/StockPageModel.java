package vn.ocop.storefront.web.stock;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.lots.LotStock;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockLevel;

/** Small things the stock templates compute from the stock levels and lots. */
public final class StockPageModel {

    private StockPageModel() {
    }

    /** Product id → name of the products in these levels, for a form's product list. */
    public static Map<UUID, String> products(List<StockLevel> levels) {
        Map<UUID, String> products = new LinkedHashMap<>();
        levels.forEach(l -> products.putIfAbsent(l.product().value(), l.productName()));
        return products;
    }

    /**
     * One lot's line on a stock page: its state on {@code today} is ON_SALE (còn hạn), EXPIRING (within 30 days of its
     * use-by), EXPIRED or RECALLED.
     */
    public record LotLine(UUID lotId, String code, String productName, String locationName, LocalDate producedOn, LocalDate useBy,
                          int onHand, int reserved, String state) {

        static LotLine of(LotStock s, LocalDate today) {
            String state = s.expiringOn(today) ? "EXPIRING" : s.status().name();
            return new LotLine(s.lot().id().value(), s.lot().code(), s.lot().productName(), s.locationName(), s.lot().producedOn(),
                    s.lot().useBy(), s.onHand(), s.reserved(), state);
        }
    }

    /** The lots of each stock row, under the key {@link #key(StockLevel)}: a page shows them under their product's row. */
    public static Map<String, List<LotLine>> lotsByRow(List<LotStock> lots, LocalDate today) {
        Map<String, List<LotLine>> rows = new LinkedHashMap<>();
        lots.forEach(s -> rows.computeIfAbsent(key(s.location(), s.lot().product()), k -> new java.util.ArrayList<>()).add(LotLine.of(s, today)));
        return rows;
    }

    public static List<LotLine> lines(List<LotStock> lots, LocalDate today) {
        return lots.stream().map(s -> LotLine.of(s, today)).toList();
    }

    /** The key of a stock row's lots. */
    public static String key(StockLevel level) {
        return key(level.location(), level.product());
    }

    private static String key(LocationId location, ProductId product) {
        return location.value() + "/" + product.value();
    }
}
