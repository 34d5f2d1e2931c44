package vn.ocop.orders;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;

/**
 * One parcel of an order: the lines one producer sends (or has handed over) from one location, its shipping fee
 * and delivery window (none for a pickup), where it stands, and the money taken for it, if any.
 */
public record Fulfilment(UUID id, LocationId location, ProducerId producer, FulfilmentStatus status, List<Order.Line> lines,
                         Vnd shipping, int weightGrams, DeliveryWindow window, MoneyTaken taken) {

    public Fulfilment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(shipping, "shipping");
        lines = List.copyOf(lines);
    }

    public Vnd linesTotal() {
        return lines.stream().map(Order.Line::total).reduce(new Vnd(0), Vnd::plus);
    }

    /** What the parcel costs the shopper: its lines and its shipping fee. */
    public Vnd total() {
        return linesTotal().plus(shipping);
    }

    Fulfilment moved(FulfilmentStatus to, MoneyTaken money) {
        return new Fulfilment(id, location, producer, to, lines, shipping, weightGrams, window, money == null ? taken : money);
    }
}
