package vn.ocop.catalog.listings;

import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.rankings.Ranking;
import java.util.List;

/**
 * A listing as its own producer sees it: what it says, its state and version, every ranking it holds,
 * whether it is on sale today and why not, and its images (file names). {@code demoPrice} and {@code demoWeight}
 * mark demo data's invented price and unit, and its weight estimated from the unit, until the producer saves it.
 */
public record Listing(
        ProductId id,
        String name,
        String description,
        OcopGroup group,
        Vnd price,
        String salesUnit,
        boolean demoPrice,
        int shippingWeightGrams,
        boolean demoWeight,
        ProductStatus status,
        String verificationCode,
        long version,
        List<Ranking> rankings,
        SaleStatus sale,
        List<String> imageFiles) {

    public Listing {
        rankings = List.copyOf(rankings);
        imageFiles = List.copyOf(imageFiles);
    }

    /** The ranking that puts it on sale, or the one that explains why it is not; null when it has none. */
    public Ranking shownRanking() {
        return sale.ranking();
    }
}
