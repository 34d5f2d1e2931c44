package vn.ocop.catalog.lots;

import vn.ocop.catalog.LocationId;

/**
 * A lot's stock at one location: on hand, reserved, and what may still be promised (nothing once it is past its
 * use-by date or recalled; never below zero).
 */
public record LotStock(Lot lot, LocationId location, String locationName, int onHand, int reserved, Lot.Status status) {

    /** On sale and its use-by date within {@link Lots#EXPIRING_WITHIN_DAYS} days of {@code today}: to sell first. */
    public boolean expiringOn(java.time.LocalDate today) {
        return status == Lot.Status.ON_SALE && lot.useBy() != null && !lot.useBy().isAfter(today.plusDays(Lots.EXPIRING_WITHIN_DAYS));
    }

    public int available() {
        return status == Lot.Status.ON_SALE ? Math.max(0, onHand - reserved) : 0;
    }
}
