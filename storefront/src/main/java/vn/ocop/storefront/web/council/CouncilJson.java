package vn.ocop.storefront.web.council;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.ocop.catalog.councils.CouncilProduct;
import vn.ocop.catalog.councils.ExpiringRanking;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.rankings.RankingLevel;
import vn.ocop.catalog.listings.SaleStatus;

/** What the council API answers. */
final class CouncilJson {

    private CouncilJson() {
    }

    /**
     * @param issuedOnPrecision DAY, or MONTH / YEAR when the published decision gives only that much
     * @param revokedAt         null unless revoked
     */
    record RankingJson(UUID id, int stars, Integer score, RankingLevel level, String decisionNo, String issuingBody,
                       String decisionProvince, LocalDate issuedOn, String issuedOnPrecision, boolean issuedOnDemo,
                       LocalDate validUntil, OffsetDateTime revokedAt, String revocationReason) {

        static RankingJson of(Ranking r) {
            return new RankingJson(r.id().value(), r.stars().value(), r.score(), r.level(), r.decisionNo(), r.issuingBody(),
                    r.decisionProvince(), r.issuedOn(), r.issuedOnPrecision(), r.issuedOnDemo(), r.validUntil(),
                    r.revokedAt(), r.revocationReason());
        }
    }

    /** @param daysLeft days from today to validUntil; 0 means today is the last day */
    record ExpiringJson(UUID certificationId, UUID productId, String product, UUID producerId, String producer, int stars,
                        String decisionNo, String issuingBody, LocalDate validUntil, int daysLeft) {

        static ExpiringJson of(ExpiringRanking r) {
            return new ExpiringJson(r.certification().value(), r.productId().value(), r.productName(), r.producerId().value(),
                    r.producerName(), r.stars().value(), r.decisionNo(), r.issuingBody(), r.validUntil(), r.daysLeft());
        }
    }

    /**
     * @param notOnSale null when on sale, else why not: DRAFT, ARCHIVED, PRODUCER_SUSPENDED, NO_RANKING, TOO_FEW_STARS,
     *                  NOT_YET_VALID, EXPIRED or REVOKED, with a sentence
     * @param ranking   the ranking that puts it on sale, or the one that explains why not; null when none
     */
    record CouncilProductJson(UUID id, String name, String producer, String province, String formerProvince,
                              ProductStatus status, String verificationCode, boolean onSale, NotOnSale notOnSale,
                              RankingJson ranking) {

        static CouncilProductJson of(CouncilProduct p) {
            SaleStatus sale = p.sale();
            return new CouncilProductJson(p.id().value(), p.name(), p.producerName(), p.province(), p.formerProvince(),
                    p.status(), p.verificationCode(), sale.onSale(),
                    sale.onSale() ? null : new NotOnSale(sale.reason().kind(), sale.reason().describe()),
                    sale.ranking() == null ? null : RankingJson.of(sale.ranking()));
        }
    }

    record NotOnSale(SaleStatus.Kind kind, String reason) {
    }
}
