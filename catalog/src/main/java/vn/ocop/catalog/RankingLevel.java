package vn.ocop.catalog;

/** Who granted the ranking: districts may grant 3 stars, provinces 3–4, the national council 5 (QĐ 148/QĐ-TTg). */
public enum RankingLevel {
    DISTRICT, PROVINCIAL, NATIONAL
}
