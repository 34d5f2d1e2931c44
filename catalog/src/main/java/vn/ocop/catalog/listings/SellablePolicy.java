package vn.ocop.catalog.listings;

import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.producers.ProducerStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SELLABLE, the Java form (the SQL form is {@code sellable_ranking(today)}; a property test holds them equal):
 * "A product is on sale only while its OCOP star ranking is valid." It is on sale on {@code today} (the
 * calendar date in Asia/Ho_Chi_Minh) when the product is ACTIVE, its producer is ACTIVE, and some ranking
 * has 3 to 5 stars, is not revoked and covers that day. The ranking shown is the one with most stars,
 * then the longest validity. When it is not on sale, the reason names the most telling fact.
 */
public final class SellablePolicy {

    static final ZoneId ZONE = CatalogTime.ZONE;

    /** The order of preference among valid rankings; the SQL form orders the same way. */
    static final Comparator<Ranking> PREFERRED = Comparator.comparingInt((Ranking r) -> r.stars().value())
            .thenComparing(Ranking::validUntil)
            .reversed()
            .thenComparing(r -> r.id().value().toString()); // PostgreSQL orders uuids as unsigned bytes, like their hex text

    private SellablePolicy() {
    }

    public static SaleStatus evaluate(ProductStatus product, ProducerStatus producer, List<Ranking> rankings, LocalDate today) {
        Optional<Ranking> valid = rankings.stream().filter(r -> r.allowsSaleOn(today)).min(PREFERRED);
        if (product == ProductStatus.DRAFT) {
            return SaleStatus.notOnSale(valid.orElse(null), SaleStatus.Kind.DRAFT, null, null);
        }
        if (product == ProductStatus.ARCHIVED) {
            return SaleStatus.notOnSale(valid.orElse(null), SaleStatus.Kind.ARCHIVED, null, null);
        }
        if (producer == ProducerStatus.SUSPENDED) {
            return SaleStatus.notOnSale(valid.orElse(null), SaleStatus.Kind.PRODUCER_SUSPENDED, null, null);
        }
        return valid.map(SaleStatus::onSale).orElseGet(() -> whyNoValidRanking(rankings, today));
    }

    /**
     * The ranking side of the rule alone, as if the listing and its producer were active: whether the product's
     * rankings would put it on sale today, with the ranking that does or the one that best explains why not.
     * This is what a label's verification page tells shoppers.
     */
    public static SaleStatus rankingStatus(List<Ranking> rankings, LocalDate today) {
        return evaluate(ProductStatus.ACTIVE, ProducerStatus.ACTIVE, rankings, today);
    }

    public static boolean isSellable(ProductStatus product, ProducerStatus producer, List<Ranking> rankings, LocalDate today) {
        return evaluate(product, producer, rankings, today).onSale();
    }

    /** Explains with the ranking of 3+ stars that lasts longest; else the best of the lower ones. */
    private static SaleStatus whyNoValidRanking(List<Ranking> rankings, LocalDate today) {
        Optional<Ranking> latest = rankings.stream().filter(r -> r.stars().ranksForSale())
                .max(Comparator.comparing(Ranking::validUntil));
        if (latest.isEmpty()) {
            return rankings.stream().max(Comparator.comparingInt(r -> r.stars().value()))
                    .map(r -> SaleStatus.notOnSale(r, SaleStatus.Kind.TOO_FEW_STARS, null, Integer.toString(r.stars().value())))
                    .orElseGet(() -> SaleStatus.notOnSale(null, SaleStatus.Kind.NO_RANKING, null, null));
        }
        Ranking r = latest.get();
        if (r.revoked()) {
            return SaleStatus.notOnSale(r, SaleStatus.Kind.REVOKED, r.revokedAt().atZoneSameInstant(ZONE).toLocalDate(), r.revocationReason());
        }
        if (r.issuedOn().isAfter(today)) {
            return SaleStatus.notOnSale(r, SaleStatus.Kind.NOT_YET_VALID, r.issuedOn(), null);
        }
        return SaleStatus.notOnSale(r, SaleStatus.Kind.EXPIRED, r.validUntil(), null);
    }
}
