package vn.ocop.storefront.web.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.orders.Actor;
import vn.ocop.orders.CancelReason;
import vn.ocop.orders.CardPayment;
import vn.ocop.orders.CardRefund;
import vn.ocop.orders.Destination;
import vn.ocop.orders.Fulfilment;
import vn.ocop.orders.FulfilmentStatus;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderEvent;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.RecallNotice;
import vn.ocop.orders.RefundStatus;
import vn.ocop.storefront.web.orders.OrderJson.ContactJson;
import vn.ocop.storefront.web.orders.OrderJson.DeliveryJson;
import vn.ocop.storefront.web.orders.OrderJson.ItemJson;
import vn.ocop.storefront.web.orders.OrderJson.TakenJson;
import vn.ocop.storefront.web.orders.OrderJson.WindowJson;

/**
 * The shopper's own order, the only reader that sees all of it: the pickup code, the parcels with their
 * shipping fees and delivery windows, the money taken, the history (who did each step by kind only: a
 * producer's or staff member's account stays theirs), for an unpaid card order the client secret (or
 * {@code cardPaymentStartFailed}: Stripe would not start the payment; POST .../card-payment tries again), its card
 * refunds with Stripe's status, {@code held}: a dispute of the card payment holds the order, and {@code recalls}: lots
 * the order received or had set aside that were recalled, with what that did to it.
 */
record ShopperOrderJson(UUID id, String code, OrderStatus status, PaymentMethod payment, ContactJson contact, DeliveryJson delivery,
                        UUID pickupLocationId, String pickupCode, OffsetDateTime pickupDeadline, long linesVnd, long shippingVnd,
                        long totalVnd, List<ItemJson> lines, List<ParcelJson> parcels, List<EventJson> timeline, OffsetDateTime placedAt,
                        OffsetDateTime paidAt, String clientSecret, boolean cardPaymentStartFailed, OffsetDateTime refundedAt,
                        List<RefundJson> refunds, boolean held, List<RecallJson> recalls) {

    /**
     * A recalled lot this order received ({@code received}: stop using it), had its reservation moved from
     * ({@code swapped}) or had its part cancelled for ({@code cancelled}).
     */
    record RecallJson(UUID lotId, UUID productId, String productName, String lotCode, String reason, OffsetDateTime recalledAt,
                      boolean received, boolean swapped, boolean cancelled) {
        static RecallJson of(RecallNotice n) {
            return new RecallJson(n.lot().value(), n.product().value(), n.productName(), n.lotCode(), n.reason(), n.recalledAt(),
                    n.received(), n.swapped(), n.cancelled());
        }
    }

    /** A refund of the card payment: how much, Stripe's status (PENDING, SUCCEEDED, FAILED, CANCELED, REQUIRES_ACTION) and why it failed. */
    record RefundJson(UUID id, long amountVnd, RefundStatus status, String failureReason, OffsetDateTime requestedAt, OffsetDateTime succeededAt) {
        static RefundJson of(CardRefund r) {
            return new RefundJson(r.id(), r.amount().dong(), r.status(), r.failureReason(), r.createdAt(), r.succeededAt());
        }
    }

    /** One parcel: where it comes from, where it stands, what its shipping costs and when it should arrive. */
    record ParcelJson(UUID id, UUID locationId, FulfilmentStatus status, List<Integer> lineNumbers, long linesVnd, long shippingVnd,
                      int weightGrams, WindowJson deliveryWindow, TakenJson paid) {
        static ParcelJson of(Fulfilment f) {
            return new ParcelJson(f.id(), f.location().value(), f.status(), f.lines().stream().map(Order.Line::number).toList(),
                    f.linesTotal().dong(), f.shipping().dong(), f.weightGrams(), WindowJson.of(f.window()), TakenJson.of(f.taken()));
        }
    }

    /** A step of the order's history; {@code fulfilmentId} names the parcel it moved (null: the whole order). */
    /** One step; {@code line} names the line a LINE_CANCELLED step cancelled (null for any other). */
    record EventJson(OffsetDateTime at, OrderEvent.Kind kind, UUID fulfilmentId, Integer line, Actor.Kind by, CancelReason reason) {
        static EventJson of(OrderEvent e) {
            return new EventJson(e.at(), e.kind(), e.fulfilment(), e.line(), e.by().kind(), e.reason());
        }
    }

    /**
     * The order with its card payment (null for other methods) and refunds; the client secret a card order's page
     * confirms its PaymentIntent with only while it waits for payment (and only ever to the order's owner).
     */
    static ShopperOrderJson of(Order o, CardPayment card, List<CardRefund> refunds, List<RecallNotice> recalls) {
        Destination d = o.destination();
        boolean waiting = o.status() == OrderStatus.PENDING_PAYMENT && card != null;
        return new ShopperOrderJson(o.id().value(), o.code(), o.status(), o.payment(),
                new ContactJson(o.contact().name(), o.contact().phone(), o.contact().email()),
                d.isPickup() ? null : new DeliveryJson(d.provinceCode(), d.communeCode(), d.street()),
                d.isPickup() ? d.pickupAt().value() : null, o.pickupCode(), o.pickupDeadline(), o.linesTotal().dong(), o.shipping().dong(),
                o.total().dong(), ItemJson.of(o.lines()), o.fulfilments().stream().map(ParcelJson::of).toList(),
                o.history().stream().map(EventJson::of).toList(), o.placedAt(), o.paidAt(), waiting ? card.clientSecret() : null,
                waiting && card.startFailed(), card == null ? null : card.refundedAt(), refunds.stream().map(RefundJson::of).toList(), o.held(),
                recalls.stream().map(RecallJson::of).toList());
    }
}
