package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One step in an order's history, as its timeline shows it: when, which parcel (null for the whole order), what
 * happened, who did it, for a cancellation why, and for a line's cancellation which line.
 */
public record OrderEvent(int seq, OffsetDateTime at, UUID fulfilment, Kind kind, Actor by, CancelReason reason, Integer line) {

    /** LINE_CANCELLED: one line of a parcel cancelled ({@link #line()} says which), the rest of the parcel goes on. */
    public enum Kind { PLACED, AWAITING_PAYMENT, PAID, CONFIRMED, READY_FOR_PICKUP, SHIPPED, DELIVERED, HANDED_OVER, CANCELLED, LINE_CANCELLED }

    /** A step of the whole order or of one parcel (no line). */
    public OrderEvent(int seq, OffsetDateTime at, UUID fulfilment, Kind kind, Actor by, CancelReason reason) {
        this(seq, at, fulfilment, kind, by, reason, null);
    }
}
