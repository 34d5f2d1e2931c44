package vn.ocop.catalog.changes;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.listings.Rating;
import vn.ocop.catalog.producers.ProducerStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything search needs to index one product, whatever its state: the index keeps every product and
 * each query applies the sale rule itself, so expiry needs no re-index.
 *
 * @param version     the product's latest change id: the external version of its search document
 * @param availableAt the outlets where a shopper can collect it now (pickup allowed, some available), by name
 * @param inStock     whether some location checkout can reserve from has any available ({@link vn.ocop.catalog.stock.StockState} not OUT_OF_STOCK)
 * @param rating      its shoppers' rating (visible reviews only)
 */
public record IndexableProduct(
        ProductId id,
        long version,
        String name,
        String description,
        OcopGroup group,
        Vnd price,
        String salesUnit,
        ProductStatus status,
        OffsetDateTime createdAt,
        String producerName,
        ProducerStatus producerStatus,
        String province,
        String formerProvince,
        List<IndexableRanking> rankings,
        List<PickupLocation> availableAt,
        boolean inStock,
        ProducerId producerId,
        Rating rating) {

    /** One ranking: the decision's province may be a name from before the 2025 merger. */
    public record IndexableRanking(int stars, LocalDate issuedOn, LocalDate validUntil, boolean revoked, String decisionProvince) {
    }

    /** An outlet where the product can be picked up now. */
    public record PickupLocation(LocationId id, String name) {
    }
}
