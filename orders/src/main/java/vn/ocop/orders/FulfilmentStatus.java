package vn.ocop.orders;

/**
 * Where one parcel of an order stands: the lines one producer sends from one location. A delivery goes
 * PLACED → CONFIRMED → SHIPPED → COMPLETED (delivered), a pickup PLACED → READY_FOR_PICKUP → COMPLETED (handed
 * over); either may be CANCELLED before it leaves. {@link FulfilmentStep} holds the moves.
 */
public enum FulfilmentStatus {
    PLACED(0), CONFIRMED(1), READY_FOR_PICKUP(1), SHIPPED(2), COMPLETED(3), CANCELLED(-1);

    private final int progress;

    FulfilmentStatus(int progress) {
        this.progress = progress;
    }

    /** How far along the way it is: the order stands where its least advanced parcel stands. */
    int progress() {
        return progress;
    }

    /** The order status of an order whose least advanced parcel is here. */
    OrderStatus asOrderStatus() {
        return OrderStatus.valueOf(name());
    }
}
