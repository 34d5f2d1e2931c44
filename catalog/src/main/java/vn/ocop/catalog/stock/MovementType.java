package vn.ocop.catalog.stock;

/**
 * The kinds of stock movement (DESIGN.md §2) and what each does to a stock row: {@code onHand} and
 * {@code reserved} deltas for a recorded quantity {@code q} (a COUNT's q is counted − expected).
 */
public enum MovementType {
    RECEIPT(1, 0),
    SALE(-1, 0),
    COUNT(1, 0),
    TRANSFER_OUT(-1, 0),
    TRANSFER_IN(1, 0),
    RESERVE(0, 1),
    RELEASE(0, -1),
    FULFIL(-1, -1);

    private final int onHandSign;
    private final int reservedSign;

    MovementType(int onHandSign, int reservedSign) {
        this.onHandSign = onHandSign;
        this.reservedSign = reservedSign;
    }

    public int onHandDelta(int quantity) {
        return onHandSign * quantity;
    }

    public int reservedDelta(int quantity) {
        return reservedSign * quantity;
    }

    /** What a till may send: goods sold over the counter, goods received, shelves counted. */
    public boolean recordedAtTill() {
        return this == SALE || this == RECEIPT || this == COUNT;
    }
}
