package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One step in an order's history, as its timeline shows it: when, which parcel (null for the whole order), what
 * happened, who did it, and for a cancellation why.
 */
public record OrderEvent(int seq, OffsetDateTime at, UUID fulfilment, Kind kind, Actor by, CancelReason reason) {

    public enum Kind { PLACED, AWAITING_PAYMENT, PAID, CONFIRMED, READY_FOR_PICKUP, SHIPPED, DELIVERED, HANDED_OVER, CANCELLED }
}
