package vn.ocop.catalog;

import java.util.List;

/**
 * A listing as its own producer sees it: what it says, its state and version, every ranking it holds,
 * whether it is on sale today and why not, and its images (file names).
 */
public record Listing(
        ProductId id,
        String name,
        String description,
        OcopGroup group,
        Vnd price,
        String salesUnit,
        boolean demoPrice,
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
