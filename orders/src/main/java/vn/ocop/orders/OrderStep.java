package vn.ocop.orders;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The moves of an order as a whole, each with the states it may leave and those it may reach. The aggregate
 * checks a move against {@link #from()}, and the SQL that writes it guards on the same set.
 */
public enum OrderStep {
    /** The card payment arrived. */
    PAY(EnumSet.of(OrderStatus.PENDING_PAYMENT), EnumSet.of(OrderStatus.PLACED)),
    /** It follows its parcels: it stands where the least advanced one stands. */
    FOLLOW(EnumSet.of(OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.READY_FOR_PICKUP, OrderStatus.SHIPPED),
            EnumSet.of(OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.READY_FOR_PICKUP, OrderStatus.SHIPPED, OrderStatus.COMPLETED)),
    /** Before anything has left; the stock goes back and a paid card is refunded. */
    CANCEL(EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.READY_FOR_PICKUP),
            EnumSet.of(OrderStatus.CANCELLED));

    private final Set<OrderStatus> from;
    private final Set<OrderStatus> to;

    OrderStep(Set<OrderStatus> from, Set<OrderStatus> to) {
        this.from = Set.copyOf(from);
        this.to = Set.copyOf(to);
    }

    public Set<OrderStatus> from() {
        return from;
    }

    public Set<OrderStatus> to() {
        return to;
    }

    public String[] fromNames() {
        return names(from);
    }

    public static String[] names(Collection<OrderStatus> states) {
        return states.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    /** The step that leads from one state to another. */
    public static OrderStep between(OrderStatus before, OrderStatus after) {
        return List.of(values()).stream().filter(s -> s.from.contains(before) && s.to.contains(after)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step from " + before + " to " + after));
    }
}
