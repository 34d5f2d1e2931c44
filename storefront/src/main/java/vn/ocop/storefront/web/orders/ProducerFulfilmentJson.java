package vn.ocop.storefront.web.orders;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.locations.Location;
import vn.ocop.orders.DeliveryAddress;
import vn.ocop.orders.FulfilmentStatus;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.ProducerFulfilment;
import vn.ocop.storefront.web.orders.OrderJson.ItemJson;
import vn.ocop.storefront.web.orders.OrderJson.RecipientJson;
import vn.ocop.storefront.web.orders.OrderJson.TakenJson;
import vn.ocop.storefront.web.orders.OrderJson.WindowJson;

/**
 * A producer's parcel of an order: its own lines and totals only (never another producer's lines, prices or the
 * order's total or how the other parcels stand), where it ships from, the recipient's name, phone and address for a delivery, and the money:
 * what to collect on delivery or that it was paid by card, and {@code held}: a dispute of the card payment holds
 * the order (it is not shipped). No pickup code, no e-mail. {@code actions} are the moves it may make now:
 * {@code confirm}, {@code ship}, {@code delivered}.
 */
record ProducerFulfilmentJson(UUID fulfilmentId, UUID orderId, String orderCode, OffsetDateTime placedAt, FulfilmentStatus status,
                              boolean awaitingPayment, List<ItemJson> lines, long linesVnd, long shippingVnd,
                              int weightGrams, WindowJson deliveryWindow, PlaceJson shipFrom, RecipientJson recipient, AddressJson address,
                              OffsetDateTime pickupDeadline, PaymentMethod payment, long amountToCollectVnd, boolean paidByCard,
                              TakenJson collected, List<String> actions, boolean held) {

    record PlaceJson(UUID id, String name, String address, String province) {
        static PlaceJson of(Location l) {
            return new PlaceJson(l.id().value(), l.name(), l.address(), l.province());
        }
    }

    record AddressJson(String street, String commune, String province) {
        static AddressJson of(DeliveryAddress a) {
            return a == null ? null : new AddressJson(a.street(), a.commune(), a.province());
        }
    }

    static ProducerFulfilmentJson of(ProducerFulfilment f) {
        List<String> actions = new ArrayList<>();
        if (f.canConfirm()) {
            actions.add("confirm");
        }
        if (f.canShip()) {
            actions.add("ship");
        }
        if (f.canDeliver()) {
            actions.add("delivered");
        }
        return new ProducerFulfilmentJson(f.parcel().id(), f.order().value(), f.orderCode(), f.placedAt(), f.parcel().status(),
                f.awaitingPayment(), ItemJson.of(f.parcel().openLines()), f.parcel().linesTotal().dong(), f.parcel().shipping().dong(),
                f.parcel().weightGrams(), WindowJson.of(f.parcel().window()), PlaceJson.of(f.shipFrom()), RecipientJson.of(f.recipient()),
                AddressJson.of(f.address()), f.pickupDeadline(), f.payment(), f.amountToCollect().dong(), f.paidByCard(),
                TakenJson.of(f.parcel().taken()), List.copyOf(actions), f.held());
    }
}
