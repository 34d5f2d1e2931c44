package vn.ocop.catalog.councils;

import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Stars;
import java.time.LocalDate;

/**
 * A ranking that puts a product on sale today and ends soon: what councils re-rank and producers are warned of.
 *
 * @param decisionNo null when the decision's number was never published
 * @param daysLeft   days from today to {@code validUntil}; 0 means today is the last day
 */
public record ExpiringRanking(
        CertificationId certification,
        ProductId productId,
        String productName,
        ProducerId producerId,
        String producerName,
        Stars stars,
        String decisionNo,
        String issuingBody,
        LocalDate validUntil,
        int daysLeft) {
}
