package vn.ocop.catalog.rankings;

import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Stars;
import java.time.LocalDate;
import vn.ocop.catalog.rankings.InvalidRanking.Rule;

/**
 * A council's decision to rank a product, checked as it is made (any broken rule is an {@link InvalidRanking}).
 * The stars follow from the score ({@link Stars#forScore}) when only the score is given, and must agree with
 * it when both are; the level must be able to grant them ({@link RankingLevel#grants}), and a DISTRICT decision
 * was issued before {@link #DISTRICTS_ENDED}. A ranking lasts
 * 36 months unless the decision says otherwise, never more than five years.
 *
 * @param score            on the 100-point scale; null when the decision gives only stars
 * @param stars            given, or derived from the score
 * @param decisionProvince the province as the decision names it; null when not given
 * @param validUntil       the last day the ranking holds; given, or issuedOn + 36 months
 */
public record RankingDecision(
        ProductId productId,
        String decisionNo,
        Integer score,
        Stars stars,
        RankingLevel level,
        String issuingBody,
        String decisionProvince,
        LocalDate issuedOn,
        LocalDate validUntil) {

    public static final int VALIDITY_MONTHS = 36;
    public static final int MAX_VALIDITY_YEARS = 5;
    /** The day district-level government ended (two-level local government, Resolution 202/2025/QH15): no district council ranks since. */
    public static final LocalDate DISTRICTS_ENDED = LocalDate.of(2025, 7, 1);

    public RankingDecision {
        require(productId != null, "productId", "the product is required");
        decisionNo = text(decisionNo, "decisionNo", 1, 60);
        issuingBody = text(issuingBody, "issuingBody", 2, 200);
        decisionProvince = decisionProvince == null || decisionProvince.isBlank() ? null : text(decisionProvince, "decisionProvince", 1, 100);
        require(score == null || (score >= 0 && score <= 100), "score", "the score must be 0 to 100");
        stars = starsOf(score, stars);
        require(level != null, "level", "the level is required");
        if (!level.grants(stars)) {
            throw new InvalidRanking(Rule.LEVEL_CANNOT_GRANT_STARS, "level", levelMessage(level, stars));
        }
        require(issuedOn != null, "issuedOn", "the issue date is required");
        if (level == RankingLevel.DISTRICT && !issuedOn.isBefore(DISTRICTS_ENDED)) {
            throw new InvalidRanking(Rule.DISTRICT_LEVEL_ENDED, "level",
                    "there are no district councils since " + DISTRICTS_ENDED + ": a decision issued on " + issuedOn + " is PROVINCIAL or NATIONAL");
        }
        validUntil = validUntil == null ? issuedOn.plusMonths(VALIDITY_MONTHS) : validUntil;
        checkValidity(issuedOn, validUntil);
    }

    private static Stars starsOf(Integer score, Stars stars) {
        if (score == null && stars == null) {
            throw new InvalidRanking(Rule.SCORE_OR_STARS_REQUIRED, "score", "give the score, the stars or both");
        }
        if (score == null) {
            return stars;
        }
        Stars earned = Stars.forScore(score);
        if (stars != null && !stars.equals(earned)) {
            throw new InvalidRanking(Rule.SCORE_CONTRADICTS_STARS, "stars",
                    "a score of " + score + " earns " + earned.value() + " stars, not " + stars.value());
        }
        return earned;
    }

    private static String levelMessage(RankingLevel level, Stars stars) {
        return switch (level) {
            case NATIONAL -> "the NATIONAL level grants only 5 stars, not " + stars.value();
            case PROVINCIAL -> "5 stars are granted only at the NATIONAL level";
            case DISTRICT -> stars.value() == 5 ? "5 stars are granted only at the NATIONAL level"
                    : "a DISTRICT council grants at most 3 stars, not " + stars.value();
        };
    }

    private static void checkValidity(LocalDate issuedOn, LocalDate validUntil) {
        if (!validUntil.isAfter(issuedOn)) {
            throw new InvalidRanking(Rule.VALIDITY_ENDS_BEFORE_ISSUE, "validUntil", "validUntil must be after issuedOn " + issuedOn);
        }
        if (validUntil.isAfter(issuedOn.plusYears(MAX_VALIDITY_YEARS))) {
            throw new InvalidRanking(Rule.VALIDITY_TOO_LONG, "validUntil",
                    "a ranking lasts at most " + MAX_VALIDITY_YEARS + " years: validUntil must be on or before " + issuedOn.plusYears(MAX_VALIDITY_YEARS));
        }
    }

    private static String text(String value, String field, int min, int max) {
        String trimmed = value == null ? "" : value.strip();
        require(trimmed.length() >= min && trimmed.length() <= max, field,
                field + " must be " + min + " to " + max + " characters");
        return trimmed;
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidRanking(Rule.FIELD_LIMIT, field, message);
        }
    }
}
