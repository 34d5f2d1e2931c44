package vn.ocop.catalog.listings;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Shoppers' rating of a product (or of a producer's products together): the sum of the stars of its visible reviews
 * and how many there are. The average is shown to one decimal (half up); none when there is no review.
 */
public record Rating(long starsTotal, int count) {

    public static final Rating NONE = new Rating(0, 0);

    public Rating {
        if (count < 0 || starsTotal < count || starsTotal > 5L * count) {
            throw new IllegalArgumentException("a rating of " + count + " reviews cannot total " + starsTotal + " stars");
        }
    }

    public boolean rated() {
        return count > 0;
    }

    /** The average to one decimal (4.5), or null when there is no review. */
    public BigDecimal average() {
        return count == 0 ? null : BigDecimal.valueOf(starsTotal).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    /** The average to one decimal as a number to sort by: 0 when there is no review. */
    public double sortValue() {
        return count == 0 ? 0 : average().doubleValue();
    }
}
