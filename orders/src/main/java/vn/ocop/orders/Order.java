package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/** An order as its shopper sees it. */
public record Order(OrderId id, String code, UUID account, OrderStatus status, PaymentMethod payment, Contact contact,
                    Destination destination, String pickupCode, OffsetDateTime pickupDeadline, Vnd total, List<Line> lines,
                    OffsetDateTime placedAt, String requestHash) {

    /**
     * One line: what was bought at which price, from which location and producer, and where that producer's
     * part of the order (its fulfilment) stands: PLACED, CONFIRMED, READY_FOR_PICKUP, SHIPPED, COMPLETED or CANCELLED.
     */
    public record Line(int number, ProductId product, String name, Vnd unitPrice, int quantity, LocationId location, ProducerId producer,
                       UUID fulfilment, OrderStatus fulfilmentStatus, UUID reserveMovement) {
        public Vnd total() {
            return unitPrice.times(quantity);
        }
    }
}
