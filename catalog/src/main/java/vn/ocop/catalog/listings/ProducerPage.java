package vn.ocop.catalog.listings;

import vn.ocop.catalog.producers.ProducerKind;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.rankings.Ranking;
import java.util.List;

/**
 * An active producer as its public page shows it: who and where it is, its products on sale today, the OCOP rankings
 * that put them on sale (valid today, not revoked), and the rating of all its products' visible reviews together.
 */
public record ProducerPage(ProducerId id, String name, ProducerKind kind, String province, String commune,
                           List<ProductCard> products, List<OnSaleRanking> rankings, Rating rating) {

    public ProducerPage {
        products = List.copyOf(products);
        rankings = List.copyOf(rankings);
    }

    /** A ranking valid today and the product it puts on sale. */
    public record OnSaleRanking(ProductId product, String productName, Ranking ranking) {
    }
}
