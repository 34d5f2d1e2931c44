package vn.ocop.orders;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The moves a fulfilment makes, each with the states it may leave and the one it reaches. The aggregate checks
 * a move against {@link #from()}, and the SQL that writes it guards on the same set, so the states are written
 * down once.
 */
public enum FulfilmentStep {
    /** The producer has the goods and will send them (delivery). */
    CONFIRM(EnumSet.of(FulfilmentStatus.PLACED), FulfilmentStatus.CONFIRMED, Mode.DELIVERY),
    /** The goods wait at the pickup outlet (the producer confirmed, or the showroom holding them on consignment did). */
    MARK_READY(EnumSet.of(FulfilmentStatus.PLACED), FulfilmentStatus.READY_FOR_PICKUP, Mode.PICKUP),
    /** The parcel left the location with the carrier: its stock is fulfilled. */
    SHIP(EnumSet.of(FulfilmentStatus.CONFIRMED), FulfilmentStatus.SHIPPED, Mode.DELIVERY),
    /** The carrier delivered it (and collected the cash on delivery). */
    DELIVER(EnumSet.of(FulfilmentStatus.SHIPPED), FulfilmentStatus.COMPLETED, Mode.DELIVERY),
    /** Staff handed it to the shopper against the pickup code: its stock is fulfilled. */
    HAND_OVER(EnumSet.of(FulfilmentStatus.READY_FOR_PICKUP), FulfilmentStatus.COMPLETED, Mode.PICKUP),
    /** Before it leaves: its stock goes back. */
    CANCEL(EnumSet.of(FulfilmentStatus.PLACED, FulfilmentStatus.CONFIRMED, FulfilmentStatus.READY_FOR_PICKUP), FulfilmentStatus.CANCELLED, Mode.ANY);

    /** Whether the move is for deliveries, pickups or both. */
    enum Mode { DELIVERY, PICKUP, ANY }

    private final Set<FulfilmentStatus> from;
    private final FulfilmentStatus to;
    private final Mode mode;

    FulfilmentStep(Set<FulfilmentStatus> from, FulfilmentStatus to, Mode mode) {
        this.from = Set.copyOf(from);
        this.to = to;
        this.mode = mode;
    }

    public Set<FulfilmentStatus> from() {
        return from;
    }

    public FulfilmentStatus to() {
        return to;
    }

    /** The states it may leave, as the SQL binds them. */
    public String[] fromNames() {
        return from.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    boolean fits(boolean pickup) {
        return mode == Mode.ANY || (mode == Mode.PICKUP) == pickup;
    }

    /** The step that leads from one state to another; each pair has at most one. */
    public static FulfilmentStep between(FulfilmentStatus before, FulfilmentStatus after) {
        return List.of(values()).stream().filter(s -> s.to == after && s.from.contains(before)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step from " + before + " to " + after));
    }
}
