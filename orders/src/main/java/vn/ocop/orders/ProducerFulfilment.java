package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.Objects;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.Vnd;

/**
 * What a producer sees of an order: its own parcel only (never another producer's lines, prices or totals),
 * where it ships from, for a delivery the whole address and the recipient's name and phone, for a pickup the
 * outlet and deadline, and the money: the amount to collect on delivery (its lines and its shipping fee), or
 * that it was paid by card, and whether a dispute of the card payment holds it (then it is not shipped). Never
 * the shopper's pickup code or e-mail.
 */
public record ProducerFulfilment(OrderId order, String orderCode, OffsetDateTime placedAt, OrderStatus orderStatus, Fulfilment parcel,
                                 Location shipFrom, PaymentMethod payment, boolean paid, Vnd amountToCollect, Recipient recipient,
                                 DeliveryAddress address, OffsetDateTime pickupDeadline, boolean held) {

    public ProducerFulfilment {
        Objects.requireNonNull(parcel, "parcel");
    }

    static ProducerFulfilment of(Order o, Fulfilment f, Location shipFrom, DeliveryAddress address) {
        boolean delivery = !o.pickup();
        return new ProducerFulfilment(o.id(), o.code(), o.placedAt(), o.status(), f, shipFrom, o.payment(), o.paidAt() != null,
                delivery && o.payment() == PaymentMethod.COD ? o.dueFor(f) : new Vnd(0),
                delivery ? Recipient.of(o.contact()) : null, delivery ? address : null, o.pickup() ? o.pickupDeadline() : null, o.held());
    }

    public boolean pickup() {
        return address == null;
    }

    public boolean paidByCard() {
        return payment == PaymentMethod.CARD && paid;
    }

    /** Waiting for the card payment: nothing is to be done yet. */
    public boolean awaitingPayment() {
        return orderStatus == OrderStatus.PENDING_PAYMENT;
    }

    private boolean open() {
        return !awaitingPayment() && !orderStatus.finished();
    }

    public boolean canConfirm() {
        return open() && (pickup() ? FulfilmentStep.MARK_READY : FulfilmentStep.CONFIRM).from().contains(parcel.status());
    }

    public boolean canShip() {
        return open() && !held && !pickup() && FulfilmentStep.SHIP.from().contains(parcel.status());
    }

    public boolean canDeliver() {
        return open() && !pickup() && FulfilmentStep.DELIVER.from().contains(parcel.status());
    }
}
