package vn.ocop.catalog.rankings;

import vn.ocop.catalog.Stars;

/** Who granted the ranking: districts may grant 3 stars, provinces 3–4, the national council 5 (QĐ 148/QĐ-TTg). */
public enum RankingLevel {
    DISTRICT, PROVINCIAL, NATIONAL;

    /** Whether a council of this level may grant these stars: 5 only nationally, the nation only 5, a district at most 3. */
    public boolean grants(Stars stars) {
        return switch (this) {
            case NATIONAL -> stars.value() == 5;
            case PROVINCIAL -> stars.value() < 5;
            case DISTRICT -> stars.value() <= 3;
        };
    }
}
