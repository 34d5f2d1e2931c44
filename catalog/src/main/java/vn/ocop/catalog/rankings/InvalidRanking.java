package vn.ocop.catalog.rankings;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;

/**
 * A ranking decision whose facts do not add up (code INVALID_RANKING). The rule and the field it concerns let a
 * form put a message in the user's language next to the right input; the message is for API clients.
 */
public final class InvalidRanking extends CatalogException {

    /** Which rule the decision breaks. */
    public enum Rule {
        /** A field is missing, too short or too long. */
        FIELD_LIMIT,
        /** Neither a score nor stars. */
        SCORE_OR_STARS_REQUIRED,
        /** The stars given are not the ones the score earns. */
        SCORE_CONTRADICTS_STARS,
        /** Five stars are granted only nationally, and the nation grants only five; a district at most three. */
        LEVEL_CANNOT_GRANT_STARS,
        /** The ranking would end on or before the day it is issued. */
        VALIDITY_ENDS_BEFORE_ISSUE,
        /** The ranking would last more than five years. */
        VALIDITY_TOO_LONG,
        /** A DISTRICT decision issued on or after 2025-07-01, when district-level government ended. */
        DISTRICT_LEVEL_ENDED
    }

    private final Rule rule;
    private final String field;

    public InvalidRanking(Rule rule, String field, String message) {
        super(CatalogErrorCode.INVALID_RANKING, message);
        this.rule = rule;
        this.field = field;
    }

    public Rule rule() {
        return rule;
    }

    /** The decision's field in question, as named in {@link RankingDecision}. */
    public String field() {
        return field;
    }
}
