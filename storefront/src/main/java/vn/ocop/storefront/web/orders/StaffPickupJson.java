package vn.ocop.storefront.web.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.orders.FulfilmentStatus;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.PickupTask;
import vn.ocop.storefront.web.orders.OrderJson.ItemJson;
import vn.ocop.storefront.web.orders.OrderJson.RecipientJson;

/**
 * An order waiting at the staff member's outlet: who collects it (name and phone), its parts and whether each is
 * ready, the deadline, the amount to take (0 when paid by card), and {@code held}: a dispute of the card payment
 * holds it (it is not handed over). Never the pickup code (the shopper reads it out) nor the shopper's e-mail.
 */
record StaffPickupJson(UUID orderId, String orderCode, OffsetDateTime placedAt, OrderStatus status, RecipientJson recipient,
                       List<PartJson> parts, OffsetDateTime deadline, PaymentMethod payment, long amountToTakeVnd, boolean ready,
                       boolean held) {

    /** One producer's goods in it; a part not ready yet is made ready by its producer, or here for goods held on consignment. */
    record PartJson(UUID fulfilmentId, UUID producerId, FulfilmentStatus status, boolean ready, List<ItemJson> lines) {
    }

    static StaffPickupJson of(PickupTask t) {
        return new StaffPickupJson(t.order().value(), t.orderCode(), t.placedAt(), t.status(), RecipientJson.of(t.recipient()),
                t.parts().stream().map(p -> new PartJson(p.fulfilment(), p.producer().value(), p.status(), p.ready(), ItemJson.of(p.lines()))).toList(),
                t.deadline(), t.payment(), t.amountToTake().dong(), t.ready(), t.held());
    }
}
