package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/** Orders in memory for the aggregate's own tests: a delivery or a pickup in parcels of given line prices and fees. */
final class OrderFixtures {

    static final OffsetDateTime PLACED_AT = OffsetDateTime.parse("2026-12-01T09:00:00+07:00");
    static final Contact MAI = new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn");

    private OrderFixtures() {
    }

    /** A parcel of one line of {@code quantity} × {@code unitPrice}, sent for {@code shipping}. */
    record ParcelSpec(long unitPrice, int quantity, long shipping) {
    }

    static ParcelSpec parcel(long unitPrice, int quantity, long shipping) {
        return new ParcelSpec(unitPrice, quantity, shipping);
    }

    static Order delivery(PaymentMethod payment, ParcelSpec... parcels) {
        return order(Destination.delivery("01", "00070", "12 Hàng Bạc"), payment, parcels);
    }

    static Order pickup(PaymentMethod payment, ParcelSpec... parcels) {
        return order(Destination.pickup(LocationId.random()), payment, parcels);
    }

    /** A one-parcel order whose parcel, and so the order, stands at {@code status}. */
    static Order standingAt(FulfilmentStatus status, boolean pickup, PaymentMethod payment) {
        Order placed = pickup ? pickup(payment, parcel(100_000, 1, 0)) : delivery(payment, parcel(100_000, 1, 20_000));
        Fulfilment f = placed.fulfilments().get(0);
        Fulfilment there = new Fulfilment(f.id(), f.location(), f.producer(), status, f.lines(), f.shipping(), f.weightGrams(), f.window(), null);
        return new Order(placed.id(), placed.code(), placed.account(), OrderStatus.valueOf(status.name()), payment, placed.contact(),
                placed.destination(), placed.pickupCode(), placed.pickupDeadline(), List.of(there), placed.placedAt(), placed.requestHash(),
                null, placed.history(), null);
    }

    /** The order with one more line in its first parcel: {@code quantity} × {@code unitPrice} of another product. */
    static Order withSecondLine(Order o, long unitPrice, int quantity) {
        Fulfilment f = o.fulfilments().get(0);
        int number = o.lines().size() + 1;
        List<Order.Line> lines = new ArrayList<>(f.lines());
        lines.add(new Order.Line(number, new ProductId(UUID.randomUUID()), "Chè Shan tuyết", new Vnd(unitPrice), quantity, UUID.randomUUID()));
        List<Fulfilment> parcels = new ArrayList<>(o.fulfilments());
        parcels.set(0, new Fulfilment(f.id(), f.location(), f.producer(), f.status(), lines, f.shipping(), f.weightGrams(), f.window(), f.taken()));
        return new Order(o.id(), o.code(), o.account(), o.status(), o.payment(), o.contact(), o.destination(), o.pickupCode(), o.pickupDeadline(),
                parcels, o.placedAt(), o.requestHash(), o.paidAt(), o.history(), o.dispute());
    }

    /** The order with a dispute of its card payment in that status (Stripe's word: needs_response, won, lost, ...). */
    static Order disputed(Order o, String status) {
        return new Order(o.id(), o.code(), o.account(), o.status(), o.payment(), o.contact(), o.destination(), o.pickupCode(), o.pickupDeadline(),
                o.fulfilments(), o.placedAt(), o.requestHash(), o.paidAt(), o.history(),
                new CardDispute("dp_test", "fraudulent", status, PLACED_AT.plusDays(1)));
    }

    private static Order order(Destination destination, PaymentMethod payment, ParcelSpec... parcels) {
        List<Fulfilment> fulfilments = new ArrayList<>();
        int line = 1;
        for (ParcelSpec p : parcels) {
            fulfilments.add(new Fulfilment(UUID.randomUUID(), destination.isPickup() ? destination.pickupAt() : LocationId.random(),
                    new ProducerId(UUID.randomUUID()), FulfilmentStatus.PLACED,
                    List.of(new Order.Line(line++, new ProductId(UUID.randomUUID()), "Mật ong bạc hà", new Vnd(p.unitPrice()), p.quantity(), UUID.randomUUID())),
                    new Vnd(p.shipping()), 500 * p.quantity(), destination.isPickup() ? null : new DeliveryWindow(1, 2), null));
        }
        OrderStatus status = payment == PaymentMethod.CARD ? OrderStatus.PENDING_PAYMENT : OrderStatus.PLACED;
        OrderEvent placed = new OrderEvent(1, PLACED_AT, null, status == OrderStatus.PLACED ? OrderEvent.Kind.PLACED : OrderEvent.Kind.AWAITING_PAYMENT,
                Actor.shopper("mai"), null);
        return new Order(new OrderId(UUID.randomUUID()), "OCOP-TEST0001", UUID.randomUUID(), status, payment, MAI, destination,
                destination.isPickup() ? "K7Q2ZP" : null, destination.isPickup() ? PLACED_AT.plusDays(3) : null, fulfilments, PLACED_AT, "hash",
                null, List.of(placed), null);
    }
}
