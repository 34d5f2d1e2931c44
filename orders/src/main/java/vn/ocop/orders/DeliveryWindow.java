package vn.ocop.orders;

/** How many days a parcel takes to arrive, at the soonest and at the latest. */
public record DeliveryWindow(int minDays, int maxDays) {

    public DeliveryWindow {
        if (minDays < 0 || maxDays < minDays || maxDays > 60) {
            throw new IllegalArgumentException("a delivery window is 0 to 60 days, the soonest first: " + minDays + "–" + maxDays);
        }
    }
}
