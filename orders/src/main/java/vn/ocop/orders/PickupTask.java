package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.List;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;

/**
 * An order waiting at an outlet, as its staff see it: who collects it (name and phone), what is in it, by
 * when, whether every part is ready, the amount to take at the counter (0 when paid by card), and whether a
 * dispute of its card payment holds it (then it is not handed over). Never the pickup code (the shopper tells it)
 * nor the shopper's e-mail.
 */
public record PickupTask(OrderId order, String orderCode, OffsetDateTime placedAt, OrderStatus status, Recipient recipient,
                         List<Part> parts, OffsetDateTime deadline, PaymentMethod payment, Vnd amountToTake, boolean held) {

    /** One producer's goods in it, which the producer or the showroom (holding them on consignment) makes ready. */
    public record Part(java.util.UUID fulfilment, ProducerId producer, FulfilmentStatus status, List<Order.Line> lines) {
        public boolean canMakeReady() {
            return FulfilmentStep.MARK_READY.from().contains(status);
        }

        public boolean ready() {
            return FulfilmentStep.HAND_OVER.from().contains(status);
        }
    }

    public PickupTask {
        parts = List.copyOf(parts);
    }

    static PickupTask of(Order o) {
        return new PickupTask(o.id(), o.code(), o.placedAt(), o.status(), Recipient.of(o.contact()),
                o.fulfilments().stream().filter(f -> f.status() != FulfilmentStatus.CANCELLED)
                        .map(f -> new Part(f.id(), f.producer(), f.status(), f.openLines())).toList(),
                o.pickupDeadline(), o.payment(), o.dueAtPickup(), o.held());
    }

    /** Every part is ready: it can be handed over. */
    public boolean ready() {
        return !parts.isEmpty() && parts.stream().allMatch(Part::ready);
    }

    public List<Order.Line> lines() {
        return parts.stream().flatMap(p -> p.lines().stream()).toList();
    }
}
