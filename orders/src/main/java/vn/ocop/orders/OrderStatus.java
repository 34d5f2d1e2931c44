package vn.ocop.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * DESIGN.md §2: PENDING_PAYMENT (card only) → PLACED → CONFIRMED or READY_FOR_PICKUP → SHIPPED (delivery) →
 * COMPLETED; CANCELLED before anything has left. Once paid, an order stands where its least advanced parcel
 * stands ({@link Order}); {@link OrderStep} holds the moves.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PLACED, CONFIRMED, READY_FOR_PICKUP, SHIPPED, COMPLETED, CANCELLED;

    /** Before it ships or is collected, an order can still be cancelled and its stock released. */
    public boolean cancellable() {
        return OrderStep.CANCEL.from().contains(this);
    }

    /** A pickup order in one of these states is waiting at its outlet (or on its way there) and can lapse. */
    public static Set<OrderStatus> awaitingCollection() {
        Set<OrderStatus> waiting = EnumSet.copyOf(OrderStep.CANCEL.from());
        waiting.remove(PENDING_PAYMENT);
        return waiting;
    }

    /** Finished: nothing more happens to it. */
    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
