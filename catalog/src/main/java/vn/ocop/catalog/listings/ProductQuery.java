package vn.ocop.catalog.listings;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;

/**
 * What a shopper browses by. {@code province} matches the current province or the name it had before the
 * 2025 merger (so "Bắc Kạn" and "Thái Nguyên" both find Bắc Kạn's specialties); {@code availableAt} keeps the
 * products a shopper can collect at that location now; {@code stars} the products with exactly that many stars
 * today; {@code minPrice} and {@code maxPrice} (đồng, inclusive) the price; null means any. {@code inStock} keeps the
 * products some location can supply now ({@link vn.ocop.catalog.stock.StockState}: not OUT_OF_STOCK).
 */
public record ProductQuery(OcopGroup group, String province, LocationId availableAt, Integer stars, Long minPrice, Long maxPrice,
                           boolean inStock, int offset, int limit) {

    public static final int MAX_LIMIT = 100;

    public ProductQuery {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
        province = province == null || province.isBlank() ? null : province.trim();
    }

    /** Any stock. */
    public ProductQuery(OcopGroup group, String province, LocationId availableAt, Integer stars, Long minPrice, Long maxPrice,
                        int offset, int limit) {
        this(group, province, availableAt, stars, minPrice, maxPrice, false, offset, limit);
    }

    /** Browsing by group, province and pickup location only. */
    public ProductQuery(OcopGroup group, String province, LocationId availableAt, int offset, int limit) {
        this(group, province, availableAt, null, null, null, false, offset, limit);
    }

    /** Whether any filter narrows what is on sale (paging aside). */
    public boolean filtered() {
        return group != null || province != null || availableAt != null || stars != null || minPrice != null || maxPrice != null || inStock;
    }

    public static ProductQuery page(int offset, int limit) {
        return new ProductQuery(null, null, null, null, null, null, false, offset, limit);
    }
}
