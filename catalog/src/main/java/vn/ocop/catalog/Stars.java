package vn.ocop.catalog;

/** An OCOP star ranking, 1 to 5; only 3 to 5 stars put a product on sale. */
public record Stars(int value) {

    public Stars {
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException("stars must be 1 to 5: " + value);
        }
    }

    public boolean ranksForSale() {
        return value >= 3;
    }

    /**
     * The stars a score earns on the 100-point scale: Decision 148/QĐ-TTg (2023) gives 50–69 → 3★, 70–89 → 4★,
     * 90–100 → 5★; below 50 the 2019 scale still names 2★ (30–49) and 1★ (0–29), which put nothing on sale.
     */
    public static Stars forScore(int score) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0 to 100: " + score);
        }
        int stars = score >= 90 ? 5 : score >= 70 ? 4 : score >= 50 ? 3 : score >= 30 ? 2 : 1;
        return new Stars(stars);
    }
}
