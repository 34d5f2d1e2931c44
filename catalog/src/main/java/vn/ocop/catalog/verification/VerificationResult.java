package vn.ocop.catalog.verification;

import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.listings.SaleStatus;
import java.time.LocalDate;

/**
 * What a label's code proves to anyone who scans it: the product, who makes it and where, and the state of its
 * OCOP ranking today, whatever the listing's own status.
 *
 * @param code             the product's verification code as issued
 * @param status           VALID, EXPIRED, REVOKED, NOT_YET_VALID or NONE
 * @param statusDate       valid until (VALID), expired on (EXPIRED, the last valid day), revoked on (REVOKED), valid
 *                         from (NOT_YET_VALID); null for NONE
 * @param revocationReason the council's reason when REVOKED, else null
 * @param ranking          the ranking the status speaks of (chosen as {@link vn.ocop.catalog.listings.SellablePolicy} does); null when none
 */
public record VerificationResult(
        String code,
        String productName,
        String producerName,
        String province,
        String formerProvince,
        Status status,
        LocalDate statusDate,
        String revocationReason,
        Ranking ranking) {

    /** The state of the ranking on the day of the scan. */
    public enum Status {
        VALID, EXPIRED, REVOKED, NOT_YET_VALID, NONE
    }

    static Status status(SaleStatus sale) {
        if (sale.onSale()) {
            return Status.VALID;
        }
        return switch (sale.reason().kind()) {
            case EXPIRED -> Status.EXPIRED;
            case REVOKED -> Status.REVOKED;
            case NOT_YET_VALID -> Status.NOT_YET_VALID;
            // only 1 or 2 stars (or nothing) is no OCOP certificate a shopper can rely on
            case NO_RANKING, TOO_FEW_STARS, DRAFT, ARCHIVED, PRODUCER_SUSPENDED -> Status.NONE;
        };
    }

    static LocalDate statusDate(SaleStatus sale) {
        return sale.onSale() ? sale.ranking().validUntil() : sale.reason().date();
    }
}
