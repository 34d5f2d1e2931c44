package vn.ocop.orders;

import java.util.List;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.Vnd;

/**
 * What an order would cost before it is placed: its parcels (each location sends its own), each with its lines,
 * weight, shipping fee and delivery window (no fee and no window for a pickup), and the totals. Where a line
 * comes from is decided as checkout would decide it now; stock may still change before the order is placed.
 */
public record Quote(List<Parcel> parcels) {

    public record Parcel(Location from, List<Order.Line> lines, int weightGrams, Vnd shipping, DeliveryWindow window) {
        public Vnd linesTotal() {
            return lines.stream().map(Order.Line::total).reduce(new Vnd(0), Vnd::plus);
        }
    }

    public Quote {
        parcels = List.copyOf(parcels);
    }

    public Vnd linesTotal() {
        return parcels.stream().map(Parcel::linesTotal).reduce(new Vnd(0), Vnd::plus);
    }

    public Vnd shipping() {
        return parcels.stream().map(Parcel::shipping).reduce(new Vnd(0), Vnd::plus);
    }

    public Vnd total() {
        return linesTotal().plus(shipping());
    }
}
