package vn.ocop.storefront.web.stock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.catalog.StockLevel;

/** Small things the stock templates compute from the stock levels. */
public final class StockPageModel {

    private StockPageModel() {
    }

    /** Product id → name of the products in these levels, for a form's product list. */
    public static Map<UUID, String> products(List<StockLevel> levels) {
        Map<UUID, String> products = new LinkedHashMap<>();
        levels.forEach(l -> products.putIfAbsent(l.product().value(), l.productName()));
        return products;
    }
}
