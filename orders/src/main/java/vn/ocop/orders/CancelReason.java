package vn.ocop.orders;

/** Why an order was cancelled: the shopper's reasons to choose from, and the system's own. Pages word each one. */
public enum CancelReason {
    CHANGED_MIND, ORDERED_BY_MISTAKE, BETTER_PRICE_ELSEWHERE, OTHER,
    /** A card order not paid within 30 minutes. */
    NOT_PAID_IN_TIME,
    /** A pickup not collected by its deadline. */
    NOT_COLLECTED,
    /** A lot set aside for it was recalled and no other lot of the product could take its place. */
    RECALLED;

    /** What a shopper may give; the others are the system's. */
    public boolean shoppers() {
        return this != NOT_PAID_IN_TIME && this != NOT_COLLECTED && this != RECALLED;
    }

    /** Reads a stored reason (null: none); orders cancelled before reasons had codes kept words, read as OTHER. */
    public static CancelReason read(String stored) {
        if (stored == null) {
            return null;
        }
        for (CancelReason r : values()) {
            if (r.name().equals(stored)) {
                return r;
            }
        }
        return OTHER;
    }
}
