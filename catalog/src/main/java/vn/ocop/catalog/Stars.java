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
}
