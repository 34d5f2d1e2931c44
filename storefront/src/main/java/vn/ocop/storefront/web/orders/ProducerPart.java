package vn.ocop.storefront.web.orders;

import java.util.List;
import java.util.UUID;
import vn.ocop.orders.Order;

/** One producer's part of an order, as its orders page shows it: the lines of one fulfilment, and where it stands. */
public record ProducerPart(Order order, UUID fulfilment, String status, List<Order.Line> lines) {

    public boolean pickup() {
        return order.destination().isPickup();
    }
}
