package vn.ocop.catalog.listings;

import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.Vnd;
import java.util.Objects;

/**
 * What a producer writes about a listing, checked here so no listing can hold less: name 2–200 characters,
 * description at most 5,000 (blank means none), an OCOP group, a price of 1 đồng to 1 billion đồng, a
 * sales unit of 1–60 characters ("hộp 500g") and the shipping weight of one sales unit with its packaging,
 * 1 to 50,000 grams (parcels are charged by weight). The same limits stand in the product table.
 */
public record ListingDetails(String name, String description, OcopGroup group, Vnd price, String salesUnit,
                             int shippingWeightGrams) {

    public static final int NAME_MIN = 2;
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 5000;
    public static final long PRICE_MIN = 1;
    public static final long PRICE_MAX = 1_000_000_000L;
    public static final int UNIT_MAX = 60;
    public static final int WEIGHT_MIN = 1;
    public static final int WEIGHT_MAX = 50_000;

    public ListingDetails {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(price, "price");
        require(name != null && !name.isBlank() && name.length() >= NAME_MIN && name.length() <= NAME_MAX,
                "name must be " + NAME_MIN + " to " + NAME_MAX + " characters");
        description = description == null || description.isBlank() ? null : description;
        require(description == null || description.length() <= DESCRIPTION_MAX,
                "description must be at most " + DESCRIPTION_MAX + " characters");
        require(price.dong() >= PRICE_MIN && price.dong() <= PRICE_MAX, "price must be 1 to 1,000,000,000 đồng");
        require(salesUnit != null && !salesUnit.isBlank() && salesUnit.length() <= UNIT_MAX,
                "sales unit must be 1 to " + UNIT_MAX + " characters");
        require(shippingWeightGrams >= WEIGHT_MIN && shippingWeightGrams <= WEIGHT_MAX,
                "shipping weight must be 1 to 50,000 grams: " + shippingWeightGrams);
    }

    private static void require(boolean rule, String message) {
        if (!rule) {
            throw new IllegalArgumentException(message);
        }
    }
}
