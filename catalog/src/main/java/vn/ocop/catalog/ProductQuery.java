package vn.ocop.catalog;

/**
 * What a shopper browses by. {@code province} matches the current province or the name it had before the
 * 2025 merger (so "Bắc Kạn" and "Thái Nguyên" both find Bắc Kạn's specialties); {@code availableAt} keeps the
 * products a shopper can collect at that location now; {@code stars} the products with exactly that many stars
 * today; {@code minPrice} and {@code maxPrice} (đồng, inclusive) the price; null means any.
 */
public record ProductQuery(OcopGroup group, String province, LocationId availableAt, Integer stars, Long minPrice, Long maxPrice,
                           int offset, int limit) {

    public static final int MAX_LIMIT = 100;

    public ProductQuery {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
        province = province == null || province.isBlank() ? null : province.trim();
    }

    /** Browsing by group, province and pickup location only. */
    public ProductQuery(OcopGroup group, String province, LocationId availableAt, int offset, int limit) {
        this(group, province, availableAt, null, null, null, offset, limit);
    }

    /** Whether any filter narrows what is on sale (paging aside). */
    public boolean filtered() {
        return group != null || province != null || availableAt != null || stars != null || minPrice != null || maxPrice != null;
    }

    public static ProductQuery page(int offset, int limit) {
        return new ProductQuery(null, null, null, null, null, null, offset, limit);
    }
}
