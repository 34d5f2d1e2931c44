package vn.ocop.orders;

/** DESIGN.md §2: PENDING_PAYMENT (card only) → PLACED → CONFIRMED → READY_FOR_PICKUP or SHIPPED → COMPLETED; CANCELLED before completion. */
public enum OrderStatus {
    PENDING_PAYMENT, PLACED, CONFIRMED, READY_FOR_PICKUP, SHIPPED, COMPLETED, CANCELLED;

    /** Before it ships or is collected, an order can still be cancelled and its stock released. */
    public boolean cancellable() {
        return this == PENDING_PAYMENT || this == PLACED || this == CONFIRMED || this == READY_FOR_PICKUP;
    }
}
