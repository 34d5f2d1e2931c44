package vn.ocop.search;

/**
 * The price ranges the search counts. {@code id} is safe in a URL and a message key; {@code minPrice} and
 * {@code maxPrice} are the inclusive bounds of a search for that range (VND has no minor unit, so below
 * 200.000 ₫ is at most 199.999 ₫), so a range's count is the number of products its link finds.
 */
public enum PriceRange {

    UNDER_100K("under-100000", null, 100_000L),
    FROM_100K_TO_200K("100000-200000", 100_000L, 200_000L),
    FROM_200K_TO_500K("200000-500000", 200_000L, 500_000L),
    FROM_500K("from-500000", 500_000L, null);

    private final String id;
    private final Long from;
    private final Long below;

    PriceRange(String id, Long from, Long below) {
        this.id = id;
        this.from = from;
        this.below = below;
    }

    public String id() {
        return id;
    }

    /** The lowest price in the range, or null when it has no floor. */
    public Long minPrice() {
        return from;
    }

    /** The highest price in the range, or null when it has no ceiling. */
    public Long maxPrice() {
        return below == null ? null : below - 1;
    }

    /** The exclusive upper bound, as an Elasticsearch range aggregation takes it. */
    public Long below() {
        return below;
    }

    /** Whether a search's price bounds are exactly this range. */
    public boolean isSearchedBy(Long minPrice, Long maxPrice) {
        return java.util.Objects.equals(minPrice, minPrice()) && java.util.Objects.equals(maxPrice, maxPrice());
    }

    public static PriceRange byId(String id) {
        for (PriceRange r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown price range: " + id);
    }
}
