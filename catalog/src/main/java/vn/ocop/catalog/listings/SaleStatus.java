package vn.ocop.catalog.listings;

import vn.ocop.catalog.rankings.Ranking;
import java.time.LocalDate;

/**
 * Whether a product is on sale today, the ranking that puts it there, or why it is not.
 *
 * @param ranking the ranking shown to shoppers (on sale), or the one that explains the refusal, or null
 * @param reason  null when on sale
 */
public record SaleStatus(boolean onSale, Ranking ranking, Reason reason) {

    /** Why a product is not on sale, most telling first. */
    public enum Kind {
        DRAFT, ARCHIVED, PRODUCER_SUSPENDED, NO_RANKING, TOO_FEW_STARS, NOT_YET_VALID, EXPIRED, REVOKED
    }

    /** @param date the day that matters (expired on, revoked on, valid from), or null */
    public record Reason(Kind kind, LocalDate date, String detail) {

        /** In plain English, as the API says it: "certificate expired on 2025-08-14". */
        public String describe() {
            return switch (kind) {
                case DRAFT -> "the listing is a draft: publish it";
                case ARCHIVED -> "the listing is archived";
                case PRODUCER_SUSPENDED -> "the producer is suspended";
                case NO_RANKING -> "no OCOP ranking is recorded";
                case TOO_FEW_STARS -> "ranked " + detail + " stars; 3 are needed";
                case NOT_YET_VALID -> "the ranking is valid from " + date;
                case EXPIRED -> "certificate expired on " + date;
                case REVOKED -> "ranking revoked on " + date + ": " + detail;
            };
        }
    }

    static SaleStatus onSale(Ranking ranking) {
        return new SaleStatus(true, ranking, null);
    }

    static SaleStatus notOnSale(Ranking ranking, Kind kind, LocalDate date, String detail) {
        return new SaleStatus(false, ranking, new Reason(kind, date, detail));
    }
}
