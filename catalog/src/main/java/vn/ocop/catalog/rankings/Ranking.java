package vn.ocop.catalog.rankings;

import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.Stars;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One OCOP certification as people see it: the stars, the decision behind them and how long they hold.
 *
 * @param issuedOnPrecision DAY, or MONTH / YEAR when the published source gives only that much
 * @param issuedOnDemo      true when no date was published and the demo data chose one
 */
public record Ranking(
        CertificationId id,
        Stars stars,
        Integer score,
        RankingLevel level,
        String decisionNo,
        String issuingBody,
        String decisionProvince,
        LocalDate issuedOn,
        String issuedOnPrecision,
        boolean issuedOnDemo,
        LocalDate validUntil,
        OffsetDateTime revokedAt,
        String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The day it was revoked in Vietnam (Asia/Ho_Chi_Minh), or null. */
    public LocalDate revokedOn() {
        return revokedAt == null ? null : revokedAt.atZoneSameInstant(CatalogTime.ZONE).toLocalDate();
    }

    /** The rule for one ranking: 3 to 5 stars, not revoked, and {@code day} within its validity. */
    public boolean allowsSaleOn(LocalDate day) {
        return stars.ranksForSale() && !revoked() && !issuedOn.isAfter(day) && !day.isAfter(validUntil);
    }
}
