package vn.ocop.catalog.listings;

import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.producers.ProducerSummary;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.stock.ProductStock;
import java.util.List;

/** A sellable product's page: what it is, who makes it, the ranking that puts it on sale, its images, its stock and units sold, its shoppers' rating. */
public record ProductDetails(
        ProductId id,
        String name,
        String description,
        OcopGroup group,
        Vnd price,
        String salesUnit,
        boolean demoPrice,
        String verificationCode,
        ProducerSummary producer,
        Ranking ranking,
        List<String> imageFiles,
        ProductStock stock,
        Rating rating) {
}
