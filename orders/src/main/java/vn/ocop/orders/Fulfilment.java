package vn.ocop.orders;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;

/**
 * One parcel of an order: the lines one producer sends (or has handed over) from one location, its shipping fee
 * and delivery window (none for a pickup), where it stands, and the money taken for it, if any. A line may be
 * cancelled alone (a recalled lot no other lot could replace): it stays listed, marked, and is neither sent nor due.
 */
public record Fulfilment(UUID id, LocationId location, ProducerId producer, FulfilmentStatus status, List<Order.Line> lines,
                         Vnd shipping, int weightGrams, DeliveryWindow window, MoneyTaken taken) {

    public Fulfilment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(shipping, "shipping");
        lines = List.copyOf(lines);
    }

    /** The lines still to be sent or handed over: every line but those cancelled alone (a recalled lot's). */
    public List<Order.Line> openLines() {
        return lines.stream().filter(Order.Line::open).toList();
    }

    /** What its open lines cost: a line cancelled alone is no longer due. */
    public Vnd linesTotal() {
        return openLines().stream().map(Order.Line::total).reduce(new Vnd(0), Vnd::plus);
    }

    /** What the parcel costs the shopper: its open lines and its shipping fee. */
    public Vnd total() {
        return linesTotal().plus(shipping);
    }

    Fulfilment withLines(List<Order.Line> next) {
        return new Fulfilment(id, location, producer, status, next, shipping, weightGrams, window, taken);
    }

    Fulfilment moved(FulfilmentStatus to, MoneyTaken money) {
        return new Fulfilment(id, location, producer, to, lines, shipping, weightGrams, window, money == null ? taken : money);
    }
}
