package vn.ocop.search;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;

/**
 * A shopper's search. {@code q} may be typed with or without diacritics; every other field filters.
 * {@code stars} keeps products whose ranking valid today has exactly that many stars; {@code availableAt}
 * those a shopper can collect at that location now; {@code minPrice} and {@code maxPrice} are inclusive, in whole đồng;
 * {@code inStock} keeps those some location can supply now (not "Hết hàng").
 * A page past the last answers no hits (with the total and facets still counted).
 */
public record SearchRequest(String q, OcopGroup group, String province, Integer stars, Long minPrice, Long maxPrice,
                            LocationId availableAt, boolean inStock, Sort sort, int page, int size) {

    public static final int MAX_SIZE = 100;

    public enum Sort { RELEVANCE, PRICE_ASC, PRICE_DESC, STARS, NEWEST, RATING }

    public SearchRequest {
        q = q == null ? "" : q.trim();
        province = province == null || province.isBlank() ? null : province.trim();
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (page < 0 || page > 10_000 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page 0..10000, size 1.." + MAX_SIZE);
        }
        if (stars != null && (stars < 3 || stars > 5)) {
            throw new IllegalArgumentException("stars 3..5");
        }
        if (minPrice != null && minPrice < 0 || maxPrice != null && maxPrice < 0
                || minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new IllegalArgumentException("prices 0 or more, minPrice not above maxPrice");
        }
    }

    /** Any stock. */
    public SearchRequest(String q, OcopGroup group, String province, Integer stars, Long minPrice, Long maxPrice,
                         LocationId availableAt, Sort sort, int page, int size) {
        this(q, group, province, stars, minPrice, maxPrice, availableAt, false, sort, page, size);
    }

    public static SearchRequest text(String q) {
        return new SearchRequest(q, null, null, null, null, null, null, false, Sort.RELEVANCE, 0, 24);
    }
}
